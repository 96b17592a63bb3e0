package org.defenderconnector.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Realistic advanced hunting rows for benchmarks: every documented column of the table filled
 * (reference §6), about 1.1 KB per DeviceNetworkEvents row like the Streaming API's.
 */
final class HuntingRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NET_ACTIONS = {"ConnectionSuccess", "ConnectionFailed", "InboundConnectionAccepted",
            "ListeningConnectionCreated", "ConnectionFound"};
    private static final String[] PROCESSES = {"chrome.exe", "svchost.exe", "powershell.exe", "outlook.exe", "teams.exe"};

    private HuntingRows() {
    }

    static List<byte[]> generate(String table, int count, Random random) throws Exception {
        List<byte[]> rows = new ArrayList<>(count);
        long start = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < count; i++) {
            ObjectNode row = JSON.createObjectNode();
            row.put("Timestamp", Instant.ofEpochMilli(start + i * 37L).toString());
            row.put("DeviceId", hex(random, 20));
            row.put("DeviceName", "ws-" + random.nextInt(5000) + ".contoso.local");
            initiatingProcess(row, random);
            if (table.equals("DeviceNetworkEvents")) {
                row.put("ActionType", NET_ACTIONS[random.nextInt(NET_ACTIONS.length)]);
                row.put("RemoteIP", "203.0." + random.nextInt(256) + "." + random.nextInt(256));
                row.put("RemotePort", 443);
                row.put("RemoteUrl", "www.example" + random.nextInt(100) + ".com");
                row.put("LocalIP", "10.0." + random.nextInt(256) + "." + random.nextInt(256));
                row.put("LocalPort", 49152 + random.nextInt(16000));
                row.put("Protocol", "Tcp");
                row.put("LocalIPType", "Private");
                row.put("RemoteIPType", "Public");
                row.put("AppGuardContainerId", "");
                row.put("AdditionalFields", "");
            } else {
                row.put("ActionType", "ProcessCreated");
                String name = PROCESSES[random.nextInt(PROCESSES.length)];
                row.put("FileName", name);
                row.put("FolderPath", "C:\\Windows\\System32\\" + name);
                row.put("SHA1", hex(random, 20));
                row.put("SHA256", hex(random, 32));
                row.put("MD5", hex(random, 16));
                row.put("FileSize", 100_000 + random.nextInt(5_000_000));
                row.put("ProcessVersionInfoCompanyName", "Microsoft Corporation");
                row.put("ProcessVersionInfoProductName", "Microsoft Windows Operating System");
                row.put("ProcessVersionInfoProductVersion", "10.0.22621.1");
                row.put("ProcessVersionInfoInternalFileName", name);
                row.put("ProcessVersionInfoOriginalFileName", name);
                row.put("ProcessVersionInfoFileDescription", "Host process");
                row.put("ProcessId", 1000 + random.nextInt(60000));
                row.put("ProcessCommandLine", name + " -k netsvcs -p -s Schedule");
                row.put("ProcessIntegrityLevel", "System");
                row.put("ProcessTokenElevation", "TokenElevationTypeDefault");
                row.put("ProcessCreationTime", Instant.ofEpochMilli(start + i * 37L).toString());
                row.put("AccountDomain", "nt authority");
                row.put("AccountName", "system");
                row.put("AccountSid", "S-1-5-18");
                row.put("AccountUpn", "");
                row.put("AccountObjectId", "");
                row.put("LogonId", 999);
                row.put("InitiatingProcessLogonId", 999);
                row.put("AdditionalFields", "");
            }
            row.put("ReportId", 10_000L + i);
            rows.add(JSON.writeValueAsBytes(row));
        }
        return rows;
    }

    private static void initiatingProcess(ObjectNode row, Random random) {
        String name = PROCESSES[random.nextInt(PROCESSES.length)];
        row.put("InitiatingProcessSHA1", hex(random, 20));
        row.put("InitiatingProcessSHA256", hex(random, 32));
        row.put("InitiatingProcessMD5", hex(random, 16));
        row.put("InitiatingProcessFileName", name);
        row.put("InitiatingProcessFileSize", 200_000 + random.nextInt(3_000_000));
        row.put("InitiatingProcessVersionInfoCompanyName", "Microsoft Corporation");
        row.put("InitiatingProcessVersionInfoProductName", "Microsoft Windows Operating System");
        row.put("InitiatingProcessVersionInfoProductVersion", "10.0.22621.1");
        row.put("InitiatingProcessVersionInfoInternalFileName", name);
        row.put("InitiatingProcessVersionInfoOriginalFileName", name);
        row.put("InitiatingProcessVersionInfoFileDescription", "Host Process for Windows Services");
        row.put("InitiatingProcessId", 100 + random.nextInt(60000));
        row.put("InitiatingProcessCommandLine", name + " -k NetworkService -p");
        row.put("InitiatingProcessCreationTime", "2026-10-31T23:59:00.1234567Z");
        row.put("InitiatingProcessFolderPath", "c:\\windows\\system32\\" + name);
        row.put("InitiatingProcessParentFileName", "services.exe");
        row.put("InitiatingProcessParentId", 700 + random.nextInt(100));
        row.put("InitiatingProcessParentCreationTime", "2026-10-31T23:00:00.1234567Z");
        row.put("InitiatingProcessAccountDomain", "nt authority");
        row.put("InitiatingProcessAccountName", "network service");
        row.put("InitiatingProcessAccountSid", "S-1-5-20");
        row.put("InitiatingProcessAccountUpn", "");
        row.put("InitiatingProcessAccountObjectId", "");
        row.put("InitiatingProcessIntegrityLevel", "System");
        row.put("InitiatingProcessTokenElevation", "TokenElevationTypeDefault");
        row.put("InitiatingProcessSessionId", 0);
        row.put("IsInitiatingProcessRemoteSession", false);
        row.put("InitiatingProcessRemoteSessionDeviceName", "");
        row.put("InitiatingProcessRemoteSessionIP", "");
    }

    private static String hex(Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
