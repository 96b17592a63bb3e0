package org.defenderconnector.emulator.streaming;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates advanced hunting rows (the {@code properties} of a streamed record) with the columns of the
 * Defender XDR table schemas (shared/reference/microsoft-api.md §6), deterministic from a seed: the same
 * seed and the same calls give the same rows. IPs come from the documentation ranges, names are invented.
 */
public final class DefenderRowGenerator {
    public static final List<String> TABLES = List.of("DeviceNetworkEvents", "DeviceProcessEvents", "DeviceFileEvents");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Device(String id, String name, String localIp, String user, String sid, String objectId,
                          String machineGroup) {
    }

    private record Program(String fileName, String folder, String company, String product, String version,
                           String description, String commandLine, long size) {
        String path() {
            return folder + "\\" + fileName;
        }
    }

    private static final List<Program> PROGRAMS = List.of(
            new Program("msedge.exe", "c:\\program files (x86)\\microsoft\\edge\\application", "Microsoft Corporation",
                    "Microsoft Edge", "131.0.2903.70", "Microsoft Edge", "\"msedge.exe\" --type=utility", 4_203_344),
            new Program("powershell.exe", "c:\\windows\\system32\\windowspowershell\\v1.0", "Microsoft Corporation",
                    "Microsoft Windows Operating System", "10.0.19041.3996", "Windows PowerShell",
                    "powershell.exe -NoProfile -ExecutionPolicy Bypass -File c:\\scripts\\inventory.ps1", 450_560),
            new Program("svchost.exe", "c:\\windows\\system32", "Microsoft Corporation",
                    "Microsoft Windows Operating System", "10.0.19041.1", "Host Process for Windows Services",
                    "svchost.exe -k netsvcs -p -s BITS", 55_320),
            new Program("ms-teams.exe", "c:\\program files\\windowsapps\\msteams_24335.206.3315.1305_x64__8wekyb3d8bbwe",
                    "Microsoft Corporation", "Microsoft Teams", "24335.206.3315.1305", "Microsoft Teams",
                    "\"ms-teams.exe\" --system-initiated", 1_230_848),
            new Program("outlook.exe", "c:\\program files\\microsoft office\\root\\office16", "Microsoft Corporation",
                    "Microsoft Outlook", "16.0.17928.20156", "Microsoft Outlook", "\"OUTLOOK.EXE\" /recycle", 43_123_712),
            new Program("curl.exe", "c:\\windows\\system32", "curl, https://curl.se/", "The curl executable",
                    "8.9.1.0", "The curl executable", "curl.exe -s -o update.zip https://updates.example.com/agent.zip",
                    599_552));

    private static final List<String> REMOTE_URLS = List.of("www.example.com", "login.example.net",
            "updates.example.com", "cdn.example.org", "mail.example.com", "");
    private static final List<String> FILE_NAMES = List.of("report-q3.xlsx", "invoice_2291.pdf", "agent.zip",
            "notes.txt", "setup.msi", "photo.jpg");

    private final SplittableRandom random;
    private final List<Device> devices = new ArrayList<>();
    private long reportId = 10_000;

    public DefenderRowGenerator(long seed, int deviceCount) {
        this.random = new SplittableRandom(seed);
        for (int i = 1; i <= Math.max(1, deviceCount); i++) {
            String user = "user" + String.format(Locale.ROOT, "%03d", i);
            devices.add(new Device(hex(20), String.format(Locale.ROOT, "ws-%04d.contoso.local", i),
                    "10.0." + (i / 250) + "." + (i % 250 + 2), user,
                    "S-1-5-21-1111111111-2222222222-3333333333-" + (1000 + i), uuid(),
                    i % 5 == 0 ? "Servers" : "Workstations"));
        }
    }

    /** One row of {@code table} whose Timestamp is {@code timestamp}. */
    public ObjectNode row(String table, Instant timestamp) {
        Device device = devices.get(random.nextInt(devices.size()));
        Program program = PROGRAMS.get(random.nextInt(PROGRAMS.size()));
        return switch (table) {
            case "DeviceNetworkEvents" -> network(device, program, timestamp);
            case "DeviceProcessEvents" -> process(device, program, timestamp);
            case "DeviceFileEvents" -> file(device, program, timestamp);
            default -> throw new IllegalArgumentException("the streaming emulator generates " + TABLES + ", not " + table);
        };
    }

    private ObjectNode common(Device device, String actionType, Instant timestamp) {
        ObjectNode row = NODES.objectNode();
        row.put("Timestamp", DefenderTimes.format(timestamp));
        row.put("DeviceId", device.id());
        row.put("DeviceName", device.name());
        row.put("ActionType", actionType);
        return row;
    }

    private void initiatingProcess(ObjectNode row, Device device, Program p, Instant timestamp, boolean sessionColumns) {
        row.put("InitiatingProcessAccountDomain", "contoso");
        row.put("InitiatingProcessAccountName", device.user());
        row.put("InitiatingProcessAccountSid", device.sid());
        row.put("InitiatingProcessAccountUpn", device.user() + "@contoso.com");
        row.put("InitiatingProcessAccountObjectId", device.objectId());
        row.put("InitiatingProcessIntegrityLevel", "Medium");
        row.put("InitiatingProcessTokenElevation", "TokenElevationTypeLimited");
        row.put("InitiatingProcessSHA1", hash("SHA-1", p.fileName()));
        row.putNull("InitiatingProcessSHA256");
        row.put("InitiatingProcessMD5", hash("MD5", p.fileName()));
        row.put("InitiatingProcessFileName", p.fileName());
        row.put("InitiatingProcessFileSize", p.size());
        row.put("InitiatingProcessVersionInfoCompanyName", p.company());
        row.put("InitiatingProcessVersionInfoProductName", p.product());
        row.put("InitiatingProcessVersionInfoProductVersion", p.version());
        row.put("InitiatingProcessVersionInfoInternalFileName", p.fileName());
        row.put("InitiatingProcessVersionInfoOriginalFileName", p.fileName());
        row.put("InitiatingProcessVersionInfoFileDescription", p.description());
        row.put("InitiatingProcessId", 1000 + random.nextInt(30_000));
        row.put("InitiatingProcessCommandLine", p.commandLine());
        row.put("InitiatingProcessCreationTime", DefenderTimes.format(timestamp.minus(Duration.ofMinutes(3))));
        row.put("InitiatingProcessFolderPath", p.path());
        row.put("InitiatingProcessParentFileName", "explorer.exe");
        row.put("InitiatingProcessParentId", 900 + random.nextInt(100));
        row.put("InitiatingProcessParentCreationTime", DefenderTimes.format(timestamp.minus(Duration.ofHours(2))));
        if (sessionColumns) {
            row.put("InitiatingProcessSessionId", 1);
            row.put("IsInitiatingProcessRemoteSession", false);
            row.putNull("InitiatingProcessRemoteSessionDeviceName");
            row.putNull("InitiatingProcessRemoteSessionIP");
        }
    }

    private void trailer(ObjectNode row, Device device) {
        row.put("ReportId", reportId++);
        row.put("AppGuardContainerId", "");
        row.putNull("AdditionalFields");
        // The Streaming API decorates every event with the device's MachineGroup (streaming-api-event-hub.md).
        row.put("MachineGroup", device.machineGroup());
    }

    private ObjectNode network(Device device, Program p, Instant timestamp) {
        String[] actions = {"ConnectionSuccess", "ConnectionSuccess", "ConnectionFailed", "InboundConnectionAccepted"};
        ObjectNode row = common(device, actions[random.nextInt(actions.length)], timestamp);
        String[] ranges = {"203.0.113.", "198.51.100.", "192.0.2."};
        row.put("RemoteIP", ranges[random.nextInt(ranges.length)] + (1 + random.nextInt(254)));
        int[] ports = {443, 443, 80, 53, 445, 3389};
        row.put("RemotePort", ports[random.nextInt(ports.length)]);
        row.put("RemoteUrl", REMOTE_URLS.get(random.nextInt(REMOTE_URLS.size())));
        row.put("LocalIP", device.localIp());
        row.put("LocalPort", 49152 + random.nextInt(16_000));
        row.put("Protocol", random.nextInt(10) == 0 ? "Udp" : "Tcp");
        row.put("LocalIPType", "Private");
        row.put("RemoteIPType", "Public");
        initiatingProcess(row, device, p, timestamp, true);
        trailer(row, device);
        return row;
    }

    private ObjectNode process(Device device, Program p, Instant timestamp) {
        ObjectNode row = common(device, "ProcessCreated", timestamp);
        Program child = PROGRAMS.get(random.nextInt(PROGRAMS.size()));
        row.put("FileName", child.fileName());
        row.put("FolderPath", child.path());
        row.put("SHA1", hash("SHA-1", child.fileName()));
        row.put("SHA256", hash("SHA-256", child.fileName()));
        row.put("MD5", hash("MD5", child.fileName()));
        row.put("FileSize", child.size());
        row.put("ProcessVersionInfoCompanyName", child.company());
        row.put("ProcessVersionInfoProductName", child.product());
        row.put("ProcessVersionInfoProductVersion", child.version());
        row.put("ProcessVersionInfoInternalFileName", child.fileName());
        row.put("ProcessVersionInfoOriginalFileName", child.fileName());
        row.put("ProcessVersionInfoFileDescription", child.description());
        row.put("ProcessId", 1000 + random.nextInt(30_000));
        row.put("ProcessCommandLine", child.commandLine());
        row.put("ProcessIntegrityLevel", "Medium");
        row.put("ProcessTokenElevation", "TokenElevationTypeLimited");
        row.put("ProcessCreationTime", DefenderTimes.format(timestamp));
        row.put("AccountDomain", "contoso");
        row.put("AccountName", device.user());
        row.put("AccountSid", device.sid());
        row.put("AccountUpn", device.user() + "@contoso.com");
        row.put("AccountObjectId", device.objectId());
        row.put("LogonId", 100_000 + random.nextInt(900_000));
        initiatingProcess(row, device, p, timestamp, false);
        row.put("InitiatingProcessLogonId", 100_000 + random.nextInt(900_000));
        row.put("InitiatingProcessSignerType", "OsVendor");
        row.put("InitiatingProcessSignatureStatus", "Valid");
        trailer(row, device);
        return row;
    }

    private ObjectNode file(Device device, Program p, Instant timestamp) {
        String[] actions = {"FileCreated", "FileModified", "FileDeleted", "FileRenamed"};
        String action = actions[random.nextInt(actions.length)];
        ObjectNode row = common(device, action, timestamp);
        String name = FILE_NAMES.get(random.nextInt(FILE_NAMES.size()));
        String folder = "c:\\users\\" + device.user() + "\\downloads";
        row.put("FileName", name);
        row.put("FolderPath", folder + "\\" + name);
        row.put("SHA1", hash("SHA-1", name));
        row.put("SHA256", hash("SHA-256", name));
        row.put("MD5", hash("MD5", name));
        row.put("FileOriginUrl", "FileCreated".equals(action) ? "https://updates.example.com/" + name : "");
        row.put("FileOriginReferrerUrl", "");
        row.put("FileOriginIP", "FileCreated".equals(action) ? "203.0.113.80" : "");
        row.put("PreviousFolderPath", "FileRenamed".equals(action) ? folder : "");
        row.put("PreviousFileName", "FileRenamed".equals(action) ? "draft-" + name : "");
        row.put("FileSize", 1024L * (1 + random.nextInt(20_000)));
        initiatingProcess(row, device, p, timestamp, false);
        row.put("RequestProtocol", "Local");
        row.put("RequestSourceIP", "");
        row.putNull("RequestSourcePort");
        row.put("RequestAccountName", "");
        row.put("RequestAccountDomain", "");
        row.put("RequestAccountSid", "");
        row.put("ShareName", "");
        row.put("SensitivityLabel", "");
        row.put("SensitivitySubLabel", "");
        row.put("IsAzureInfoProtectionApplied", false);
        trailer(row, device);
        row.put("InitiatingProcessSessionId", 1);
        row.put("IsInitiatingProcessRemoteSession", false);
        row.putNull("InitiatingProcessRemoteSessionDeviceName");
        row.putNull("InitiatingProcessRemoteSessionIP");
        return row;
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(b);
    }

    private String uuid() {
        String h = hex(16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is always present in the JDK", e);
        }
    }
}
