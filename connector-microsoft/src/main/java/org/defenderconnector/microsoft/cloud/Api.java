package org.defenderconnector.microsoft.cloud;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three Microsoft APIs the connector calls. Each is a separate Entra resource: it has its own
 * token audience, its own application permissions (app roles) and its own entry in the portal's
 * "Add a permission" dialog, so a token for one is useless for the others.
 */
public enum Api {
    /** Microsoft Defender for Endpoint REST API ({@code /api/alerts}, {@code /api/machines}, ...). */
    DEFENDER_ENDPOINT("mde", "WindowsDefenderATP",
            // Third-party sourced (many scripts and playbooks); not found in Microsoft documentation.
            "fc780465-2017-40d4-a0c5-307022471b92",
            "APIs my organization uses > WindowsDefenderATP"),
    /** Defender XDR REST API ({@code /api/incidents}); "Microsoft Threat Protection" is its former name. */
    DEFENDER_XDR("xdr", "Microsoft Threat Protection",
            // Third-party sourced (many scripts, Sentinel playbooks); not verified in Microsoft documentation.
            "8ee8fdad-f234-4243-8f3b-15c294843740",
            "APIs my organization uses > Microsoft Threat Protection"),
    /** Microsoft Graph security API ({@code /v1.0/security/...}). */
    GRAPH("graph", "Microsoft Graph",
            "00000003-0000-0000-c000-000000000000",
            "Microsoft APIs > Microsoft Graph");

    private final String id;
    private final String entraName;
    private final String appId;
    private final String portalPickerPath;

    Api(String id, String entraName, String appId, String portalPickerPath) {
        this.id = id;
        this.entraName = entraName;
        this.appId = appId;
        this.portalPickerPath = portalPickerPath;
    }

    /** The API with this short id ({@link #id()}), ignoring case and surrounding blanks; empty for none. */
    public static Optional<Api> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip();
        return Arrays.stream(values()).filter(api -> api.id.equalsIgnoreCase(wanted)).findFirst();
    }

    /** Short stable id used in JSON output and check ids: {@code mde}, {@code xdr}, {@code graph}. */
    public String id() {
        return id;
    }

    /** The name the Entra portal shows for this API, which is also the emulator's grant key. */
    public String entraName() {
        return entraName;
    }

    /** The API's application (client) id, as used in {@code requiredResourceAccess.resourceAppId}. */
    public String appId() {
        return appId;
    }

    /** Where to find this API in "API permissions > Add a permission". */
    public String portalPickerPath() {
        return portalPickerPath;
    }

    /** Whether the {@link #appId()} is confirmed by Microsoft documentation (only Graph's is). */
    public boolean appIdDocumented() {
        return this == GRAPH;
    }
}
