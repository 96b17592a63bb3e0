package org.defenderconnector.emulator.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds an alert's evidence from its template, device, user and evidence seed. */
final class EvidenceFactory {

    private EvidenceFactory() {
    }

    static List<Evidence> evidence(Alert alert) {
        SplittableRandom random = new SplittableRandom(alert.evidenceSeed());
        List<Evidence> items = new ArrayList<>();
        Instant created = Times.ticks(alert.created().plusMillis(400 + random.nextInt(900)));
        String processName = processName(alert.template(), random);
        for (EvidenceKind kind : alert.template().evidence()) {
            items.add(switch (kind) {
                case USER -> user(created, alert.user());
                case PROCESS -> process(random, created, alert, processName);
                case FILE -> file(random, created, alert.user());
                case IP -> network(created, "198.51.100." + (1 + random.nextInt(254)), null);
                case URL -> network(created, null, "https://" + Seeds.pick(random, Catalog.REMOTE_URLS) + "/"
                        + Seeds.hex(random, 8));
                case REGISTRY -> registry(random, created);
                case MAILBOX -> mailbox(created, alert.user());
                case MAIL_MESSAGE -> message(random, created, alert.user());
                case MAIL_CLUSTER -> cluster(random, created);
            });
        }
        return items;
    }

    private static String processName(AlertTemplate template, SplittableRandom random) {
        if (template.title().contains("PowerShell")) {
            return "powershell.exe";
        }
        if (template.title().contains("signed executable")) {
            return "rundll32.exe";
        }
        if (template.title().contains("scheduled task")) {
            return "schtasks.exe";
        }
        return Seeds.pick(random, Catalog.PROCESS_NAMES);
    }

    private static Evidence user(Instant created, Person user) {
        return new Evidence(EvidenceKind.USER, created, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, user, null, null, null, null, null, null, null, null, null);
    }

    private static Evidence process(SplittableRandom random, Instant created, Alert alert, String name) {
        Instant started = Times.ticks(alert.firstEvent().minusMillis(random.nextInt(2_000)));
        Instant parentStarted = Times.ticks(started.minus(Duration.ofSeconds(1 + random.nextInt(7_200))));
        String folder = name.equals("powershell.exe") ? "C:\\Windows\\System32\\WindowsPowerShell\\v1.0"
                : name.equals("rundll32.exe") ? "C:\\Windows\\SysWOW64" : "C:\\Windows\\System32";
        String commandLine = switch (name) {
            case "powershell.exe" -> "powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand "
                    + Seeds.hex(random, 24);
            case "rundll32.exe" -> "rundll32.exe  c:\\temp\\" + Seeds.hex(random, 6) + ".dll,RepeatAfterMe";
            case "schtasks.exe" -> "schtasks.exe /create /tn Updater /tr C:\\Users\\Public\\upd.exe /sc hourly";
            default -> "\"" + name + "\"";
        };
        return new Evidence(EvidenceKind.PROCESS, created, Seeds.hex(random, 40), Seeds.hex(random, 64), name, folder,
                50_000L + random.nextInt(5_000_000), 1000L + random.nextInt(60_000), commandLine, started,
                400L + random.nextInt(20_000), parentStarted, "explorer.exe", "C:\\Windows", null, null, null,
                null, null, null, alert.user(), "Detected", null, null, null, null, null, null, null, null);
    }

    private static Evidence file(SplittableRandom random, Instant created, Person user) {
        String[] names = {"invoice_%s.dll", "update_%s.exe", "report_%s.js", "setup_%s.msi"};
        String fileName = String.format(names[random.nextInt(names.length)], Seeds.hex(random, 4));
        return new Evidence(EvidenceKind.FILE, created, Seeds.hex(random, 40), Seeds.hex(random, 64), fileName,
                "C:\\Users\\" + user.accountName() + "\\AppData\\Local\\Temp", 10_000L + random.nextInt(3_000_000),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                Seeds.chance(random, 0.7) ? "Detected" : "Prevented", null, null, null, null, null, null, null, null);
    }

    private static Evidence network(Instant created, String ip, String url) {
        return new Evidence(ip != null ? EvidenceKind.IP : EvidenceKind.URL, created, null, null, null, null, null,
                null, null, null, null, null, null, null, ip, url, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static Evidence registry(SplittableRandom random, Instant created) {
        return new Evidence(EvidenceKind.REGISTRY, created, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
                "HKEY_LOCAL_MACHINE", "String", "C:\\Users\\Public\\" + Seeds.hex(random, 6) + ".exe", null, null,
                null, null, null, null, null, null, null, null);
    }

    private static Evidence mailbox(Instant created, Person user) {
        return new Evidence(EvidenceKind.MAILBOX, created, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, user, null, user.upn(), user.displayName(), null,
                null, null, null, null, null);
    }

    private static Evidence cluster(SplittableRandom random, Instant created) {
        String[] criteria = {"Subject;P2SenderDomain;ContentType", "Subject;SenderIp;ContentType",
                "BodyFingerprintBin1;P2SenderDomain;ContentType"};
        return new Evidence(EvidenceKind.MAIL_CLUSTER, created, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, criteria[random.nextInt(criteria.length)]);
    }

    private static Evidence message(SplittableRandom random, Instant created, Person user) {
        String[] subjects = {"Invoice overdue", "Your password expires today", "Shared document: Q3 plan",
                "Voicemail received"};
        return new Evidence(EvidenceKind.MAIL_MESSAGE, created, null, null, null, null, null, null, null, null,
                null, null, null, null, "192.0.2." + (1 + random.nextInt(254)), null, null, null, null, null, user,
                null, null, null, "billing@fabrikam-invoices.example", user.upn(),
                subjects[random.nextInt(subjects.length)], "Delivered", Seeds.guid(random), null);
    }
}
