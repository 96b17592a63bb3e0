package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds advanced hunting rows with every documented column (src/test/resources/columns/<Table>.txt)
 * filled with a plausible value of the documented type, plus the variants each table needs (one per
 * ActionType family, with the AdditionalFields that ActionType carries). Each variant names the OCSF
 * class and activity the row must map to.
 */
final class SampleRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path COLUMNS = Path.of("src", "test", "resources", "columns");

    record Variant(String table, String name, ObjectNode row, int classUid, int activityId) {
        @Override
        public String toString() {
            return table + "/" + name;
        }
    }

    private SampleRows() {
    }

    static List<String> tables() {
        try (var files = Files.list(COLUMNS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> columns(String table) {
        try {
            return Files.readAllLines(COLUMNS.resolve(table + ".txt")).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every variant of every table. */
    static List<Variant> all() {
        List<Variant> variants = new ArrayList<>();
        for (String table : tables()) {
            variants.addAll(variants(table));
        }
        return variants;
    }

    static List<Variant> variants(String table) {
        List<Variant> list = new ArrayList<>();
        switch (table) {
            case "DeviceProcessEvents" -> {
                list.add(v(table, "ProcessCreated", 1007, 1, Map.of()));
                list.add(v(table, "ProcessTerminatedFuture", 1007, 99, Map.of()));
            }
            case "DeviceNetworkEvents" -> {
                list.add(v(table, "ConnectionSuccess", 4001, 1, Map.of()));
                list.add(v(table, "ConnectionFailed", 4001, 4, Map.of()));
                list.add(v(table, "InboundConnectionAccepted", 4001, 1, Map.of()));
                list.add(v(table, "ListeningConnectionCreated", 4001, 7, Map.of()));
                list.add(v(table, "ConnectionFound", 4001, 1, Map.of()));
                list.add(v(table, "HttpConnectionInspected", 4001, 6, Map.of("AdditionalFields",
                        "{\"direction\":\"Out\",\"host\":\"www.example.com\",\"method\":\"GET\",\"uri\":\"/download?id=1\","
                                + "\"user_agent\":\"Mozilla/5.0\",\"status_code\":200}")));
                list.add(v(table, "SslConnectionInspected", 4001, 6, Map.of("AdditionalFields",
                        "{\"direction\":\"Out\",\"server_name\":\"www.example.com\",\"version\":\"TLSv12\","
                                + "\"cipher\":\"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\",\"established\":true}")));
                list.add(v(table, "DnsConnectionInspected", 4003, 6, Map.of("AdditionalFields",
                        "{\"direction\":\"Out\",\"query\":\"www.example.com\",\"qtype\":1,\"qtype_name\":\"A\",\"qclass\":1,"
                                + "\"qclass_name\":\"C_INTERNET\",\"rcode\":0,\"rcode_name\":\"NOERROR\",\"trans_id\":4711,"
                                + "\"answers\":[\"203.0.113.10\"],\"TTLs\":[300.0],\"rejected\":false}", "RemotePort", 53,
                        "Protocol", "Udp")));
                list.add(v(table, "ExploitGuardNetworkProtectionBlocked", 4001, 5, Map.of()));
                list.add(v(table, "NetworkFilterConnectionInfo", 4001, 99, Map.of()));
            }
            case "DeviceFileEvents" -> {
                list.add(v(table, "FileCreated", 1001, 1, Map.of()));
                list.add(v(table, "FileModified", 1001, 3, Map.of()));
                list.add(v(table, "FileDeleted", 1001, 4, Map.of()));
                list.add(v(table, "FileRenamed", 1001, 5, Map.of()));
            }
            case "DeviceImageLoadEvents" -> list.add(v(table, "ImageLoaded", 1005, 1, Map.of("FileName", "amsi.dll",
                    "FolderPath", "C:\\Windows\\System32\\amsi.dll")));
            case "DeviceRegistryEvents" -> {
                list.add(v(table, "RegistryValueSet", 201002, 2, Map.of()));
                list.add(v(table, "RegistryValueDeleted", 201002, 4, Map.of()));
                list.add(v(table, "RegistryKeyCreated", 201001, 1, Map.of()));
                list.add(v(table, "RegistryKeyDeleted", 201001, 4, Map.of()));
                list.add(v(table, "RegistryKeyRenamed", 201001, 5, Map.of()));
            }
            case "DeviceLogonEvents" -> {
                list.add(v(table, "LogonSuccess", 3002, 1, Map.of()));
                list.add(v(table, "LogonFailed", 3002, 1, Map.of("FailureReason", "InvalidUserNameOrPassword")));
                list.add(v(table, "LogonAttempted", 3002, 1, Map.of("LogonType", "RemoteInteractive")));
            }
            case "IdentityLogonEvents" -> {
                list.add(v(table, "LogonSuccess", 3002, 1, Map.of()));
                list.add(v(table, "LogonFailed", 3002, 1, Map.of("LogonType", "Failed logon", "FailureReason", "WrongPassword")));
            }
            case "DeviceEvents" -> deviceEvents(list);
            case "DeviceFileCertificateInfo" -> list.add(v(table, null, 5040, 1, Map.of()));
            case "DeviceInfo" -> list.add(v(table, null, 5001, 2, Map.of()));
            case "DeviceNetworkInfo" -> list.add(v(table, null, 5001, 2, Map.of()));
            case "IdentityDirectoryEvents" -> {
                list.add(v(table, "Group Membership changed", 3006, 3, Map.of("AdditionalFields",
                        "{\"TO.GROUP\":\"Domain Admins\",\"TARGET_OBJECT.USER\":\"amy\",\"ACTOR.ACCOUNT\":\"admin\"}")));
                list.add(v(table, "Group Membership changed (removal)", "Group Membership changed", 3006, 4,
                        Map.of("AdditionalFields", "{\"FROM.GROUP\":\"Domain Admins\"}")));
                list.add(v(table, "Account Password changed", 3001, 3, Map.of()));
                list.add(v(table, "Account Disabled changed", 3001, 5, Map.of("AdditionalFields",
                        "{\"FROM Account Disabled\":\"False\",\"TO Account Disabled\":\"True\"}")));
                list.add(v(table, "Account Upn Name changed", 3001, 99, Map.of("AdditionalFields",
                        "{\"FROM Upn Name\":\"amy@contoso.local\",\"TO Upn Name\":\"amy@contoso.com\"}")));
                list.add(v(table, "Directory Services replication", 0, 99, Map.of()));
            }
            case "IdentityQueryEvents" -> {
                list.add(v(table, "LDAP query", 3004, 2, Map.of("QueryType", "AllUsers", "Protocol", "Ldap")));
                list.add(v(table, "SAMR query", 3004, 2, Map.of("QueryType", "QueryGroup", "QueryTarget", "Domain Admins",
                        "Protocol", "Samr")));
                list.add(v(table, "DNS query", 4003, 1, Map.of("QueryType", "Srv", "QueryTarget", "_ldap._tcp.contoso.local",
                        "Protocol", "Dns")));
            }
            case "EmailEvents" -> {
                list.add(v(table, "Inbound", null, 4009, 2, Map.of()));
                list.add(v(table, "Outbound", null, 4009, 1, Map.of("EmailDirection", "Outbound", "DeliveryAction", "Blocked",
                        "DeliveryLocation", "Quarantine")));
                list.add(v(table, "Intra-org", null, 4009, 2, Map.of("EmailDirection", "Intra-org", "DeliveryAction", "Junked",
                        "DeliveryLocation", "Junk folder")));
            }
            case "EmailAttachmentInfo" -> list.add(v(table, null, 4009, 3, Map.of()));
            case "EmailUrlInfo" -> list.add(v(table, null, 0, 99, Map.of()));
            case "EmailPostDeliveryEvents" -> {
                list.add(v(table, "Phish ZAP", 4009, 99, Map.of()));
                list.add(v(table, "Manual remediation", 4009, 99, Map.of("Action", "Hard delete", "ActionTrigger", "AdminAction")));
            }
            case "UrlClickEvents" -> {
                list.add(v(table, "ClickAllowed", 6001, 2, Map.of()));
                list.add(v(table, "ClickBlocked", 6001, 2, Map.of("IsClickedThrough", false)));
            }
            case "AlertInfo" -> list.add(v(table, null, 2004, 1, Map.of()));
            case "AlertEvidence" -> alertEvidence(list);
            default -> throw new IllegalArgumentException("no variants for " + table);
        }
        return list;
    }

    private static void deviceEvents(List<Variant> list) {
        String t = "DeviceEvents";
        list.add(v(t, "ScheduledTaskCreated", 1006, 1, Map.of("AdditionalFields",
                "{\"TaskName\":\"\\\\Microsoft\\\\Windows\\\\Updater\",\"TaskContent\":\"<Task/>\"}")));
        list.add(v(t, "ScheduledTaskDeleted", 1006, 3, Map.of("AdditionalFields", "{\"TaskName\":\"\\\\Updater\"}")));
        list.add(v(t, "NtAllocateVirtualMemoryRemoteApiCall", 1004, 1, Map.of("AdditionalFields",
                "{\"BaseAddress\":\"0x7ff6a0000000\",\"RegionSize\":4096}")));
        list.add(v(t, "ReadProcessMemoryApiCall", 1004, 7, Map.of("AdditionalFields", "{\"TotalBytesCopied\":8192}",
                "FileName", "lsass.exe", "FolderPath", "C:\\Windows\\System32\\lsass.exe")));
        list.add(v(t, "WriteProcessMemoryApiCall", 1004, 8, Map.of("AdditionalFields", "{\"TotalBytesCopied\":512}")));
        list.add(v(t, "NtMapViewOfSectionRemoteApiCall", 1004, 9, Map.of()));
        list.add(v(t, "CreateRemoteThreadApiCall", 1007, 4, Map.of()));
        list.add(v(t, "QueueUserApcRemoteApiCall", 1007, 4, Map.of()));
        list.add(v(t, "SetThreadContextRemoteApiCall", 1007, 4, Map.of()));
        list.add(v(t, "OpenProcessApiCall", 1007, 3, Map.of("AdditionalFields", "{\"DesiredAccess\":2097151}")));
        list.add(v(t, "ProcessCreatedUsingWmiQuery", 1007, 1, Map.of("AdditionalFields",
                "{\"IsRemoteMachine\":false,\"Namespace\":\"root\\\\cimv2\",\"ClassName\":\"Win32_Process\",\"MethodName\":\"Create\"}")));
        list.add(v(t, "AntivirusScanCompleted", 6007, 2, Map.of("AdditionalFields",
                "{\"Domain\":\"contoso\",\"ScanId\":\"{8A3D0B55-1F2E-4C3B-9D1A-0B6E1F2A3C4D}\",\"ScanParametersIndex\":1,"
                        + "\"ScanTypeIndex\":2,\"User\":\"jdoe\"}")));
        list.add(v(t, "AntivirusScanFailed", 6007, 6, Map.of("AdditionalFields",
                "{\"ScanId\":\"{8A3D0B55-1F2E-4C3B-9D1A-0B6E1F2A3C4E}\",\"Error Code\":\"0x80508023\","
                        + "\"Error Description\":\"The program could not find the malware\"}")));
        list.add(v(t, "AntivirusScanCancelled", 6007, 3, Map.of()));
        list.add(v(t, "AntivirusDetection", 2004, 1, Map.of("AdditionalFields",
                "{\"ThreatName\":\"Trojan:Win32/Example.A!ml\",\"WasExecutingWhileDetected\":false,\"WasRemediated\":true}")));
        list.add(v(t, "AsrOfficeChildProcessBlocked", 2004, 1, Map.of("AdditionalFields",
                "{\"IsAudit\":false,\"RuleId\":\"d4f940ab-401b-4efc-aadc-ad5f3c50688a\"}")));
        list.add(v(t, "ExploitGuardChildProcessAudited", 2004, 1, Map.of("AdditionalFields",
                "{\"IsAudit\":true,\"ChildCommandLine\":\"cmd.exe /c whoami\"}")));
        list.add(v(t, "SmartScreenUrlWarning", 2004, 1, Map.of("AdditionalFields",
                "{\"ActivityId\":\"7d5c3a91-0000-0000-0000-000000000001\",\"Uri\":\"http://bad.example.net/\"}")));
        list.add(v(t, "AppControlExecutableBlocked", 6002, 3, Map.of("AdditionalFields",
                "{\"Fqbn\":\"O=EXAMPLE CORP\",\"AuthenticodeHash\":\"00aa\"}")));
        list.add(v(t, "AppControlAppInstallationAudited", 6002, 1, Map.of()));
        list.add(v(t, "AppControlCodeIntegrityPolicyLoaded", 6002, 99, Map.of()));
        list.add(v(t, "ServiceInstalled", 6002, 1, Map.of("AdditionalFields",
                "{\"ServiceName\":\"ExampleSvc\",\"ServiceType\":\"Service\",\"ServiceStartType\":\"Auto\","
                        + "\"ServiceAccount\":\"LocalSystem\"}")));
        list.add(v(t, "FirewallServiceStopped", 6002, 4, Map.of()));
        list.add(v(t, "PnpDeviceConnected", 1010, 1, Map.of("AdditionalFields",
                "{\"ClassName\":\"USB\",\"DeviceId\":\"USB\\\\VID_0781&PID_5581\\\\4C530001\","
                        + "\"DeviceDescription\":\"USB Mass Storage Device\",\"VendorIds\":\"USB\\\\VID_0781&PID_5581 USB\\\\VID_0781\"}")));
        list.add(v(t, "UsbDriveMounted", 1010, 1, Map.of("AdditionalFields",
                "{\"DriveLetter\":\"E:\",\"BusType\":7,\"ProductName\":\"Ultra\",\"ProductRevision\":\"1.00\","
                        + "\"SerialNumber\":\"4C530001\",\"Manufacturer\":\"SanDisk\",\"Volume\":\"\\\\\\\\?\\\\Volume{1}\"}")));
        list.add(v(t, "UsbDriveUnmounted", 1010, 2, Map.of("AdditionalFields",
                "{\"DriveLetter\":\"E:\",\"ProductName\":\"Ultra\",\"SerialNumber\":\"4C530001\"}")));
        list.add(v(t, "RemovableStoragePolicyTriggered", 1010, 99, Map.of("AdditionalFields",
                "{\"RemovableStorageAccess\":\"Write\",\"RemovableStoragePolicyVerdict\":\"Deny\",\"MediaClassName\":\"DiskDrive\","
                        + "\"MediaName\":\"SanDisk Ultra\",\"MediaSerialNumber\":\"4C530001\"}")));
        list.add(v(t, "FirewallInboundConnectionBlocked", 4001, 5, Map.of()));
        list.add(v(t, "FirewallOutboundConnectionBlocked", 4001, 5, Map.of()));
        list.add(v(t, "DnsQueryResponse", 4003, 2, Map.of("AdditionalFields",
                "{\"DnsQueryString\":\"www.example.com\",\"DnsQueryResult\":\"[{\\\"DnsQueryType\\\":1,"
                        + "\\\"IpAddress\\\":\\\"203.0.113.10\\\"}]\"}", "RemoteUrl", "www.example.com")));
        list.add(v(t, "UserAccountCreated", 3001, 1, Map.of()));
        list.add(v(t, "UserAccountModified", 3001, 99, Map.of()));
        list.add(v(t, "PasswordChangeAttempt", 3001, 3, Map.of()));
        list.add(v(t, "UserAccountAddedToLocalGroup", 3006, 3, Map.of("AdditionalFields",
                "{\"GroupName\":\"Administrators\",\"GroupDomainName\":\"BUILTIN\",\"GroupSid\":\"S-1-5-32-544\"}")));
        list.add(v(t, "SecurityGroupCreated", 3006, 6, Map.of("AdditionalFields",
                "{\"GroupName\":\"Helpdesk\",\"GroupDomainName\":\"WS-0001\",\"GroupSid\":\"S-1-5-21-1-2-3-1010\"}")));
        list.add(v(t, "SecurityLogCleared", 1008, 1, Map.of()));
        list.add(v(t, "DriverLoad", 1002, 1, Map.of("FileName", "example.sys", "FolderPath",
                "C:\\Windows\\System32\\drivers\\example.sys")));
        list.add(v(t, "PowerShellCommand", 1009, 1, Map.of("AdditionalFields", "{\"Command\":\"Invoke-WebRequest\"}")));
        list.add(v(t, "ScreenshotTaken", 0, 99, Map.of()));
        list.add(v(t, "NamedPipeEvent", 0, 99, Map.of("AdditionalFields",
                "{\"PipeName\":\"\\\\Device\\\\NamedPipe\\\\example\",\"NamedPipeEnd\":\"Client\"}")));
        list.add(v(t, "SomeFutureActionType", 0, 99, Map.of()));
    }

    private static void alertEvidence(List<Variant> list) {
        String t = "AlertEvidence";
        list.add(v(t, "File", null, 2004, 2, Map.of("EntityType", "File", "EvidenceRole", "Impacted")));
        list.add(v(t, "Process", null, 2004, 2, Map.of("EntityType", "Process", "AdditionalFields",
                "{\"ProcessId\":7132,\"CreationTimeUtc\":\"2025-03-04T10:20:11.44Z\"}")));
        list.add(v(t, "Process without id", null, 2004, 2, Map.of("EntityType", "Process")));
        list.add(v(t, "User", null, 2004, 2, Map.of("EntityType", "User")));
        list.add(v(t, "Machine", null, 2004, 2, Map.of("EntityType", "Machine")));
        list.add(v(t, "Ip", null, 2004, 2, Map.of("EntityType", "Ip", "EvidenceDirection", "Source")));
        list.add(v(t, "Url", null, 2004, 2, Map.of("EntityType", "Url")));
        list.add(v(t, "MailMessage", null, 2004, 2, Map.of("EntityType", "MailMessage")));
        list.add(v(t, "RegistryValue", null, 2004, 2, Map.of("EntityType", "RegistryValue")));
        list.add(v(t, "OAuthApplication", null, 2004, 2, Map.of("EntityType", "OAuthApplication")));
        list.add(v(t, "AzureResource", null, 2004, 2, Map.of("EntityType", "AzureResource")));
        list.add(v(t, "SecurityGroup", null, 2004, 2, Map.of("EntityType", "SecurityGroup")));
    }

    private static Variant v(String table, String actionType, int classUid, int activityId, Map<String, Object> overrides) {
        return v(table, actionType == null ? "row" : actionType, actionType, classUid, activityId, overrides);
    }

    private static Variant v(String table, String name, String actionType, int classUid, int activityId,
                             Map<String, Object> overrides) {
        ObjectNode row = row(table);
        if (actionType != null && row.has("ActionType")) {
            row.put("ActionType", actionType);
        }
        overrides.forEach((column, value) -> row.set(column, JSON.valueToTree(value)));
        return new Variant(table, name, row, classUid, activityId);
    }

    /** A row of the table with every documented column filled. */
    static ObjectNode row(String table) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : columns(table)) {
            values.put(column, value(table, column));
        }
        return JSON.valueToTree(values);
    }

    private static boolean deviceTable(String table) {
        return table.startsWith("Device");
    }

    /** A plausible value for a column, by table-specific knowledge first, then by the column's name. */
    static Object value(String table, String column) {
        Object specific = specific(table, column);
        if (specific != null) {
            return specific;
        }
        String c = column;
        if (c.equals("Timestamp")) {
            return "2025-03-04T10:15:30.1234567Z";
        }
        if (c.equals("ReportId")) {
            return deviceTable(table) ? (Object) 20331L : "e3b6b4a2-4f7b-4d7e-9b1c-2f6a8d9e0c11";
        }
        if (c.equals("DeviceId") || c.equals("HostDeviceId") || c.equals("MergedToDeviceId")) {
            return "0123456789abcdef0123456789abcdef01234567";
        }
        if (c.equals("AadDeviceId") || c.endsWith("ObjectId") || c.equals("AppGuardContainerId")) {
            return "00000000-0000-0000-0000-000000000001";
        }
        if (c.endsWith("Time")) {
            return "2025-03-04T09:00:00.0000000Z";
        }
        if (c.endsWith("SHA1") || c.endsWith("Hash")) {
            return "6cbce4a295c163791b60fc23d285e6d84f28ee4c";
        }
        if (c.endsWith("SHA256")) {
            return "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c";
        }
        if (c.endsWith("MD5")) {
            return "7353f60b1739074eb17c5f4dddefe239";
        }
        if (c.endsWith("Sid")) {
            return "S-1-5-21-1111111111-2222222222-3333333333-1001";
        }
        if (c.endsWith("Upn")) {
            return "jdoe@contoso.com";
        }
        if (c.endsWith("AccountName")) {
            return c.startsWith("InitiatingProcess") ? "svc-app" : "jdoe";
        }
        if (c.endsWith("AccountDomain")) {
            return "contoso";
        }
        if (c.endsWith("DisplayName")) {
            return "Jane Doe";
        }
        if (c.equals("InitiatingProcessParentFileName")) {
            return "explorer.exe";
        }
        if (c.endsWith("FileName") && !c.contains("VersionInfo")) {
            return c.startsWith("InitiatingProcess") ? "example.exe" : "payload.exe";
        }
        if (c.endsWith("FolderPath")) {
            return c.startsWith("InitiatingProcess") ? "C:\\Program Files\\Example\\example.exe"
                    : c.startsWith("Previous") ? "C:\\Users\\jdoe\\Downloads" : "C:\\Users\\jdoe\\AppData\\Local\\Temp\\payload.exe";
        }
        if (c.endsWith("FileSize")) {
            return 123456L;
        }
        if (c.equals("ProcessId")) {
            return 7132L;
        }
        if (c.equals("InitiatingProcessId")) {
            return 4242L;
        }
        if (c.equals("InitiatingProcessParentId")) {
            return 1000L;
        }
        if (c.endsWith("LogonId")) {
            return 4412331L;
        }
        if (c.endsWith("SessionId")) {
            return 1L;
        }
        if (c.endsWith("CommandLine")) {
            return c.startsWith("InitiatingProcess") ? "\"example.exe\" --sync" : "payload.exe /quiet";
        }
        if (c.endsWith("IntegrityLevel")) {
            return "Medium";
        }
        if (c.endsWith("TokenElevation")) {
            return "TokenElevationTypeLimited";
        }
        if (c.contains("VersionInfo")) {
            if (c.endsWith("CompanyName")) {
                return "Example Corp";
            }
            if (c.endsWith("ProductVersion")) {
                return "1.0.0.0";
            }
            if (c.endsWith("ProductName")) {
                return "Example";
            }
            if (c.endsWith("FileDescription")) {
                return "Example application";
            }
            return "example.exe";
        }
        if (c.startsWith("Is")) {
            return !c.equals("IsInitiatingProcessRemoteSession") && !c.equals("IsProcessRemoteSession")
                    && !c.equals("IsExcluded");
        }
        if (c.endsWith("RemoteSessionIP")) {
            return "10.0.0.40";
        }
        if (c.endsWith("RemoteSessionDeviceName")) {
            return "jump-01.contoso.local";
        }
        if (c.equals("LocalIP")) {
            return "10.0.0.25";
        }
        if (c.equals("RemoteIP")) {
            return "203.0.113.10";
        }
        if (c.equals("LocalPort")) {
            return 51515;
        }
        if (c.equals("RemotePort")) {
            return 443;
        }
        if (c.endsWith("IPType")) {
            return c.startsWith("Local") ? "Private" : "Public";
        }
        if (c.equals("DeviceName")) {
            return table.startsWith("Identity") ? "ws-0002.contoso.local" : "ws-0001.contoso.local";
        }
        if (c.equals("RemoteDeviceName")) {
            return "ws-0009.contoso.local";
        }
        if (c.equals("RemoteUrl")) {
            return "www.example.com";
        }
        if (c.equals("AdditionalFields")) {
            return table.startsWith("Identity") ? (Object) Map.of("Spns", "ldap/dc-01.contoso.local")
                    : "{\"Source\":\"generated\"}";
        }
        if (c.equals("MachineGroup")) {
            return "Workstations";
        }
        if (c.equals("ActionType")) {
            return "Unset";
        }
        return column + "-value";
    }

    private static Object specific(String table, String column) {
        return switch (table + "." + column) {
            case "DeviceNetworkEvents.Protocol" -> "Tcp";
            case "DeviceFileEvents.FileOriginUrl" -> "https://download.example.com/payload.exe";
            case "DeviceFileEvents.FileOriginReferrerUrl" -> "https://www.example.com/";
            case "DeviceFileEvents.FileOriginIP", "DeviceEvents.FileOriginIP" -> "198.51.100.7";
            case "DeviceEvents.FileOriginUrl" -> "https://download.example.com/payload.exe";
            case "DeviceFileEvents.PreviousFileName" -> "payload.tmp";
            case "DeviceFileEvents.RequestProtocol" -> "SMB";
            case "DeviceFileEvents.RequestSourceIP" -> "10.0.0.31";
            case "DeviceFileEvents.RequestSourcePort" -> 49822;
            case "DeviceFileEvents.RequestAccountName" -> "amy";
            case "DeviceFileEvents.RequestAccountDomain" -> "contoso";
            case "DeviceFileEvents.ShareName" -> "C$";
            case "DeviceFileEvents.SensitivityLabel" -> "Confidential";
            case "DeviceFileEvents.SensitivitySubLabel" -> "Finance";
            case "DeviceRegistryEvents.RegistryKey", "DeviceEvents.RegistryKey", "AlertEvidence.RegistryKey" ->
                    "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
            case "DeviceRegistryEvents.PreviousRegistryKey" -> "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce";
            case "DeviceRegistryEvents.RegistryValueType" -> "String";
            case "DeviceRegistryEvents.RegistryValueName", "DeviceEvents.RegistryValueName", "AlertEvidence.RegistryValueName" -> "Updater";
            case "DeviceRegistryEvents.PreviousRegistryValueName" -> "Updater";
            case "DeviceRegistryEvents.RegistryValueData", "DeviceEvents.RegistryValueData", "AlertEvidence.RegistryValueData" ->
                    "C:\\Users\\jdoe\\AppData\\Local\\Temp\\payload.exe";
            case "DeviceRegistryEvents.PreviousRegistryValueData" -> "C:\\Program Files\\Example\\updater.exe";
            case "DeviceLogonEvents.LogonType" -> "Network";
            case "DeviceLogonEvents.Protocol", "IdentityLogonEvents.Protocol", "IdentityDirectoryEvents.Protocol" -> "Kerberos";
            case "DeviceLogonEvents.FailureReason", "IdentityLogonEvents.FailureReason" -> "None";
            case "DeviceLogonEvents.RemoteIP" -> "10.0.0.31";
            case "DeviceLogonEvents.RemoteIPType" -> "Private";
            case "DeviceLogonEvents.RemotePort" -> 49822;
            case "DeviceInfo.ClientVersion" -> "10.8750.20348.1000";
            case "DeviceInfo.PublicIP" -> "203.0.113.7";
            case "DeviceInfo.OSArchitecture" -> "64-bit";
            case "DeviceInfo.OSPlatform" -> "Windows11";
            case "DeviceInfo.OSBuild" -> 22631L;
            case "DeviceInfo.JoinType" -> "Hybrid Azure AD Join";
            case "DeviceInfo.LoggedOnUsers" -> "[{\"UserName\":\"jdoe\",\"DomainName\":\"CONTOSO\",\"Sid\":\"S-1-5-21-1111111111-2222222222-3333333333-1001\"}]";
            case "DeviceInfo.RegistryDeviceTag" -> "Finance";
            case "DeviceInfo.OSVersion" -> "10.0";
            case "DeviceInfo.OnboardingStatus" -> "Onboarded";
            case "DeviceInfo.DeviceCategory" -> "Endpoint";
            case "DeviceInfo.DeviceType" -> "Workstation";
            case "DeviceInfo.DeviceSubtype" -> "Laptop";
            case "DeviceInfo.Model" -> "Surface Laptop 5";
            case "DeviceInfo.Vendor" -> "Microsoft Corporation";
            case "DeviceInfo.OSDistribution" -> "Windows11";
            case "DeviceInfo.OSVersionInfo" -> "23H2";
            case "DeviceInfo.MergedDeviceIds" -> "[\"fedcba9876543210fedcba9876543210fedcba98\"]";
            case "DeviceInfo.SensorHealthState" -> "Active";
            case "DeviceInfo.ExclusionReason" -> "None";
            case "DeviceInfo.ExposureLevel" -> "Medium";
            case "DeviceInfo.AssetValue" -> "Normal";
            case "DeviceInfo.DeviceManualTags" -> "[\"Finance\"]";
            case "DeviceInfo.DeviceDynamicTags" -> "[\"Laptops\"]";
            case "DeviceInfo.ConnectivityType" -> "Streamlined";
            case "DeviceNetworkInfo.NetworkAdapterName" -> "Ethernet0";
            case "DeviceNetworkInfo.MacAddress" -> "00155D3A1D2B";
            case "DeviceNetworkInfo.NetworkAdapterType" -> "Ethernet";
            case "DeviceNetworkInfo.NetworkAdapterStatus" -> "Up";
            case "DeviceNetworkInfo.TunnelType" -> "None";
            case "DeviceNetworkInfo.ConnectedNetworks" -> "[{\"Name\":\"contoso.local\",\"Description\":\"contoso.local\",\"IsConnectedToInternet\":true,\"Category\":\"Domain\"}]";
            case "DeviceNetworkInfo.DnsAddresses" -> "[\"10.0.0.1\",\"10.0.0.2\"]";
            case "DeviceNetworkInfo.IPv4Dhcp" -> "10.0.0.1";
            case "DeviceNetworkInfo.IPv6Dhcp" -> "fe80::1";
            case "DeviceNetworkInfo.DefaultGateways" -> "[\"10.0.0.254\"]";
            case "DeviceNetworkInfo.IPAddresses" -> "[{\"IPAddress\":\"10.0.0.25\",\"SubnetPrefix\":24,\"AddressType\":\"Private\"},"
                    + "{\"IPAddress\":\"fe80::215:5dff:fe3a:1d2b\",\"SubnetPrefix\":64,\"AddressType\":\"LinkLocal\"}]";
            case "DeviceNetworkInfo.NetworkAdapterVendor" -> "Microsoft";
            case "DeviceFileCertificateInfo.SignatureType" -> "Embedded";
            case "DeviceFileCertificateInfo.Signer" -> "Example Corp";
            case "DeviceFileCertificateInfo.Issuer" -> "Example Code Signing CA 2021";
            case "DeviceFileCertificateInfo.CertificateSerialNumber" -> "33000003a2d5b1bb8f4f2f1b6c00000003a2";
            case "DeviceFileCertificateInfo.CrlDistributionPointUrls" -> "[\"http://crl.example.com/ca2021.crl\"]";
            case "IdentityLogonEvents.Application", "IdentityDirectoryEvents.Application", "IdentityQueryEvents.Application" -> "Active Directory";
            case "IdentityLogonEvents.LogonType" -> "Resource access";
            case "IdentityLogonEvents.DeviceType" -> "Desktop";
            case "IdentityLogonEvents.OSPlatform" -> "Windows 11";
            case "IdentityLogonEvents.IPAddress", "IdentityDirectoryEvents.IPAddress", "IdentityQueryEvents.IPAddress" -> "10.0.0.31";
            case "IdentityLogonEvents.Port", "IdentityDirectoryEvents.Port", "IdentityQueryEvents.Port" -> 49822;
            case "IdentityLogonEvents.DestinationDeviceName", "IdentityDirectoryEvents.DestinationDeviceName",
                 "IdentityQueryEvents.DestinationDeviceName" -> "dc-01.contoso.local";
            case "IdentityLogonEvents.DestinationIPAddress", "IdentityDirectoryEvents.DestinationIPAddress",
                 "IdentityQueryEvents.DestinationIPAddress" -> "10.0.0.10";
            case "IdentityLogonEvents.DestinationPort", "IdentityQueryEvents.DestinationPort" -> 88;
            case "IdentityDirectoryEvents.DestinationPort" -> 389;
            case "IdentityLogonEvents.TargetDeviceName", "IdentityDirectoryEvents.TargetDeviceName",
                 "IdentityQueryEvents.TargetDeviceName" -> "fs-01.contoso.local";
            case "IdentityLogonEvents.TargetAccountDisplayName", "IdentityDirectoryEvents.TargetAccountDisplayName",
                 "IdentityQueryEvents.TargetAccountDisplayName" -> "Amy Albers";
            case "IdentityDirectoryEvents.TargetAccountUpn", "IdentityQueryEvents.TargetAccountUpn" -> "amy@contoso.com";
            case "IdentityLogonEvents.Location", "IdentityDirectoryEvents.Location", "IdentityQueryEvents.Location" -> "US";
            case "IdentityLogonEvents.Isp", "IdentityDirectoryEvents.ISP" -> "Contoso Telecom";
            case "IdentityQueryEvents.QueryType" -> "AllUsers";
            case "IdentityQueryEvents.QueryTarget" -> "All users";
            case "IdentityQueryEvents.Query" -> "(&(objectCategory=person)(objectClass=user))";
            case "IdentityQueryEvents.Protocol" -> "Ldap";
            case "EmailEvents.InternetMessageId", "EmailPostDeliveryEvents.InternetMessageId" ->
                    "<CAF=example-1234@mail.example.net>";
            case "EmailEvents.NetworkMessageId", "EmailAttachmentInfo.NetworkMessageId", "EmailUrlInfo.NetworkMessageId",
                 "EmailPostDeliveryEvents.NetworkMessageId", "UrlClickEvents.NetworkMessageId", "AlertEvidence.NetworkMessageId" ->
                    "6c9b5f3e-1c3a-4a2b-8e2f-08dd5b8e4a11";
            case "EmailEvents.SenderMailFromAddress" -> "bounce@mail.example.net";
            case "EmailEvents.SenderFromAddress", "EmailAttachmentInfo.SenderFromAddress" -> "billing@example.net";
            case "EmailEvents.SenderDisplayName", "EmailAttachmentInfo.SenderDisplayName" -> "Example Billing";
            case "EmailEvents.SenderMailFromDomain" -> "mail.example.net";
            case "EmailEvents.SenderFromDomain" -> "example.net";
            case "EmailEvents.SenderIPv4" -> "198.51.100.25";
            case "EmailEvents.SenderIPv6" -> "2001:db8::25";
            case "EmailEvents.RecipientEmailAddress", "EmailAttachmentInfo.RecipientEmailAddress",
                 "EmailPostDeliveryEvents.RecipientEmailAddress" -> "jdoe@contoso.com";
            case "EmailEvents.Subject" -> "Invoice 2025-0304";
            case "EmailEvents.EmailClusterId" -> 3418901273L;
            case "EmailEvents.EmailDirection" -> "Inbound";
            case "EmailEvents.DeliveryAction" -> "Delivered";
            case "EmailEvents.DeliveryLocation", "EmailPostDeliveryEvents.DeliveryLocation" -> "Inbox/folder";
            case "EmailEvents.ThreatTypes", "EmailAttachmentInfo.ThreatTypes", "EmailPostDeliveryEvents.ThreatTypes",
                 "UrlClickEvents.ThreatTypes" -> "Phish";
            case "EmailEvents.ThreatNames", "EmailAttachmentInfo.ThreatNames" -> "Trojan:HTML/Phish.Example";
            case "EmailEvents.DetectionMethods", "EmailAttachmentInfo.DetectionMethods", "EmailPostDeliveryEvents.DetectionMethods",
                 "UrlClickEvents.DetectionMethods" -> "{\"Phish\":[\"URL detonation reputation\"]}";
            case "EmailEvents.ConfidenceLevel" -> "{\"Phish\":\"High\",\"Spam\":null}";
            case "EmailEvents.BulkComplaintLevel" -> 3;
            case "EmailEvents.EmailAction" -> "Send to quarantine";
            case "EmailEvents.EmailActionPolicy" -> "Antiphish";
            case "EmailEvents.EmailActionPolicyGuid" -> "00000000-0000-0000-0000-0000000000b1";
            case "EmailEvents.AuthenticationDetails" -> "{\"SPF\":\"pass\",\"DKIM\":\"pass\",\"DMARC\":\"pass\",\"CompAuth\":\"pass\"}";
            case "EmailEvents.AttachmentCount" -> 1;
            case "EmailEvents.UrlCount" -> 2;
            case "EmailEvents.EmailLanguage" -> "en";
            case "EmailEvents.Connectors" -> "Inbound from partner";
            case "EmailEvents.OrgLevelAction", "EmailEvents.UserLevelAction" -> "Allow";
            case "EmailEvents.OrgLevelPolicy" -> "Tenant Allow Block List";
            case "EmailEvents.UserLevelPolicy" -> "User Safe Sender";
            case "EmailEvents.LatestDeliveryLocation" -> "Quarantine";
            case "EmailEvents.LatestDeliveryAction" -> "Quarantine release";
            case "EmailEvents.AdditionalFields" -> "{\"IsFirstContact\":true}";
            case "EmailAttachmentInfo.FileName" -> "invoice.pdf.html";
            case "EmailAttachmentInfo.FileType" -> "html";
            case "EmailAttachmentInfo.FileSize" -> 24310L;
            case "EmailUrlInfo.Url" -> "https://login.example-phish.net/owa/?u=jdoe";
            case "EmailUrlInfo.UrlDomain" -> "login.example-phish.net";
            case "EmailUrlInfo.UrlLocation" -> "Body";
            case "EmailPostDeliveryEvents.Action" -> "Moved to quarantine";
            case "EmailPostDeliveryEvents.ActionTrigger" -> "SpecialAction";
            case "EmailPostDeliveryEvents.ActionResult" -> "Success";
            case "UrlClickEvents.Url" -> "https://login.example-phish.net/owa/?u=jdoe";
            case "UrlClickEvents.AccountUpn" -> "jdoe@contoso.com";
            case "UrlClickEvents.Workload" -> "Email";
            case "UrlClickEvents.IPAddress" -> "203.0.113.7";
            case "UrlClickEvents.IsClickedThrough" -> true;
            case "UrlClickEvents.UrlChain" -> "[\"https://login.example-phish.net/owa/?u=jdoe\",\"https://login.example-phish.net/owa/login\"]";
            case "AlertInfo.AlertId", "AlertEvidence.AlertId" -> "da638765432109876543_-1234567890";
            case "AlertInfo.Title", "AlertEvidence.Title" -> "Suspicious PowerShell command line";
            case "AlertInfo.Category" -> "Execution";
            case "AlertEvidence.Categories" -> "[\"Execution\",\"SuspiciousActivity\"]";
            case "AlertInfo.Severity", "AlertEvidence.Severity" -> "Medium";
            case "AlertInfo.ServiceSource", "AlertEvidence.ServiceSource" -> "Microsoft Defender for Endpoint";
            case "AlertInfo.DetectionSource", "AlertEvidence.DetectionSource" -> "EDR";
            case "AlertInfo.AttackTechniques", "AlertEvidence.AttackTechniques" ->
                    "[\"PowerShell (T1059.001)\",\"Command and Scripting Interpreter (T1059)\"]";
            case "AlertEvidence.EntityType" -> "File";
            case "AlertEvidence.EvidenceRole" -> "Impacted";
            case "AlertEvidence.EvidenceDirection" -> "Destination";
            case "AlertEvidence.ThreatFamily" -> "Example";
            case "AlertEvidence.RemoteUrl" -> "https://bad.example.net/stage2";
            case "AlertEvidence.EmailSubject" -> "Invoice 2025-0304";
            case "AlertEvidence.Application" -> "Example Mail Sync";
            case "AlertEvidence.ApplicationId" -> 11161;
            case "AlertEvidence.OAuthApplicationId" -> "00000000-0000-0000-0000-0000000000a7";
            case "AlertEvidence.CloudResource" -> "vm-web-01";
            case "AlertEvidence.CloudPlatform" -> "Azure";
            case "AlertEvidence.ResourceType" -> "Virtual Machine";
            case "AlertEvidence.ResourceID" ->
                    "/subscriptions/00000000-0000-0000-0000-0000000000s1/resourceGroups/web/providers/Microsoft.Compute/virtualMachines/vm-web-01";
            case "AlertEvidence.SubscriptionId" -> "00000000-0000-0000-0000-0000000000d1";
            case "AlertEvidence.AdditionalFields" -> "{\"Type\":\"file\",\"Role\":0}";
            default -> null;
        };
    }
}
