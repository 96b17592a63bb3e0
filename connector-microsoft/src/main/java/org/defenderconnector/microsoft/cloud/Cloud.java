package org.defenderconnector.microsoft.cloud;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Microsoft clouds the connector can talk to, with their documented hosts
 * (shared/reference/microsoft-api.md §1.2 and §1.5: defender-endpoint/gov.md, defender-xdr/usgov.md,
 * Graph concepts/deployments.md).
 *
 * <p>Token audiences: the commercial values are documented. For the US Government clouds Microsoft
 * documents the API hosts but not the token resource; the working assumption (also what third-party
 * scripts use) is that the resource equals the API host, in the same "securitycenter" (MDE) and
 * "security" (XDR) families as commercial. Everything is overridable through {@link Endpoints}.
 */
public enum Cloud {
    GLOBAL("global",
            "https://login.microsoftonline.com",
            "https://api.security.microsoft.com",
            "https://api.security.microsoft.com",
            "https://graph.microsoft.com",
            // MS tip: some MDE APIs still require tokens for the legacy securitycenter resource.
            "https://api.securitycenter.microsoft.com",
            "https://api.security.microsoft.com",
            "https://graph.microsoft.com",
            "https://portal.azure.com", "https://security.microsoft.com"),
    GCC("gcc",
            // GCC tenants live in the commercial Entra and use worldwide Graph (deployments.md).
            "https://login.microsoftonline.com",
            "https://api-gcc.securitycenter.microsoft.us",
            "https://api-gcc.security.microsoft.us",
            "https://graph.microsoft.com",
            "https://api-gcc.securitycenter.microsoft.us",
            "https://api-gcc.security.microsoft.us",
            "https://graph.microsoft.com",
            "https://portal.azure.com", "https://security.microsoft.com"),
    GCC_HIGH("gcc-high",
            "https://login.microsoftonline.us",
            "https://api-gov.securitycenter.microsoft.us",
            "https://api-gov.security.microsoft.us",
            "https://graph.microsoft.us",
            "https://api-gov.securitycenter.microsoft.us",
            "https://api-gov.security.microsoft.us",
            "https://graph.microsoft.us",
            "https://portal.azure.us", "https://security.microsoft.us"),
    DOD("dod",
            "https://login.microsoftonline.us",
            "https://api-gov.securitycenter.microsoft.us",
            "https://api-gov.security.microsoft.us",
            "https://dod-graph.microsoft.us",
            "https://api-gov.securitycenter.microsoft.us",
            "https://api-gov.security.microsoft.us",
            "https://dod-graph.microsoft.us",
            "https://portal.azure.us", "https://security.apps.mil");

    private final String id;
    private final URI loginAuthority;
    private final URI mdeBase;
    private final URI xdrBase;
    private final URI graphBase;
    private final String mdeResource;
    private final String xdrResource;
    private final String graphResource;
    private final URI azurePortal;
    private final URI defenderPortal;

    Cloud(String id, String login, String mde, String xdr, String graph,
          String mdeResource, String xdrResource, String graphResource,
          String azurePortal, String defenderPortal) {
        this.id = id;
        this.loginAuthority = URI.create(login);
        this.mdeBase = URI.create(mde);
        this.xdrBase = URI.create(xdr);
        this.graphBase = URI.create(graph);
        this.mdeResource = mdeResource;
        this.xdrResource = xdrResource;
        this.graphResource = graphResource;
        this.azurePortal = URI.create(azurePortal);
        this.defenderPortal = URI.create(defenderPortal);
    }

    /**
     * The DNS suffix of Azure Storage accounts for this cloud's Streaming API destination
     * ({@code <account>.blob.<suffix>}): GCC tenants use commercial Azure, GCC High and DoD Azure Government.
     */
    public String storageSuffix() {
        return azureGovernment() ? "core.usgovcloudapi.net" : "core.windows.net";
    }

    /** The DNS suffix of Event Hubs namespaces for this cloud ({@code <namespace>.<suffix>}), as {@link #storageSuffix}. */
    public String serviceBusSuffix() {
        return azureGovernment() ? "servicebus.usgovcloudapi.net" : "servicebus.windows.net";
    }

    private boolean azureGovernment() {
        return this == GCC_HIGH || this == DOD;
    }

    /** The name used in configuration and on the command line: global, gcc, gcc-high, dod. */
    public String id() {
        return id;
    }

    public URI loginAuthority() {
        return loginAuthority;
    }

    /** Base URL of an API in this cloud (no trailing slash). */
    public URI baseUrl(Api api) {
        return switch (api) {
            case DEFENDER_ENDPOINT -> mdeBase;
            case DEFENDER_XDR -> xdrBase;
            case GRAPH -> graphBase;
        };
    }

    /** The resource (App ID URI) to request a token for; the v2 scope is this plus {@code /.default}. */
    public String resource(Api api) {
        return switch (api) {
            case DEFENDER_ENDPOINT -> mdeResource;
            case DEFENDER_XDR -> xdrResource;
            case GRAPH -> graphResource;
        };
    }

    /** The Azure portal where app registrations are managed in this cloud. */
    public URI azurePortal() {
        return azurePortal;
    }

    public URI defenderPortal() {
        return defenderPortal;
    }

    public static Cloud fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Cloud c : values()) {
            if (c.id.equals(wanted)) {
                return c;
            }
        }
        if (wanted.equals("commercial") || wanted.equals("public")) {
            return GLOBAL;
        }
        throw new IllegalArgumentException("Unknown cloud '" + id + "'. Use one of: "
                + Arrays.stream(values()).map(Cloud::id).collect(Collectors.joining(", ")));
    }
}
