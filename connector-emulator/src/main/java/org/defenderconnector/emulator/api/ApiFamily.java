package org.defenderconnector.emulator.api;

import java.util.Locale;

import org.defenderconnector.emulator.directory.ResourceApi;

/**
 * The three API surfaces the emulator serves on one host, told apart by path. Each accepts tokens for its own
 * resource only and has its own error body shape.
 */
public enum ApiFamily {

    /** Defender for Endpoint {@code /api/...}: WindowsDefenderATP tokens, {@code {"error":{code,message,target}}}. */
    MDE(ResourceApi.WINDOWS_DEFENDER_ATP),
    /** Defender XDR {@code /api/incidents}, {@code /api/advancedhunting}: Microsoft Threat Protection tokens. */
    XDR(ResourceApi.MICROSOFT_THREAT_PROTECTION),
    /** Microsoft Graph {@code /v1.0/...}: Graph tokens, {@code {"error":{code,message,innerError}}}. */
    GRAPH(ResourceApi.MICROSOFT_GRAPH);

    private final ResourceApi resource;

    ApiFamily(ResourceApi resource) {
        this.resource = resource;
    }

    /** The resource whose tokens this API accepts. */
    public ResourceApi resource() {
        return resource;
    }

    /** Which family a path belongs to when no route matched it (to shape the 404 and check the token). */
    public static ApiFamily forPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/v1.0/") || lower.equals("/v1.0")) {
            return GRAPH;
        }
        if (lower.startsWith("/api/incidents") || lower.startsWith("/api/advancedhunting")) {
            return XDR;
        }
        return MDE;
    }

    /** True for paths any family serves. */
    public static boolean isApiPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals("/api") || lower.startsWith("/api/") || lower.equals("/v1.0") || lower.startsWith("/v1.0/");
    }
}
