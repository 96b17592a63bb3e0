package org.defenderconnector.emulator.hunting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The advanced hunting tables the emulator serves, with the columns and types of Microsoft's table reference
 * (defender-xdr/advanced-hunting-*-table.md; reference §6 for the ones quoted there).
 */
public final class HuntingSchema {

    private static final String INITIATING_VERSION_INFO = """
            InitiatingProcessVersionInfoCompanyName:string InitiatingProcessVersionInfoProductName:string
            InitiatingProcessVersionInfoProductVersion:string InitiatingProcessVersionInfoInternalFileName:string
            InitiatingProcessVersionInfoOriginalFileName:string InitiatingProcessVersionInfoFileDescription:string
            """;
    private static final String INITIATING_ACCOUNT = """
            InitiatingProcessAccountDomain:string InitiatingProcessAccountName:string InitiatingProcessAccountSid:string
            InitiatingProcessAccountUpn:string InitiatingProcessAccountObjectId:string
            """;
    private static final String REMOTE_SESSION = """
            InitiatingProcessSessionId:long IsInitiatingProcessRemoteSession:bool
            InitiatingProcessRemoteSessionDeviceName:string InitiatingProcessRemoteSessionIP:string
            """;

    private static final Map<String, HuntingTable> TABLES = new LinkedHashMap<>();

    static {
        add("AlertInfo", "Timestamp:datetime AlertId:string Title:string Category:string Severity:string "
                + "ServiceSource:string DetectionSource:string AttackTechniques:string");
        add("AlertEvidence", """
                Timestamp:datetime AlertId:string Title:string Categories:string AttackTechniques:string
                ServiceSource:string DetectionSource:string EntityType:string EvidenceRole:string
                EvidenceDirection:string FileName:string FolderPath:string SHA1:string SHA256:string FileSize:long
                ThreatFamily:string RemoteIP:string RemoteUrl:string AccountName:string AccountDomain:string
                AccountSid:string AccountObjectId:string AccountUpn:string DeviceId:string DeviceName:string
                LocalIP:string NetworkMessageId:string EmailSubject:string Application:string ApplicationId:int
                OAuthApplicationId:string ProcessCommandLine:string RegistryKey:string RegistryValueName:string
                RegistryValueData:string AdditionalFields:string Severity:string CloudResource:string
                CloudPlatform:string ResourceType:string ResourceID:string SubscriptionId:string
                """);
        add("DeviceInfo", """
                Timestamp:datetime DeviceId:string DeviceName:string ClientVersion:string PublicIP:string
                OSArchitecture:string OSPlatform:string OSBuild:long IsAzureADJoined:boolean JoinType:string
                AadDeviceId:string LoggedOnUsers:string RegistryDeviceTag:string OSVersion:string MachineGroup:string
                ReportId:long OnboardingStatus:string AdditionalFields:string DeviceCategory:string DeviceType:string
                DeviceSubtype:string Model:string Vendor:string OSDistribution:string OSVersionInfo:string
                MergedDeviceIds:string MergedToDeviceId:string IsInternetFacing:boolean SensorHealthState:string
                IsExcluded:bool ExclusionReason:string ExposureLevel:string AssetValue:string DeviceManualTags:string
                DeviceDynamicTags:string ConnectivityType:string HostDeviceId:string
                """);
        add("DeviceNetworkInfo", """
                Timestamp:datetime DeviceId:string DeviceName:string NetworkAdapterName:string MacAddress:string
                NetworkAdapterType:string NetworkAdapterStatus:string TunnelType:string ConnectedNetworks:string
                DnsAddresses:string IPv4Dhcp:string IPv6Dhcp:string DefaultGateways:string IPAddresses:string
                ReportId:long NetworkAdapterVendor:string
                """);
        add("DeviceProcessEvents", """
                Timestamp:datetime DeviceId:string DeviceName:string ActionType:string FileName:string
                FolderPath:string SHA1:string SHA256:string MD5:string FileSize:long
                ProcessVersionInfoCompanyName:string ProcessVersionInfoProductName:string
                ProcessVersionInfoProductVersion:string ProcessVersionInfoInternalFileName:string
                ProcessVersionInfoOriginalFileName:string ProcessVersionInfoFileDescription:string ProcessId:long
                ProcessCommandLine:string ProcessIntegrityLevel:string ProcessTokenElevation:string
                ProcessCreationTime:datetime AccountDomain:string AccountName:string AccountSid:string
                AccountUpn:string AccountObjectId:string LogonId:long
                """ + INITIATING_ACCOUNT + """
                InitiatingProcessLogonId:long InitiatingProcessIntegrityLevel:string
                InitiatingProcessTokenElevation:string InitiatingProcessSHA1:string InitiatingProcessSHA256:string
                InitiatingProcessMD5:string InitiatingProcessFileName:string InitiatingProcessFileSize:long
                """ + INITIATING_VERSION_INFO + """
                InitiatingProcessId:long InitiatingProcessCommandLine:string InitiatingProcessCreationTime:datetime
                InitiatingProcessFolderPath:string InitiatingProcessParentId:long InitiatingProcessParentFileName:string
                InitiatingProcessParentCreationTime:datetime InitiatingProcessSignerType:string
                InitiatingProcessSignatureStatus:string ReportId:long AppGuardContainerId:string AdditionalFields:string
                """);
        add("DeviceNetworkEvents", """
                Timestamp:datetime DeviceId:string DeviceName:string ActionType:string RemoteIP:string RemotePort:int
                RemoteUrl:string LocalIP:string LocalPort:int Protocol:string LocalIPType:string RemoteIPType:string
                InitiatingProcessSHA1:string InitiatingProcessSHA256:string InitiatingProcessMD5:string
                InitiatingProcessFileName:string InitiatingProcessFileSize:long
                """ + INITIATING_VERSION_INFO + """
                InitiatingProcessId:long InitiatingProcessCommandLine:string InitiatingProcessCreationTime:datetime
                InitiatingProcessFolderPath:string InitiatingProcessParentFileName:string InitiatingProcessParentId:long
                InitiatingProcessParentCreationTime:datetime
                """ + INITIATING_ACCOUNT + """
                InitiatingProcessIntegrityLevel:string InitiatingProcessTokenElevation:string ReportId:long
                AppGuardContainerId:string AdditionalFields:string
                """ + REMOTE_SESSION);
        add("DeviceFileEvents", """
                Timestamp:datetime DeviceId:string DeviceName:string ActionType:string FileName:string
                FolderPath:string SHA1:string SHA256:string MD5:string FileOriginUrl:string FileOriginReferrerUrl:string
                FileOriginIP:string PreviousFolderPath:string PreviousFileName:string FileSize:long
                """ + INITIATING_ACCOUNT + """
                InitiatingProcessMD5:string InitiatingProcessSHA1:string InitiatingProcessSHA256:string
                InitiatingProcessFolderPath:string InitiatingProcessFileName:string InitiatingProcessFileSize:long
                """ + INITIATING_VERSION_INFO + """
                InitiatingProcessId:long InitiatingProcessCommandLine:string InitiatingProcessCreationTime:datetime
                InitiatingProcessIntegrityLevel:string InitiatingProcessTokenElevation:string
                InitiatingProcessParentId:long InitiatingProcessParentFileName:string
                InitiatingProcessParentCreationTime:datetime RequestProtocol:string RequestSourceIP:string
                RequestSourcePort:int RequestAccountName:string RequestAccountDomain:string RequestAccountSid:string
                ShareName:string SensitivityLabel:string SensitivitySubLabel:string IsAzureInfoProtectionApplied:boolean
                ReportId:long AppGuardContainerId:string AdditionalFields:string
                """ + REMOTE_SESSION);
        add("DeviceRegistryEvents", """
                Timestamp:datetime DeviceId:string DeviceName:string ActionType:string RegistryKey:string
                RegistryValueType:string RegistryValueName:string RegistryValueData:string PreviousRegistryKey:string
                PreviousRegistryValueName:string PreviousRegistryValueData:string
                """ + INITIATING_ACCOUNT + """
                InitiatingProcessSHA1:string InitiatingProcessSHA256:string InitiatingProcessMD5:string
                InitiatingProcessFileName:string InitiatingProcessFileSize:long
                """ + INITIATING_VERSION_INFO + """
                InitiatingProcessId:long InitiatingProcessCommandLine:string InitiatingProcessCreationTime:datetime
                InitiatingProcessFolderPath:string InitiatingProcessParentId:long InitiatingProcessParentFileName:string
                InitiatingProcessParentCreationTime:datetime InitiatingProcessIntegrityLevel:string
                InitiatingProcessTokenElevation:string ReportId:long AppGuardContainerId:string
                """ + REMOTE_SESSION);
        add("DeviceLogonEvents", """
                Timestamp:datetime DeviceId:string DeviceName:string ActionType:string LogonType:string
                AccountDomain:string AccountName:string AccountSid:string Protocol:string FailureReason:string
                IsLocalAdmin:boolean LogonId:long RemoteDeviceName:string RemoteIP:string RemoteIPType:string
                RemotePort:int
                """ + INITIATING_ACCOUNT + """
                InitiatingProcessIntegrityLevel:string InitiatingProcessTokenElevation:string
                InitiatingProcessSHA1:string InitiatingProcessSHA256:string InitiatingProcessMD5:string
                InitiatingProcessFileName:string InitiatingProcessFileSize:long
                """ + INITIATING_VERSION_INFO + """
                InitiatingProcessId:long InitiatingProcessCommandLine:string InitiatingProcessCreationTime:datetime
                InitiatingProcessFolderPath:string InitiatingProcessParentId:long InitiatingProcessParentFileName:string
                InitiatingProcessParentCreationTime:datetime ReportId:long AppGuardContainerId:string
                AdditionalFields:string
                """ + REMOTE_SESSION);
        add("DeviceImageLoadEvents", """
                Timestamp:datetime DeviceId:string DeviceName:string ActionType:string FileName:string
                FolderPath:string SHA1:string SHA256:string MD5:string FileSize:long
                """ + INITIATING_ACCOUNT + """
                InitiatingProcessIntegrityLevel:string InitiatingProcessTokenElevation:string
                InitiatingProcessSHA1:string InitiatingProcessSHA256:string InitiatingProcessMD5:string
                InitiatingProcessFileName:string InitiatingProcessFileSize:long
                """ + INITIATING_VERSION_INFO + """
                InitiatingProcessId:long InitiatingProcessCommandLine:string InitiatingProcessCreationTime:datetime
                InitiatingProcessFolderPath:string InitiatingProcessParentId:long InitiatingProcessParentFileName:string
                InitiatingProcessParentCreationTime:datetime ReportId:long AppGuardContainerId:string
                """);
        add("DeviceEvents", """
                Timestamp:datetime DeviceId:string DeviceName:string ActionType:string FileName:string
                FolderPath:string SHA1:string SHA256:string MD5:string FileSize:long AccountDomain:string
                AccountName:string AccountSid:string RemoteUrl:string RemoteDeviceName:string ProcessId:long
                ProcessCommandLine:string ProcessCreationTime:datetime ProcessTokenElevation:string LogonId:long
                RegistryKey:string RegistryValueName:string RegistryValueData:string RemoteIP:string RemotePort:int
                LocalIP:string LocalPort:int FileOriginUrl:string FileOriginIP:string InitiatingProcessSHA1:string
                InitiatingProcessSHA256:string InitiatingProcessMD5:string InitiatingProcessFileName:string
                InitiatingProcessFileSize:long InitiatingProcessFolderPath:string InitiatingProcessId:long
                InitiatingProcessCommandLine:string InitiatingProcessCreationTime:datetime
                """ + INITIATING_ACCOUNT + INITIATING_VERSION_INFO + """
                InitiatingProcessParentId:long InitiatingProcessParentFileName:string
                InitiatingProcessParentCreationTime:datetime InitiatingProcessLogonId:long ReportId:long
                AppGuardContainerId:string AdditionalFields:string
                """ + REMOTE_SESSION + """
                CreatedProcessSessionId:long IsProcessRemoteSession:bool ProcessRemoteSessionDeviceName:string
                ProcessRemoteSessionIP:string
                """);
        add("DeviceFileCertificateInfo", """
                Timestamp:datetime DeviceId:string DeviceName:string SHA1:string IsSigned:bool SignatureType:string
                Signer:string SignerHash:string Issuer:string IssuerHash:string CertificateSerialNumber:string
                CrlDistributionPointUrls:string CertificateCreationTime:datetime CertificateExpirationTime:datetime
                CertificateCountersignatureTime:datetime IsTrusted:bool IsRootSignerMicrosoft:boolean ReportId:long
                """);
        add("IdentityLogonEvents", """
                Timestamp:datetime ActionType:string Application:string LogonType:string Protocol:string
                FailureReason:string AccountName:string AccountDomain:string AccountUpn:string AccountSid:string
                AccountObjectId:string AccountDisplayName:string DeviceName:string DeviceType:string OSPlatform:string
                IPAddress:string Port:int DestinationDeviceName:string DestinationIPAddress:string DestinationPort:int
                TargetDeviceName:string TargetAccountDisplayName:string Location:string Isp:string ReportId:string
                AdditionalFields:dynamic
                """);
        add("IdentityQueryEvents", """
                Timestamp:datetime ActionType:string Application:string QueryType:string QueryTarget:string
                Query:string Protocol:string AccountName:string AccountDomain:string AccountUpn:string
                AccountSid:string AccountObjectId:string AccountDisplayName:string DeviceName:string IPAddress:string
                Port:int DestinationDeviceName:string DestinationIPAddress:string DestinationPort:int
                TargetDeviceName:string TargetAccountUpn:string TargetAccountDisplayName:string Location:string
                ReportId:string AdditionalFields:dynamic
                """);
        add("IdentityDirectoryEvents", """
                Timestamp:datetime ActionType:string Application:string TargetAccountUpn:string
                TargetAccountDisplayName:string TargetDeviceName:string DestinationDeviceName:string
                DestinationIPAddress:string DestinationPort:int Protocol:string AccountName:string
                AccountDomain:string AccountUpn:string AccountSid:string AccountObjectId:string
                AccountDisplayName:string DeviceName:string IPAddress:string Port:int Location:string ISP:string
                ReportId:string AdditionalFields:dynamic
                """);
        add("EmailEvents", """
                Timestamp:datetime NetworkMessageId:string InternetMessageId:string SenderMailFromAddress:string
                SenderFromAddress:string SenderDisplayName:string SenderObjectId:string SenderMailFromDomain:string
                SenderFromDomain:string SenderIPv4:string SenderIPv6:string RecipientEmailAddress:string
                RecipientObjectId:string Subject:string EmailClusterId:long EmailDirection:string
                DeliveryAction:string DeliveryLocation:string ThreatTypes:string ThreatNames:string
                DetectionMethods:string ConfidenceLevel:string BulkComplaintLevel:int EmailAction:string
                EmailActionPolicy:string EmailActionPolicyGuid:string AuthenticationDetails:string
                AttachmentCount:int UrlCount:int EmailLanguage:string Connectors:string OrgLevelAction:string
                OrgLevelPolicy:string UserLevelAction:string UserLevelPolicy:string ReportId:string
                AdditionalFields:string LatestDeliveryLocation:string LatestDeliveryAction:string
                """);
        add("EmailAttachmentInfo", """
                Timestamp:datetime NetworkMessageId:string SenderFromAddress:string SenderDisplayName:string
                SenderObjectId:string RecipientEmailAddress:string RecipientObjectId:string FileName:string
                FileType:string SHA256:string FileSize:long ThreatTypes:string ThreatNames:string
                DetectionMethods:string ReportId:string
                """);
        add("EmailUrlInfo", "Timestamp:datetime NetworkMessageId:string Url:string UrlDomain:string "
                + "UrlLocation:string ReportId:string");
        add("EmailPostDeliveryEvents", """
                Timestamp:datetime NetworkMessageId:string InternetMessageId:string Action:string ActionType:string
                ActionTrigger:string ActionResult:string RecipientEmailAddress:string DeliveryLocation:string
                ThreatTypes:string DetectionMethods:string ReportId:string
                """);
        add("UrlClickEvents", """
                Timestamp:datetime Url:string ActionType:string AccountUpn:string Workload:string
                NetworkMessageId:string ThreatTypes:string DetectionMethods:string IPAddress:string
                IsClickedThrough:bool UrlChain:string ReportId:string
                """);
    }

    private HuntingSchema() {
    }

    private static void add(String name, String columns) {
        TABLES.put(name, HuntingTable.of(name, columns));
    }

    public static Optional<HuntingTable> table(String name) {
        return Optional.ofNullable(TABLES.get(name));
    }

    public static List<HuntingTable> tables() {
        return List.copyOf(TABLES.values());
    }
}
