package org.defenderconnector.emulator.directory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Microsoft resource APIs ("APIs my organization uses" in the portal) the emulator can issue tokens for.
 * Names, identifier URIs and app roles follow shared/reference/microsoft-api.md §1.2 and §2.1.
 */
public enum ResourceApi {

    /** Microsoft Defender for Endpoint REST API. */
    WINDOWS_DEFENDER_ATP("WindowsDefenderATP", "fc780465-2017-40d4-a0c5-307022471b92",
            List.of("https://api.securitycenter.microsoft.com",
                    "https://securitycenter.onmicrosoft.com/windowsatpservice"),
            Set.of("Alert.Read.All", "Alert.ReadWrite.All", "Machine.Read.All", "Machine.ReadWrite.All",
                    "Machine.Isolate", "Machine.Scan", "Machine.CollectForensics", "Vulnerability.Read.All",
                    "Software.Read.All", "Score.Read.All", "Ti.ReadWrite", "Ti.ReadWrite.All",
                    "AdvancedQuery.Read.All")),

    /** Defender XDR REST API (incidents, advanced hunting); the portal still calls it by its former name. */
    MICROSOFT_THREAT_PROTECTION("Microsoft Threat Protection", "8ee8fdad-f234-4243-8f3b-15c294843740",
            List.of("https://api.security.microsoft.com"),
            Set.of("Incident.Read.All", "Incident.ReadWrite.All", "AdvancedHunting.Read.All")),

    /**
     * Azure Event Hubs (service principal Microsoft.EventHubs). Microsoft's "Authenticate an application with
     * Microsoft Entra ID to access Event Hubs resources": the resource is https://eventhubs.azure.net/ "and it's the
     * same for all clouds/tenants (For Kafka clients, the resource to request a token is
     * https://&lt;namespace&gt;.servicebus.windows.net)" — servicebus.usgovcloudapi.net and servicebus.chinacloudapi.cn
     * in the national clouds. Data access is granted by Azure role assignments (Azure Event Hubs Data Receiver),
     * not app roles, so its tokens carry no {@code roles}.
     */
    AZURE_EVENT_HUBS("Azure Event Hubs", "80369ed6-5f11-4dd9-bef3-692475845e77",
            List.of("https://eventhubs.azure.net"), Set.of(),
            // Namespace names: 6 to 50 letters, digits and hyphens, starting with a letter, ending with a letter or digit.
            Pattern.compile("https://[a-z][a-z0-9-]{4,48}[a-z0-9]"
                    + "\\.servicebus\\.(windows\\.net|usgovcloudapi\\.net|chinacloudapi\\.cn)")),

    /** Microsoft Graph (security incidents, alerts_v2, runHuntingQuery). */
    MICROSOFT_GRAPH("Microsoft Graph", "00000003-0000-0000-c000-000000000000",
            List.of("https://graph.microsoft.com"),
            Set.of("SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All", "SecurityAlert.Read.All",
                    "SecurityAlert.ReadWrite.All", "ThreatHunting.Read.All")),

    /**
     * Azure Storage, for the Streaming API's storage account (scope {@code https://storage.azure.com/.default}).
     * It defines no application permissions: access is granted by Azure RBAC role assignments on the account
     * (Storage Blob Data Reader, ...), which the storage service checks itself, so its app-only tokens carry no
     * {@code roles} claim.
     */
    AZURE_STORAGE("Azure Storage", "e406a681-f3d4-42a8-90b6-c2b029497af1",
            List.of("https://storage.azure.com"), Set.of());

    private final String displayName;
    private final String appId;
    private final List<String> identifierUris;
    private final Set<String> knownRoles;
    /** Audiences named after one resource's own host (an Event Hubs namespace), matched after {@link #normalize}; or null. */
    private final Pattern perResourceAudience;

    ResourceApi(String displayName, String appId, List<String> identifierUris, Set<String> knownRoles) {
        this(displayName, appId, identifierUris, knownRoles, null);
    }

    ResourceApi(String displayName, String appId, List<String> identifierUris, Set<String> knownRoles,
                Pattern perResourceAudience) {
        this.displayName = displayName;
        this.appId = appId;
        this.identifierUris = identifierUris;
        this.knownRoles = knownRoles;
        this.perResourceAudience = perResourceAudience;
    }

    /** The name shown in the portal and used in the config's {@code grants} maps. */
    public String displayName() {
        return displayName;
    }

    public String appId() {
        return appId;
    }

    /** App ID URIs accepted as v1 {@code resource} / v2 scope prefix, and as token audiences. */
    public List<String> identifierUris() {
        return identifierUris;
    }

    /** Application permissions the emulator knows this API to define (used for the demo and for warnings). */
    public Set<String> knownRoles() {
        return knownRoles;
    }

    /**
     * True when {@code resourceOrAudience} names this API (App ID URI, with or without a trailing slash, or app id),
     * or one resource of it by its host (an Event Hubs namespace's {@code https://<namespace>.servicebus.windows.net}).
     */
    public boolean isIdentifiedBy(String resourceOrAudience) {
        String wanted = normalize(resourceOrAudience);
        return wanted.equals(appId) || identifierUris.stream().anyMatch(uri -> normalize(uri).equals(wanted))
                || perResourceAudience != null && perResourceAudience.matcher(wanted).matches();
    }

    /** Finds the API a {@code resource} (v1) or scope prefix (v2) names. */
    public static Optional<ResourceApi> byIdentifier(String resource) {
        for (ResourceApi api : values()) {
            if (api.isIdentifiedBy(resource)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** Finds an API by its portal name ("WindowsDefenderATP"), case-insensitively, or by any identifier. */
    public static Optional<ResourceApi> byNameOrIdentifier(String nameOrIdentifier) {
        for (ResourceApi api : values()) {
            if (api.displayName.equalsIgnoreCase(nameOrIdentifier.trim())) {
                return Optional.of(api);
            }
        }
        return byIdentifier(nameOrIdentifier);
    }

    /** Entra compares App ID URIs case-insensitively and tolerates one trailing slash. */
    public static String normalize(String resource) {
        String trimmed = resource.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
