package org.defenderconnector.emulator.views;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.Catalog;
import org.defenderconnector.emulator.data.Comment;
import org.defenderconnector.emulator.data.Evidence;
import org.defenderconnector.emulator.data.EvidenceKind;
import org.defenderconnector.emulator.data.Indicator;
import org.defenderconnector.emulator.data.Machine;
import org.defenderconnector.emulator.data.MachineAction;
import org.defenderconnector.emulator.data.Vulnerabilities;

/**
 * Defender for Endpoint's JSON for each entity, key for key and in the order of Microsoft's samples
 * (shared/reference/samples/mde-*.json), plus the documented properties the samples leave out.
 */
public final class MdeViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MdeViews() {
    }

    /** An alert; {@code evidence} is always present and empty unless expanded (mde-alerts-list.json). */
    public static ObjectNode alert(Alert alert, String tenantId, boolean withEvidence) {
        ObjectNode node = JSON.objectNode();
        node.put("id", alert.id());
        node.put("incidentId", alert.incidentId());
        putLong(node, "investigationId", alert.investigationId());
        node.put("assignedTo", alert.assignedTo());
        node.put("severity", alert.severity());
        node.put("status", alert.status());
        node.put("classification", alert.classification());
        node.put("determination", alert.determination());
        node.put("investigationState", alert.investigationState());
        node.put("detectionSource", alert.template().detectionSource());
        node.put("detectorId", alert.detectorId());
        node.put("category", alert.template().category());
        node.put("threatFamilyName", alert.template().threatFamily());
        node.put("title", alert.template().title());
        node.put("description", alert.template().description());
        node.put("alertCreationTime", JsonTime.precise(alert.created()));
        node.put("firstEventTime", JsonTime.precise(alert.firstEvent()));
        node.put("lastEventTime", JsonTime.precise(alert.lastEvent()));
        node.put("lastUpdateTime", JsonTime.precise(alert.lastUpdate()));
        node.put("resolvedTime", JsonTime.precise(alert.resolved()));
        Machine machine = alert.machine();
        node.put("machineId", machine == null ? null : machine.id());
        node.put("computerDnsName", machine == null ? null : machine.computerDnsName());
        node.put("rbacGroupName", machine == null ? null : machine.rbacGroupName());
        node.put("aadTenantId", tenantId);
        node.put("threatName", threatName(alert));
        strings(node.putArray("mitreTechniques"), alert.template().mitreTechniques());
        node.putObject("relatedUser").put("userName", alert.user().accountName())
                .put("domainName", Catalog.NETBIOS_DOMAIN);
        comments(node.putArray("comments"), alert.comments());
        ArrayNode evidence = node.putArray("evidence");
        if (withEvidence) {
            alert.evidence().forEach(item -> evidence.add(evidence(item)));
        }
        return node;
    }

    static String threatName(Alert alert) {
        String family = alert.template().threatFamily();
        return family == null ? null : family.contains(":") ? family : "HackTool:Win32/" + family;
    }

    public static ObjectNode evidence(Evidence item) {
        ObjectNode node = JSON.objectNode();
        node.put("entityType", item.kind().defenderEntityType());
        node.put("evidenceCreationTime", JsonTime.precise(item.created()));
        node.put("sha1", item.sha1());
        node.put("sha256", item.sha256());
        node.put("fileName", item.fileName());
        node.put("filePath", item.filePath());
        putLong(node, "processId", item.processId());
        node.put("processCommandLine", item.processCommandLine());
        node.put("processCreationTime", JsonTime.precise(item.processCreationTime()));
        putLong(node, "parentProcessId", item.parentProcessId());
        node.put("parentProcessCreationTime", JsonTime.precise(item.parentProcessCreationTime()));
        node.put("parentProcessFileName", item.parentProcessFileName());
        node.put("parentProcessFilePath", item.parentProcessFilePath());
        node.put("ipAddress", item.ipAddress());
        node.put("url", item.url());
        node.put("registryKey", item.registryKey());
        node.put("registryHive", item.registryHive());
        node.put("registryValueType", item.registryValueType());
        node.put("registryValue", item.registryValue());
        boolean user = item.kind() == EvidenceKind.USER;
        node.put("accountName", user ? item.account().accountName() : null);
        node.put("domainName", user ? Catalog.NETBIOS_DOMAIN : null);
        node.put("userSid", user ? item.account().sid() : null);
        node.put("aadUserId", user ? item.account().aadUserId() : null);
        node.put("userPrincipalName", user ? item.account().upn() : null);
        node.put("detectionStatus", item.detectionStatus());
        return node;
    }

    /** A machine as of {@code now} (its lastSeen depends on it). */
    public static ObjectNode machine(Machine machine, Instant now) {
        ObjectNode node = JSON.objectNode();
        node.put("id", machine.id());
        node.put("computerDnsName", machine.computerDnsName());
        node.put("firstSeen", JsonTime.precise(machine.firstSeen()));
        node.put("lastSeen", JsonTime.precise(machine.lastSeen(now)));
        node.put("osPlatform", machine.os().platform());
        node.put("version", machine.os().version());
        node.put("osProcessor", machine.os().processor());
        node.put("lastIpAddress", machine.lastIpAddress());
        node.put("lastExternalIpAddress", machine.lastExternalIpAddress());
        if (machine.os().build() > 0) {
            node.put("osBuild", machine.os().build());
        } else {
            node.putNull("osBuild");
        }
        node.put("healthStatus", machine.healthStatus());
        node.put("deviceValue", machine.deviceValue());
        // machine.md types rbacGroupId as String, but every sample (and XDR's device object) shows a number.
        node.put("rbacGroupId", machine.rbacGroupId());
        node.put("rbacGroupName", machine.rbacGroupName());
        node.put("riskScore", machine.riskScore());
        node.put("exposureLevel", machine.exposureLevel());
        node.put("isAadJoined", machine.aadJoined());
        node.put("aadDeviceId", machine.aadDeviceId());
        strings(node.putArray("machineTags"), machine.machineTags());
        node.put("onboardingStatus", machine.onboardingStatus());
        node.put("osArchitecture", machine.os().processor().equals("arm64") ? "ARM" : "64-bit");
        ArrayNode addresses = node.putArray("ipAddresses");
        addresses.addObject().put("ipAddress", machine.lastIpAddress()).put("macAddress", machine.macAddress())
                .put("operationalStatus", "Up");
        addresses.addObject().put("ipAddress", machine.ipv6Address()).put("macAddress", machine.macAddress())
                .put("operationalStatus", "Up");
        return node;
    }

    /**
     * A machine action. The entity doc (machineaction.md) names the update time {@code lastUpdateDateTimeUtc};
     * the list sample shows {@code lastUpdateTimeUtc}. The emulator follows the entity doc.
     */
    public static ObjectNode machineAction(MachineAction action) {
        ObjectNode node = JSON.objectNode();
        node.put("id", action.id());
        node.put("type", action.type());
        node.put("title", title(action));
        node.put("scope", action.scope());
        node.put("requestor", action.requestor());
        node.put("requestorComment", action.requestorComment());
        node.put("requestSource", action.requestSource());
        node.put("status", action.status());
        node.put("machineId", action.machine().id());
        node.put("computerDnsName", action.machine().computerDnsName());
        node.put("creationDateTimeUtc", JsonTime.precise(action.created()));
        node.put("lastUpdateDateTimeUtc", JsonTime.precise(action.lastUpdate()));
        node.putNull("cancellationRequestor");
        node.putNull("cancellationComment");
        node.putNull("cancellationDateTimeUtc");
        node.putNull("externalId");
        node.putArray("commands");
        if (action.relatedFileSha1() == null) {
            node.putNull("relatedFileInfo");
        } else {
            node.putObject("relatedFileInfo").put("fileIdentifier", action.relatedFileSha1())
                    .put("fileIdentifierType", "Sha1");
        }
        return node;
    }

    private static String title(MachineAction action) {
        String what = switch (action.type()) {
            case "RunAntiVirusScan" -> "Run antivirus scan";
            case "CollectInvestigationPackage" -> "Collect investigation package";
            case "StopAndQuarantineFile" -> "Stop and quarantine file";
            case "RestrictCodeExecution" -> "Restrict app execution";
            case "UnrestrictCodeExecution" -> "Remove app restriction";
            case "Unisolate" -> "Release from isolation";
            default -> action.type();
        };
        return what + " on " + action.machine().shortName();
    }

    public static ObjectNode indicator(Indicator indicator) {
        ObjectNode node = JSON.objectNode();
        node.put("id", indicator.id());
        node.put("indicatorValue", indicator.indicatorValue());
        node.put("indicatorType", indicator.indicatorType());
        node.put("action", indicator.action());
        node.put("application", indicator.application());
        node.put("source", indicator.source());
        node.put("sourceType", indicator.sourceType());
        node.put("createdBy", indicator.createdBy());
        node.put("createdByDisplayName", indicator.createdByDisplayName());
        node.put("createdBySource", indicator.sourceType().equals("AadApp") ? "PublicApi" : "Portal");
        node.put("severity", indicator.severity());
        node.put("title", indicator.title());
        node.put("description", indicator.description());
        node.put("recommendedActions", indicator.recommendedActions());
        node.put("creationTimeDateTimeUtc", JsonTime.precise(indicator.creationTime()));
        node.put("expirationTime", JsonTime.precise(indicator.expirationTime()));
        node.put("lastUpdateTime", JsonTime.precise(indicator.lastUpdateTime()));
        node.put("lastUpdatedBy", indicator.lastUpdatedBy());
        strings(node.putArray("rbacGroupNames"), indicator.rbacGroupNames());
        ArrayNode ids = node.putArray("rbacGroupIds");
        indicator.rbacGroupIds().forEach(ids::add);
        node.put("generateAlert", indicator.generateAlert());
        node.putNull("externalId");
        return node;
    }

    public static ObjectNode vulnerability(Vulnerabilities.Cve cve) {
        ObjectNode node = JSON.objectNode();
        node.put("id", cve.id());
        node.put("name", cve.id());
        node.put("description", cve.description());
        node.put("severity", cve.severity());
        node.put("cvssV3", cve.cvssV3());
        node.put("cvssVector", cve.cvssVector());
        node.put("exposedMachines", cve.exposedMachines());
        node.put("publishedOn", JsonTime.seconds(cve.publishedOn()));
        node.put("updatedOn", JsonTime.seconds(cve.updatedOn()));
        node.put("publicExploit", cve.publicExploit());
        node.put("exploitVerified", cve.exploitVerified());
        node.put("exploitInKit", cve.exploitInKit());
        strings(node.putArray("exploitTypes"), cve.exploitTypes());
        strings(node.putArray("exploitUris"), cve.exploitUris());
        // PascalCase in Microsoft's sample, unlike every other key.
        node.put("CveSupportability", cve.supportability());
        node.put("epss", cve.epss());
        return node;
    }

    public static ObjectNode machineVulnerability(Vulnerabilities.Row row) {
        Vulnerabilities.Cve cve = row.cve();
        String kb = cve.fixingKbId();
        ObjectNode node = JSON.objectNode();
        node.put("id", row.machine().id() + "-_-" + cve.id() + "-_-" + row.software().vendor() + "-_-"
                + row.software().name() + "-_-" + row.version() + "-_-" + (kb == null ? "" : kb));
        node.put("cveId", cve.id());
        node.put("machineId", row.machine().id());
        node.put("fixingKbId", kb);
        node.put("productName", row.software().name());
        node.put("productVendor", row.software().vendor());
        node.put("productVersion", row.version());
        node.put("severity", cve.severity());
        return node;
    }

    public static ObjectNode software(Vulnerabilities.Software software) {
        ObjectNode node = JSON.objectNode();
        node.put("id", software.id());
        node.put("name", software.name());
        node.put("vendor", software.vendor());
        node.put("weaknesses", software.weaknesses());
        node.put("publicExploit", software.publicExploit());
        node.put("activeAlert", software.activeAlert());
        node.put("exposedMachines", software.exposedMachines());
        node.put("impactScore", software.impactScore());
        return node;
    }

    /**
     * One export row, written straight to the generator (a million of them must not become trees). Delta rows
     * ({@code change} not null) carry {@code status} and {@code eventTimestamp} instead of
     * {@code securityUpdateAvailable}, as in Microsoft's delta sample.
     */
    public static void writeExportRow(JsonGenerator out, Vulnerabilities.Row row, Vulnerabilities.Change change)
            throws IOException {
        Machine machine = row.machine();
        Vulnerabilities.Cve cve = row.cve();
        boolean microsoft = row.software().vendor().equals("microsoft");
        String kb = cve == null ? null : cve.fixingKbId();
        out.writeStartObject();
        out.writeStringField("id", row.id());
        out.writeStringField("deviceId", machine.id());
        out.writeStringField("rbacGroupName", machine.rbacGroupName());
        out.writeStringField("deviceName", machine.computerDnsName());
        out.writeStringField("osPlatform", machine.os().platform());
        out.writeStringField("osVersion", machine.osVersion());
        out.writeStringField("osArchitecture", machine.os().processor());
        out.writeStringField("softwareVendor", row.software().vendor());
        out.writeStringField("softwareName", row.software().name());
        out.writeStringField("softwareVersion", row.version());
        out.writeStringField("cveId", cve == null ? null : cve.id());
        if (cve == null) {
            out.writeNullField("cvssScore");
        } else {
            out.writeNumberField("cvssScore", cve.cvssV3());
        }
        out.writeStringField("vulnerabilitySeverityLevel", cve == null ? null : cve.severity());
        out.writeStringField("recommendedSecurityUpdate", kb == null ? null : "KB" + kb);
        out.writeStringField("recommendedSecurityUpdateId", kb);
        out.writeStringField("recommendedSecurityUpdateUrl", kb == null ? null
                : "https://catalog.update.microsoft.com/v7/site/Search.aspx?q=KB" + kb);
        out.writeArrayFieldStart("diskPaths");
        if (machine.os().platform().startsWith("Windows")) {
            out.writeString("C:\\Program Files\\" + row.software().vendor() + "\\" + row.software().name() + "\\"
                    + row.software().name() + ".exe");
        }
        out.writeEndArray();
        out.writeArrayFieldStart("registryPaths");
        if (machine.os().platform().startsWith("Windows")) {
            out.writeString("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\"
                    + row.software().name());
        }
        out.writeEndArray();
        out.writeStringField("lastSeenTimestamp", JsonTime.export(row.lastSeen()));
        out.writeStringField("firstSeenTimestamp", JsonTime.export(row.firstSeen()));
        out.writeStringField("exploitabilityLevel", cve == null ? "NoExploit" : cve.exploitabilityLevel());
        out.writeStringField("recommendationReference", "va-_-" + row.software().vendor() + "-_-"
                + row.software().name());
        if (change == null) {
            out.writeBooleanField("securityUpdateAvailable", kb != null || !microsoft);
        } else {
            out.writeStringField("status", change.status());
            out.writeStringField("eventTimestamp", JsonTime.exportPrecise(change.eventTimestamp()));
        }
        out.writeEndObject();
    }

    static void comments(ArrayNode array, List<Comment> comments) {
        for (Comment comment : comments) {
            array.addObject().put("comment", comment.comment()).put("createdBy", comment.createdBy())
                    .put("createdTime", JsonTime.precise(comment.createdTime()));
        }
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    static void putLong(ObjectNode node, String name, Long value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
