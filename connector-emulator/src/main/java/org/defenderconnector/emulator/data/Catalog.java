package org.defenderconnector.emulator.data;

import static org.defenderconnector.emulator.data.EvidenceKind.FILE;
import static org.defenderconnector.emulator.data.EvidenceKind.IP;
import static org.defenderconnector.emulator.data.EvidenceKind.MAILBOX;
import static org.defenderconnector.emulator.data.EvidenceKind.MAIL_CLUSTER;
import static org.defenderconnector.emulator.data.EvidenceKind.MAIL_MESSAGE;
import static org.defenderconnector.emulator.data.EvidenceKind.PROCESS;
import static org.defenderconnector.emulator.data.EvidenceKind.REGISTRY;
import static org.defenderconnector.emulator.data.EvidenceKind.URL;
import static org.defenderconnector.emulator.data.EvidenceKind.USER;

import java.util.List;

/**
 * The vocabulary generated records draw from: alert kinds, people, products, operating systems. Written for this
 * emulator in the style of Microsoft's documentation samples.
 */
public final class Catalog {

    public static final String DOMAIN = "contoso.com";
    public static final String NETBIOS_DOMAIN = "CONTOSO";

    private static final String INVESTIGATE = "Review the device timeline for related activity before and after the "
            + "alert, look for the same artifacts on other devices, and contain the device if the activity is "
            + "confirmed malicious.";

    public static final List<AlertTemplate> ENDPOINT_ALERTS = List.of(
            new AlertTemplate(ServiceSource.ENDPOINT, "Suspicious PowerShell command line",
                    "A suspicious PowerShell command line was observed. Attackers use encoded PowerShell commands to "
                            + "download and run payloads while evading inspection.",
                    "Execution", "WindowsDefenderAtp", "microsoftDefenderForEndpoint", List.of("T1059.001", "T1027"),
                    null, List.of(PROCESS, FILE, USER), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "'Mimikatz' hacktool was detected",
                    "Readily available tools, such as hacking programs, can be used by unauthorized individuals to "
                            + "spy on users and harvest credentials.",
                    "Malware", "WindowsDefenderAv", "antivirus", List.of("T1003"), "Mimikatz",
                    List.of(FILE, PROCESS, USER), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "Suspicious 'Meterpreter' behavior was detected",
                    "Malware and unwanted software are undesirable applications that perform harmful actions on "
                            + "affected machines. Because this malware was active, check for residual signs of "
                            + "infection.",
                    "SuspiciousActivity", "WindowsDefenderAv", "antivirus", List.of("T1064", "T1085", "T1220"),
                    "Meterpreter", List.of(FILE, PROCESS, IP, USER), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "Low-reputation arbitrary code executed by signed executable",
                    "Binaries signed by Microsoft can be used to run low-reputation arbitrary code, hiding the "
                            + "execution of malicious code within a trusted process.",
                    "Execution", "WindowsDefenderAtp", "microsoftDefenderForEndpoint",
                    List.of("T1218.011"), null, List.of(USER, PROCESS, FILE), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "Suspicious execution of hidden file",
                    "A hidden file has been launched. Attackers often hide files associated with malicious tools to "
                            + "evade file system inspection and defenses.",
                    "DefenseEvasion", "WindowsDefenderAtp", "microsoftDefenderForEndpoint", List.of("T1564.001"),
                    null, List.of(PROCESS, FILE, REGISTRY, USER), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "Network connection to a risky host",
                    "A network connection was made to a risky host which has exhibited malicious activity.",
                    "CommandAndControl", "WindowsDefenderAtp", "microsoftDefenderForEndpoint", List.of("T1071"),
                    null, List.of(PROCESS, IP, URL, USER), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "Anomalous scheduled task creation",
                    "A process created a scheduled task that runs a binary from a user-writable folder, a common "
                            + "persistence technique.",
                    "Persistence", "WindowsDefenderAtp", "microsoftDefenderForEndpoint", List.of("T1053.005"), null,
                    List.of(PROCESS, FILE, REGISTRY, USER), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "Ransomware behavior detected in the file system",
                    "Many files were renamed with an unusual extension in a short time, which is typical of "
                            + "ransomware encrypting user data.",
                    "Ransomware", "WindowsDefenderAv", "antivirus", List.of("T1486"), "Ransom:Win32/Sodinokibi",
                    List.of(FILE, PROCESS, USER), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "Suspicious LDAP query",
                    "A process ran LDAP queries commonly used for reconnaissance of accounts and groups.",
                    "Discovery", "CustomDetection", "customDetection", List.of("T1087.002"), null,
                    List.of(PROCESS, USER), INVESTIGATE),
            new AlertTemplate(ServiceSource.ENDPOINT, "Automated investigation remediated a malicious file",
                    "An automated investigation found a malicious file and quarantined it.",
                    "Malware", "AutomatedInvestigation", "automatedInvestigation", List.of(), "Trojan:Win32/Wacatac",
                    List.of(FILE, PROCESS, USER), INVESTIGATE));

    public static final List<AlertTemplate> OFFICE_ALERTS = List.of(
            new AlertTemplate(ServiceSource.OFFICE, "Email messages containing malicious URL removed after delivery",
                    "Emails with a malicious URL were delivered and later removed by zero-hour auto purge.",
                    "InitialAccess", "OfficeATP", "microsoftDefenderForOffice365", List.of("T1566.002"), null,
                    List.of(MAILBOX, MAIL_MESSAGE, MAIL_CLUSTER, URL),
                    "Review the recipients and the URL, and block the sender."),
            new AlertTemplate(ServiceSource.OFFICE, "A potentially malicious URL click was detected",
                    "A user clicked a URL that was later found malicious.",
                    "InitialAccess", "OfficeATP", "microsoftDefenderForOffice365", List.of("T1204.001"), null,
                    List.of(MAILBOX, MAIL_MESSAGE, URL), "Reset the user's password and review their sign-ins."));

    public static final List<AlertTemplate> CLOUD_APP_ALERTS = List.of(
            new AlertTemplate(ServiceSource.CLOUD_APPS, "Ransomware activity",
                    "The user manipulated many files with an uncommon extension, an unusual number of file "
                            + "manipulations indicative of a potential ransomware attack.",
                    "Impact", "MCAS", "cloudAppSecurity", List.of(), null, List.of(USER, IP),
                    "Suspend the user and restore the affected files."),
            new AlertTemplate(ServiceSource.CLOUD_APPS, "Impossible travel activity",
                    "The same user signed in from two distant locations within a time shorter than the travel "
                            + "time between them.",
                    "InitialAccess", "MCAS", "cloudAppSecurity", List.of("T1078"), null, List.of(USER, IP),
                    "Confirm the sign-ins with the user and require a password reset."));

    public static final List<String> FIRST_NAMES = List.of("adele", "alex", "bianca", "carlos", "dana", "diego",
            "elena", "femi", "grace", "hiro", "ines", "jonas", "kai", "lena", "malik", "nadia", "omar", "priya",
            "quinn", "rosa", "sam", "tariq", "uma", "viktor", "wen", "yara", "zane");
    public static final List<String> LAST_NAMES = List.of("vance", "wilber", "moreno", "stone", "ito", "kowalski",
            "okafor", "lindqvist", "haddad", "nguyen", "schmidt", "rossi", "tanaka", "dubois", "silva", "kaur");
    public static final List<String> ANALYSTS = List.of("secop123@contoso.com", "analyst@contoso.com",
            "soc-tier2@contoso.com", "kai.c@contoso.com");

    /** Platform, OS version prefix, build, version label, processor. */
    public record Os(String platform, String osVersionPrefix, long build, String version, String processor) {
    }

    public static final List<Os> OPERATING_SYSTEMS = List.of(
            new Os("Windows10", "10.0.19045", 19045, "22H2", "x64"),
            new Os("Windows11", "10.0.22631", 22631, "23H2", "x64"),
            new Os("Windows11", "10.0.26100", 26100, "24H2", "x64"),
            new Os("WindowsServer2019", "10.0.17763", 17763, "1809", "x64"),
            new Os("WindowsServer2022", "10.0.20348", 20348, "21H2", "x64"),
            new Os("Linux", "5.15", 0, "Ubuntu 22.04", "x64"),
            new Os("macOS", "14.5", 0, "14.5", "arm64"));

    public static final List<String> RBAC_GROUPS = List.of("Workstations", "Servers", "Finance", "Engineering");

    /** Vendor, product, versions: the products software inventory and vulnerability data are about. */
    public record Product(String vendor, String name, List<String> versions) {
    }

    public static final List<Product> PRODUCTS = List.of(
            new Product("microsoft", "edge", List.of("124.0.2478.80", "125.0.2535.51", "126.0.2592.56")),
            new Product("google", "chrome", List.of("124.0.6367.119", "125.0.6422.60", "126.0.6478.57")),
            new Product("mozilla", "firefox", List.of("125.0.3.0", "126.0.0.0", "127.0.1.0")),
            new Product("microsoft", "office", List.of("16.0.17328.20282", "16.0.17531.20140")),
            new Product("microsoft", ".net_framework", List.of("4.8.4644.0", "4.8.9232.0")),
            new Product("microsoft", "onedrive", List.of("24.086.0428.0001", "24.101.0519.0010")),
            new Product("microsoft", "teams", List.of("24124.2315.2911.3357", "24152.405.2925.6762")),
            new Product("adobe", "acrobat_reader", List.of("24.002.20736", "24.002.20857")),
            new Product("oracle", "jre", List.of("8.0.4110.9", "8.0.4210.9")),
            new Product("7-zip", "7-zip", List.of("23.1.0.0", "24.5.0.0")),
            new Product("videolan", "vlc_media_player", List.of("3.0.20.0", "3.0.21.0")),
            new Product("zoom", "zoom", List.of("6.0.11.39959", "6.1.0.40020")),
            new Product("notepad-plus-plus", "notepad++", List.of("8.6.5.0", "8.6.7.0")),
            new Product("putty", "putty", List.of("0.80.0.0", "0.81.0.0")),
            new Product("python", "python", List.of("3.11.9150.1013", "3.12.3150.1013")),
            new Product("openssl", "openssl", List.of("3.0.13", "3.2.1")),
            new Product("vmware", "tools", List.of("12.3.5.22544099", "12.4.0.23259341")),
            new Product("citrix", "workspace", List.of("24.2.0.172", "24.3.0.64")),
            new Product("git", "git", List.of("2.44.0.0", "2.45.1.0")),
            new Product("microsoft", "visual_studio_code", List.of("1.89.1.0", "1.90.0.0")));

    public static final List<String> PROCESS_NAMES = List.of("powershell.exe", "cmd.exe", "rundll32.exe",
            "svchost.exe", "explorer.exe", "wmic.exe", "mshta.exe", "outlook.exe", "chrome.exe", "msedge.exe",
            "teams.exe", "python.exe", "certutil.exe", "schtasks.exe", "regsvr32.exe");

    public static final List<String> REMOTE_URLS = List.of("www.example.com", "login.contoso-secure.net",
            "cdn.fabrikam-updates.com", "files.tailspin.io", "api.adventure-works.org", "update.wingtiptoys.net");

    private Catalog() {
    }
}
