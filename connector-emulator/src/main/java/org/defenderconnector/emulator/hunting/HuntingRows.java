package org.defenderconnector.emulator.hunting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.Catalog;
import org.defenderconnector.emulator.data.Evidence;
import org.defenderconnector.emulator.data.Machine;
import org.defenderconnector.emulator.data.Person;
import org.defenderconnector.emulator.data.Seeds;
import org.defenderconnector.emulator.data.ServiceSource;
import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.data.Times;

/**
 * Generates the rows of a table for a time range, never more than asked: event tables have
 * {@code huntingEventsPerHour} rows per UTC hour (each a pure function of seed, table, hour and index); DeviceInfo
 * and DeviceNetworkInfo one report per device per day; AlertInfo and AlertEvidence follow the tenant's alerts.
 * Values are instants for datetime columns, Long/Integer/Boolean/String, and JSON nodes for dynamic ones.
 */
final class HuntingRows {

    private final TenantData data;
    private final long seed;

    HuntingRows(TenantData data) {
        this.data = data;
        this.seed = data.settings().seed();
    }

    /** Visits the rows with a Timestamp in [from, to] until the visitor returns false; returns rows visited. */
    long scan(HuntingTable table, Instant from, Instant to, Predicate<Object[]> visitor) {
        Instant start = Times.max(from, data.dataStart());
        Instant end = to.isAfter(data.now()) ? data.now() : to;
        if (end.isBefore(start)) {
            return 0;
        }
        return switch (table.name()) {
            case "AlertInfo", "AlertEvidence" -> alerts(table, start, end, visitor);
            case "DeviceInfo", "DeviceNetworkInfo" -> reports(table, start, end, visitor);
            default -> events(table, start, end, visitor);
        };
    }

    private long alerts(HuntingTable table, Instant from, Instant to, Predicate<Object[]> visitor) {
        long count = 0;
        for (Alert alert : data.alerts()) {
            if (alert.created().isBefore(from) || alert.created().isAfter(to)) {
                continue;
            }
            if (table.name().equals("AlertInfo")) {
                count++;
                if (!visitor.test(alertInfo(table, alert))) {
                    return count;
                }
                continue;
            }
            if (alert.machine() != null) {
                count++;
                if (!visitor.test(alertEvidence(table, alert, null))) {
                    return count;
                }
            }
            for (Evidence evidence : alert.evidence()) {
                count++;
                if (!visitor.test(alertEvidence(table, alert, evidence))) {
                    return count;
                }
            }
        }
        return count;
    }

    private long reports(HuntingTable table, Instant from, Instant to, Predicate<Object[]> visitor) {
        long count = 0;
        Duration shift = table.name().equals("DeviceNetworkInfo") ? Duration.ofMinutes(1) : Duration.ZERO;
        for (long day = Times.dayIndex(from) - 1; day <= Times.dayIndex(to); day++) {
            for (Machine machine : data.machines()) {
                Instant time = Times.dayStart(day).plus(machine.reportOffset()).plus(shift);
                if (time.isBefore(from) || time.isAfter(to) || time.isBefore(machine.firstSeen())) {
                    continue;
                }
                count++;
                EventContext context = new EventContext(seed, table.name(), day, machine.index(), time, machine);
                if (!visitor.test(row(table, context))) {
                    return count;
                }
            }
        }
        return count;
    }

    private long events(HuntingTable table, Instant from, Instant to, Predicate<Object[]> visitor) {
        int perHour = data.settings().huntingEventsPerHour();
        List<Machine> machines = data.machines();
        boolean deviceTable = table.name().startsWith("Device");
        if (perHour == 0 || (deviceTable && machines.isEmpty())) {
            return 0;
        }
        long count = 0;
        for (long hour = Times.hourIndex(from); hour <= Times.hourIndex(to); hour++) {
            for (int k = 0; k < perHour; k++) {
                SplittableRandom random = Seeds.random(seed, "hunting-time-" + table.name(), hour, k);
                Instant time = Times.within(random, Times.hourStart(hour), Duration.ofHours(1));
                if (time.isBefore(from) || time.isAfter(to)) {
                    continue;
                }
                Machine machine = machines.isEmpty() ? null : machines.get(random.nextInt(machines.size()));
                count++;
                if (!visitor.test(row(table, new EventContext(seed, table.name(), hour, k, time, machine)))) {
                    return count;
                }
            }
        }
        return count;
    }

    private Object[] row(HuntingTable table, EventContext context) {
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            HuntingTable.Column column = table.columns().get(i);
            row[i] = ColumnValues.value(table.name(), column, context);
        }
        return row;
    }

    private Object[] alertInfo(HuntingTable table, Alert alert) {
        Object[] row = new Object[table.columns().size()];
        set(table, row, "Timestamp", alert.created());
        set(table, row, "AlertId", alert.id());
        set(table, row, "Title", alert.template().title());
        set(table, row, "Category", alert.template().category());
        set(table, row, "Severity", alert.severity());
        set(table, row, "ServiceSource", serviceSource(alert));
        set(table, row, "DetectionSource", detectionSource(alert));
        set(table, row, "AttackTechniques", techniques(alert));
        return row;
    }

    private Object[] alertEvidence(HuntingTable table, Alert alert, Evidence evidence) {
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = table.columns().get(i).type() == ColumnType.STRING ? "" : null;
        }
        set(table, row, "Timestamp", alert.created());
        set(table, row, "AlertId", alert.id());
        set(table, row, "Title", alert.template().title());
        set(table, row, "Categories", "[\"" + alert.template().category() + "\"]");
        set(table, row, "AttackTechniques", techniques(alert));
        set(table, row, "ServiceSource", serviceSource(alert));
        set(table, row, "DetectionSource", detectionSource(alert));
        set(table, row, "Severity", alert.severity());
        Machine machine = alert.machine();
        if (machine != null) {
            set(table, row, "DeviceId", machine.id());
            set(table, row, "DeviceName", machine.computerDnsName());
            set(table, row, "LocalIP", machine.lastIpAddress());
        }
        if (evidence == null) {
            set(table, row, "EntityType", "Machine");
            set(table, row, "EvidenceRole", "Impacted");
            return row;
        }
        set(table, row, "EvidenceRole", evidence.kind().ordinal() == 0 ? "Impacted" : "Related");
        switch (evidence.kind()) {
            case USER, MAILBOX -> {
                Person person = evidence.account();
                set(table, row, "EntityType", evidence.kind().name().equals("USER") ? "User" : "Mailbox");
                set(table, row, "AccountName", person.accountName());
                set(table, row, "AccountDomain", Catalog.NETBIOS_DOMAIN.toLowerCase());
                set(table, row, "AccountSid", person.sid());
                set(table, row, "AccountObjectId", person.aadUserId());
                set(table, row, "AccountUpn", person.upn());
            }
            case PROCESS, FILE -> {
                set(table, row, "EntityType", evidence.kind().name().equals("FILE") ? "File" : "Process");
                set(table, row, "FileName", evidence.fileName());
                set(table, row, "FolderPath", evidence.filePath());
                set(table, row, "SHA1", evidence.sha1());
                set(table, row, "SHA256", evidence.sha256());
                set(table, row, "FileSize", evidence.fileSize());
                set(table, row, "ThreatFamily", alert.template().threatFamily() == null ? ""
                        : alert.template().threatFamily());
                set(table, row, "ProcessCommandLine", evidence.processCommandLine() == null ? ""
                        : evidence.processCommandLine());
            }
            case IP -> {
                set(table, row, "EntityType", "Ip");
                set(table, row, "RemoteIP", evidence.ipAddress());
                set(table, row, "EvidenceDirection", "Destination");
            }
            case URL -> {
                set(table, row, "EntityType", "Url");
                set(table, row, "RemoteUrl", evidence.url());
            }
            case REGISTRY -> {
                set(table, row, "EntityType", "RegistryValue");
                set(table, row, "RegistryKey", evidence.registryHive() + "\\" + evidence.registryKey());
                set(table, row, "RegistryValueName", "Updater");
                set(table, row, "RegistryValueData", evidence.registryValue());
            }
            case MAIL_CLUSTER -> set(table, row, "EntityType", "MailCluster");
            case MAIL_MESSAGE -> {
                set(table, row, "EntityType", "MailMessage");
                set(table, row, "NetworkMessageId", evidence.networkMessageId());
                set(table, row, "EmailSubject", evidence.subject());
                set(table, row, "RemoteIP", evidence.ipAddress());
            }
        }
        return row;
    }

    private static String serviceSource(Alert alert) {
        return switch (alert.source()) {
            case ENDPOINT -> "Microsoft Defender for Endpoint";
            case OFFICE -> "Microsoft Defender for Office 365";
            case CLOUD_APPS -> "Microsoft Defender for Cloud Apps";
        };
    }

    private static String detectionSource(Alert alert) {
        if (alert.source() != ServiceSource.ENDPOINT) {
            return alert.source() == ServiceSource.OFFICE ? "Microsoft Defender for Office 365"
                    : "Microsoft Defender for Cloud Apps";
        }
        return switch (alert.template().detectionSource()) {
            case "WindowsDefenderAv" -> "Antivirus";
            case "CustomDetection" -> "Custom detection";
            case "AutomatedInvestigation" -> "Automated investigation";
            default -> "EDR";
        };
    }

    private static String techniques(Alert alert) {
        return alert.template().mitreTechniques().isEmpty() ? ""
                : "[\"" + String.join("\",\"", alert.template().mitreTechniques()) + "\"]";
    }

    private static void set(HuntingTable table, Object[] row, String column, Object value) {
        int index = table.indexOf(column);
        if (index >= 0) {
            row[index] = value;
        }
    }

    static JsonNodeFactory json() {
        return JsonNodeFactory.instance;
    }
}
