package org.defenderconnector.microsoft.hunting;

import org.defenderconnector.microsoft.http.AccessToken;
import org.defenderconnector.microsoft.http.RequiredPermission;
import org.defenderconnector.microsoft.sources.ApiEndpoints;
import org.defenderconnector.microsoft.sources.ApiTokens;

import java.net.URI;
import java.util.Locale;

/**
 * The three ways to run an advanced hunting query (reference §4.2, §4.3, §2.1). Graph is the one to
 * use: Microsoft retires the other two (MC1220762, "Retirement began in January 2026. After
 * retirement completes, the ... advanced hunting API no longer functions"). They stay as an explicit
 * fallback for tenants that have not granted the Graph permission yet.
 */
public enum HuntingApi {
    /** {@code POST https://graph.microsoft.com/v1.0/security/runHuntingQuery}, ThreatHunting.Read.All. */
    GRAPH("graph", "/v1.0/security/runHuntingQuery", RequiredPermission.graph("ThreatHunting.Read.All")),
    /** {@code POST https://api.securitycenter.microsoft.com/api/advancedqueries/run}, AdvancedQuery.Read.All (retiring). */
    MDE("mde", "/api/advancedqueries/run", RequiredPermission.mde("AdvancedQuery.Read.All")),
    /** {@code POST https://api.security.microsoft.com/api/advancedhunting/run}, AdvancedHunting.Read.All (retiring). */
    XDR("xdr", "/api/advancedhunting/run", RequiredPermission.xdr("AdvancedHunting.Read.All"));

    private final String id;
    private final String path;
    private final RequiredPermission permission;

    HuntingApi(String id, String path, RequiredPermission permission) {
        this.id = id;
        this.path = path;
        this.permission = permission;
    }

    /** {@code graph}, {@code mde} or {@code xdr} (null or blank: graph). */
    public static HuntingApi parse(String text) {
        if (text == null || text.isBlank()) {
            return GRAPH;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (HuntingApi api : values()) {
            if (api.id.equals(t)) {
                return api;
            }
        }
        throw new IllegalArgumentException("hunting api must be graph, mde or xdr, not '" + text + "'");
    }

    public String id() {
        return id;
    }

    public String path() {
        return path;
    }

    public RequiredPermission permission() {
        return permission;
    }

    /** Graph takes a Timespan next to the query; the legacy APIs always read "the last 30 days". */
    public boolean acceptsTimespan() {
        return this == GRAPH;
    }

    public boolean legacy() {
        return this != GRAPH;
    }

    public URI uri(ApiEndpoints endpoints) {
        URI base = switch (this) {
            case GRAPH -> endpoints.graph();
            case MDE -> endpoints.mde();
            case XDR -> endpoints.xdr();
        };
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    /** The token of this API's audience, or an error naming what is missing. */
    public AccessToken token(ApiTokens tokens) {
        AccessToken token = switch (this) {
            case GRAPH -> tokens.graph();
            case MDE -> tokens.mde();
            case XDR -> tokens.xdr();
        };
        if (token == null) {
            throw new IllegalArgumentException("advanced hunting through the " + id + " API needs a token for "
                    + permission.audience() + ", and none is configured");
        }
        return token;
    }
}
