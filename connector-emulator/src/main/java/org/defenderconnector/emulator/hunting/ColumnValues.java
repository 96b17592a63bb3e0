package org.defenderconnector.emulator.hunting;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.defenderconnector.emulator.data.Catalog;
import org.defenderconnector.emulator.data.Machine;
import org.defenderconnector.emulator.data.Person;
import org.defenderconnector.emulator.data.Seeds;
import org.defenderconnector.emulator.data.Times;

/**
 * The value of a column in a generated event, read off its {@link EventContext}: the Initiating* family from
 * the initiating process and its account, Process* and file columns from the target process, Account* from the
 * account, Remote and Local columns from the connection; table-specific columns first. Unknown string columns are empty
 * strings (as advanced hunting shows absent values), other unknown columns null.
 */
final class ColumnValues {

    private static final String PREFIX = "InitiatingProcess";

    private ColumnValues() {
    }

    static Object value(String table, HuntingTable.Column column, EventContext c) {
        Object specific = tableSpecific(table, column.name(), c);
        if (specific != null) {
            return specific;
        }
        Object generic = generic(column.name(), c);
        if (generic != null) {
            return generic;
        }
        return switch (column.type()) {
            case STRING -> "";
            default -> null;
        };
    }

    private static Object generic(String name, EventContext c) {
        Machine m = c.machine;
        switch (name) {
            case "Timestamp":
                return c.time;
            case "DeviceId":
                return m == null ? "" : m.id();
            case "DeviceName":
                return m == null ? "" : m.computerDnsName();
            case "ReportId":
                return c.reportId;
            case "RemoteIP":
                return c.remoteIp;
            case "RemotePort":
                return c.remotePort;
            case "RemoteUrl":
                return c.remotePort == 443 || c.remotePort == 80 ? c.remoteUrl : "";
            case "LocalIP":
                return m == null ? "" : m.lastIpAddress();
            case "LocalPort":
                return c.localPort;
            case "Protocol":
                return "Tcp";
            case "LocalIPType":
                return "Private";
            case "RemoteIPType":
                return "Public";
            case "FileName":
                return c.target.fileName();
            case "FolderPath":
                return c.target.folder();
            case "SHA1":
                return c.target.sha1();
            case "SHA256":
                return "";
            case "MD5":
                return c.target.md5();
            case "FileSize":
                return c.target.size();
            case "ProcessId":
                return c.target.id();
            case "ProcessCommandLine":
                return c.target.commandLine();
            case "ProcessCreationTime":
                return c.target.created();
            case "ProcessIntegrityLevel":
                return c.target.integrity();
            case "ProcessTokenElevation":
                return c.target.elevation();
            case "LogonId", "InitiatingProcessLogonId":
                return 100_000L + (c.reportId % 900_000);
            case "IsInitiatingProcessRemoteSession", "IsProcessRemoteSession":
                return Boolean.FALSE;
            case "InitiatingProcessSessionId", "CreatedProcessSessionId":
                return 1L;
            case "AppGuardContainerId":
                return "";
            case "AdditionalFields":
                return null;
            default:
                break;
        }
        if (name.startsWith("ProcessVersionInfo")) {
            return versionInfo(name.substring("ProcessVersionInfo".length()), c.target);
        }
        if (name.startsWith("Account")) {
            return account(name.substring("Account".length()), c.account);
        }
        if (name.startsWith(PREFIX + "Account")) {
            return account(name.substring((PREFIX + "Account").length()), c.account);
        }
        if (name.startsWith(PREFIX + "VersionInfo")) {
            return versionInfo(name.substring((PREFIX + "VersionInfo").length()), c.initiating);
        }
        if (name.startsWith(PREFIX)) {
            EventContext.Process p = c.initiating;
            return switch (name.substring(PREFIX.length())) {
                case "SHA1" -> p.sha1();
                case "SHA256" -> "";
                case "MD5" -> p.md5();
                case "FileName" -> p.fileName();
                case "FileSize" -> p.size();
                case "Id" -> p.id();
                case "CommandLine" -> p.commandLine();
                case "CreationTime" -> p.created();
                case "FolderPath" -> p.folder();
                case "IntegrityLevel" -> p.integrity();
                case "TokenElevation" -> p.elevation();
                case "ParentId" -> p.parentId();
                case "ParentFileName" -> p.parentName();
                case "ParentCreationTime" -> p.parentCreated();
                case "SignerType" -> "OsVendor";
                case "SignatureStatus" -> "Valid";
                default -> null;
            };
        }
        return null;
    }

    private static Object account(String suffix, Person person) {
        return switch (suffix) {
            case "Domain" -> Catalog.NETBIOS_DOMAIN.toLowerCase();
            case "Name" -> person.accountName();
            case "Sid" -> person.sid();
            case "Upn" -> person.upn();
            case "ObjectId" -> person.aadUserId();
            case "DisplayName" -> person.displayName();
            default -> null;
        };
    }

    private static Object versionInfo(String suffix, EventContext.Process p) {
        return switch (suffix) {
            case "CompanyName" -> p.company();
            case "ProductName" -> p.product();
            case "ProductVersion" -> p.version();
            case "InternalFileName", "OriginalFileName" -> p.fileName();
            case "FileDescription" -> p.description();
            default -> null;
        };
    }

    private static Object tableSpecific(String table, String name, EventContext c) {
        return switch (table) {
            case "DeviceProcessEvents" -> name.equals("ActionType") ? "ProcessCreated" : null;
            case "DeviceNetworkEvents" -> name.equals("ActionType") ? pick(c, "ConnectionSuccess",
                    "ConnectionSuccess", "ConnectionFailed", "InboundConnectionAccepted") : null;
            case "DeviceFileEvents" -> switch (name) {
                case "ActionType" -> pick(c, "FileCreated", "FileModified", "FileRenamed", "FileDeleted");
                case "FileName" -> "report_" + (c.reportId % 1000) + ".docx";
                case "FolderPath" -> "C:\\Users\\" + c.account.accountName() + "\\Documents\\report_"
                        + (c.reportId % 1000) + ".docx";
                case "FileOriginUrl", "FileOriginReferrerUrl" -> "";
                case "RequestProtocol" -> "Local";
                case "RequestSourcePort" -> 0;
                case "IsAzureInfoProtectionApplied" -> Boolean.FALSE;
                default -> null;
            };
            case "DeviceRegistryEvents" -> switch (name) {
                case "ActionType" -> pick(c, "RegistryValueSet", "RegistryKeyCreated", "RegistryValueDeleted");
                case "RegistryKey" -> "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run";
                case "RegistryValueType" -> "String";
                case "RegistryValueName" -> "Updater" + (c.reportId % 10);
                case "RegistryValueData" -> c.target.folder();
                default -> null;
            };
            case "DeviceLogonEvents" -> switch (name) {
                case "ActionType" -> pick(c, "LogonSuccess", "LogonSuccess", "LogonSuccess", "LogonFailed");
                case "LogonType" -> pick(c, "Interactive", "RemoteInteractive", "Network", "Batch", "Service");
                case "Protocol" -> pick(c, "Negotiate", "Kerberos", "NTLM");
                case "FailureReason" -> "";
                case "IsLocalAdmin" -> c.reportId % 5 == 0;
                case "RemoteDeviceName" -> "";
                default -> null;
            };
            case "DeviceImageLoadEvents" -> switch (name) {
                case "ActionType" -> "ImageLoaded";
                case "FileName" -> pick(c, "ntdll.dll", "kernel32.dll", "amsi.dll", "clr.dll", "wininet.dll");
                case "FolderPath" -> "C:\\Windows\\System32";
                default -> null;
            };
            case "DeviceEvents" -> switch (name) {
                case "ActionType" -> pick(c, "AntivirusDetection", "PowerShellCommand", "UsbDriveMounted",
                        "ScheduledTaskCreated", "SmartScreenUrlWarning");
                case "RemoteDeviceName", "RegistryKey", "RegistryValueName", "RegistryValueData", "FileOriginUrl",
                        "FileOriginIP" -> "";
                default -> null;
            };
            case "DeviceFileCertificateInfo" -> switch (name) {
                case "IsSigned", "IsTrusted" -> Boolean.TRUE;
                case "IsRootSignerMicrosoft" -> c.initiating.company().startsWith("Microsoft");
                case "SignatureType" -> pick(c, "Embedded", "Catalog");
                case "Signer" -> c.initiating.company();
                case "Issuer" -> "Microsoft Code Signing PCA 2011";
                case "SignerHash", "IssuerHash" -> Seeds.hex(c.random, 40);
                case "CertificateSerialNumber" -> Seeds.hex(c.random, 32);
                case "CrlDistributionPointUrls" -> "[\"http://www.microsoft.com/pkiops/crl/MicCodSigPCA2011.crl\"]";
                case "CertificateCreationTime" -> Times.ticks(c.time.minus(Duration.ofDays(300)));
                case "CertificateExpirationTime" -> Times.ticks(c.time.plus(Duration.ofDays(65)));
                case "CertificateCountersignatureTime" -> Times.ticks(c.time.minus(Duration.ofDays(30)));
                default -> null;
            };
            case "DeviceInfo" -> deviceInfo(name, c);
            case "DeviceNetworkInfo" -> deviceNetworkInfo(name, c);
            case "IdentityLogonEvents", "IdentityQueryEvents", "IdentityDirectoryEvents" -> identity(table, name, c);
            case "EmailEvents", "EmailAttachmentInfo", "EmailUrlInfo", "EmailPostDeliveryEvents" -> email(table, name, c);
            case "UrlClickEvents" -> switch (name) {
                case "Url" -> "https://" + c.remoteUrl + "/" + c.reportId;
                case "ActionType" -> pick(c, "ClickAllowed", "ClickAllowed", "ClickBlocked", "UrlScanInProgress");
                case "AccountUpn" -> c.account.upn();
                case "Workload" -> pick(c, "Email", "Office", "Teams");
                case "NetworkMessageId" -> messageId(c);
                case "ThreatTypes" -> pick(c, "", "", "Phish");
                case "DetectionMethods" -> "";
                case "IPAddress" -> c.remoteIp;
                case "IsClickedThrough" -> c.reportId % 3 == 0;
                case "UrlChain" -> "[\"https://" + c.remoteUrl + "/" + c.reportId + "\"]";
                case "ReportId" -> Long.toString(c.reportId);
                default -> null;
            };
            default -> null;
        };
    }

    private static Object deviceInfo(String name, EventContext c) {
        Machine m = c.machine;
        return switch (name) {
            case "ClientVersion" -> "10.8760.19041.4355";
            case "PublicIP" -> m.lastExternalIpAddress();
            case "OSArchitecture" -> m.os().processor().equals("arm64") ? "ARM64" : "64-bit";
            case "OSPlatform" -> m.os().platform();
            case "OSBuild" -> m.os().build();
            case "IsAzureADJoined" -> m.aadJoined();
            case "JoinType" -> m.aadJoined() ? "Hybrid Azure AD Join" : "Domain Joined";
            case "AadDeviceId" -> m.aadDeviceId() == null ? "" : m.aadDeviceId();
            case "LoggedOnUsers" -> "[{\"UserName\":\"" + m.user().accountName() + "\",\"DomainName\":\""
                    + Catalog.NETBIOS_DOMAIN + "\",\"Sid\":\"" + m.user().sid() + "\"}]";
            case "OSVersion" -> m.osVersion();
            case "MachineGroup" -> m.rbacGroupName();
            case "OnboardingStatus" -> m.onboardingStatus().equals("onboarded") ? "Onboarded" : m.onboardingStatus();
            case "DeviceCategory" -> "Endpoint";
            case "DeviceType" -> m.os().platform().startsWith("WindowsServer") ? "Server" : "Workstation";
            case "Model" -> "Virtual Machine";
            case "Vendor" -> "Microsoft Corporation";
            case "OSDistribution" -> m.os().platform();
            case "OSVersionInfo" -> m.os().version();
            case "IsInternetFacing", "IsExcluded" -> Boolean.FALSE;
            case "SensorHealthState" -> m.healthStatus();
            case "ExposureLevel" -> m.exposureLevel();
            case "AssetValue" -> m.deviceValue();
            case "DeviceManualTags" -> "[" + String.join(",", m.machineTags().stream().map(t -> "\"" + t + "\"")
                    .toList()) + "]";
            case "ConnectivityType" -> "Streamlined";
            default -> null;
        };
    }

    private static Object deviceNetworkInfo(String name, EventContext c) {
        Machine m = c.machine;
        return switch (name) {
            case "NetworkAdapterName" -> "Ethernet";
            case "MacAddress" -> m.macAddress().replaceAll("(..)(?!$)", "$1-");
            case "NetworkAdapterType" -> "Ethernet";
            case "NetworkAdapterStatus" -> "Up";
            case "ConnectedNetworks" -> "[{\"Name\":\"" + Catalog.DOMAIN + "\",\"Category\":\"Domain\","
                    + "\"IsConnectedToInternet\":true}]";
            case "DnsAddresses" -> "[\"10.0.0.10\",\"10.0.0.11\"]";
            case "IPv4Dhcp" -> "10.0.0.1";
            case "DefaultGateways" -> "[\"10.0.0.1\"]";
            case "IPAddresses" -> "[{\"IPAddress\":\"" + m.lastIpAddress() + "\",\"SubnetPrefix\":16,"
                    + "\"AddressType\":\"Private\"}]";
            case "NetworkAdapterVendor" -> "Microsoft";
            default -> null;
        };
    }

    private static Object identity(String table, String name, EventContext c) {
        return switch (name) {
            case "ActionType" -> switch (table) {
                case "IdentityLogonEvents" -> pick(c, "LogonSuccess", "LogonSuccess", "LogonFailed");
                case "IdentityQueryEvents" -> pick(c, "LDAP query", "DNS query", "SAMR query");
                default -> pick(c, "Account Password changed", "Group Membership changed", "Account Disabled");
            };
            case "Application" -> table.equals("IdentityLogonEvents") ? pick(c, "Active Directory",
                    "Microsoft 365") : "Active Directory";
            case "LogonType" -> pick(c, "Credentials Validation", "Resource Access", "Interactive Logon");
            case "Protocol" -> pick(c, "Kerberos", "Ntlm", "Ldap");
            case "FailureReason" -> "";
            case "DeviceName" -> c.machine == null ? "" : c.machine.shortName().toUpperCase();
            case "DeviceType" -> "Desktop";
            case "OSPlatform" -> c.machine == null ? "" : c.machine.os().platform();
            case "IPAddress" -> c.machine == null ? c.remoteIp : c.machine.lastIpAddress();
            case "Port" -> c.localPort;
            case "DestinationDeviceName", "TargetDeviceName" -> "DC01." + Catalog.DOMAIN;
            case "DestinationIPAddress" -> "10.0.0.10";
            case "DestinationPort" -> table.equals("IdentityQueryEvents") ? 389 : 88;
            case "TargetAccountDisplayName" -> c.account.displayName();
            case "TargetAccountUpn" -> c.account.upn();
            case "QueryType" -> pick(c, "QueryGroup", "QueryUser", "EnumerateUsers");
            case "QueryTarget" -> "Domain Admins";
            case "Query" -> "(&(objectClass=group)(cn=Domain Admins))";
            case "Location" -> pick(c, "US", "GB", "DE");
            case "Isp", "ISP" -> "Contoso Networks";
            case "ReportId" -> Long.toString(c.reportId);
            case "AdditionalFields" -> JsonNodeFactory.instance.objectNode().put("Count", 1 + c.reportId % 5);
            default -> null;
        };
    }

    private static Object email(String table, String name, EventContext c) {
        Person sender = Person.of(0, (int) (c.reportId % Person.POOL));
        String senderAddress = "notifications@" + Seeds.pick(c.random, List.of("fabrikam.example",
                "tailspin.example", "adventure-works.example"));
        return switch (name) {
            case "NetworkMessageId" -> messageId(c);
            case "InternetMessageId" -> "<" + messageId(c) + "@mail.example>";
            case "SenderMailFromAddress", "SenderFromAddress" -> senderAddress;
            case "SenderDisplayName" -> sender.displayName();
            case "SenderObjectId", "RecipientObjectId" -> c.account.aadUserId();
            case "SenderMailFromDomain", "SenderFromDomain" -> senderAddress.substring(senderAddress.indexOf('@') + 1);
            case "SenderIPv4" -> c.remoteIp;
            case "RecipientEmailAddress" -> c.account.upn();
            case "Subject" -> pick(c, "Invoice overdue", "Team lunch", "Your password expires today", "Q3 plan");
            case "EmailClusterId" -> c.reportId * 31;
            case "EmailDirection" -> "Inbound";
            case "DeliveryAction", "LatestDeliveryAction" -> pick(c, "Delivered", "Delivered", "Junked", "Blocked");
            case "DeliveryLocation", "LatestDeliveryLocation" -> pick(c, "Inbox/folder", "Junk folder",
                    "Quarantine");
            case "ThreatTypes" -> pick(c, "", "", "Phish", "Malware", "Spam");
            case "DetectionMethods" -> "";
            case "ConfidenceLevel" -> "{\"Phish\":\"Low\"}";
            case "BulkComplaintLevel" -> (int) (c.reportId % 10);
            case "AttachmentCount" -> (int) (c.reportId % 3);
            case "UrlCount" -> (int) (c.reportId % 4);
            case "EmailLanguage" -> "en";
            case "AuthenticationDetails" -> "{\"SPF\":\"pass\",\"DKIM\":\"pass\",\"DMARC\":\"pass\"}";
            case "FileName" -> "invoice_" + c.reportId + ".pdf";
            case "FileType" -> "pdf";
            case "SHA256" -> Seeds.hex(c.random, 64);
            case "FileSize" -> 20_000L + c.reportId % 500_000;
            case "Url" -> "https://" + c.remoteUrl + "/" + c.reportId;
            case "UrlDomain" -> c.remoteUrl;
            case "UrlLocation" -> pick(c, "Body", "Attachment", "QRCode");
            case "Action" -> "Moved to quarantine";
            case "ActionType" -> table.equals("EmailPostDeliveryEvents") ? pick(c, "Phish ZAP", "Malware ZAP",
                    "Manual Remediation") : null;
            case "ActionTrigger" -> pick(c, "SpecialAction", "AdminAction");
            case "ActionResult" -> "Success";
            case "ReportId" -> Long.toString(c.reportId);
            default -> null;
        };
    }

    /** The same message id for an email's rows across the Email* and UrlClick tables of the same hour slot. */
    private static String messageId(EventContext c) {
        return Seeds.guid(new java.util.SplittableRandom(Seeds.mix(c.reportId)));
    }

    private static String pick(EventContext c, String... values) {
        return values[(int) Math.floorMod(Seeds.mix(c.reportId * 7 + values.length), (long) values.length)];
    }
}
