package org.defenderconnector.emulator.limits;

import java.util.Locale;

import org.defenderconnector.emulator.api.ApiFamily;
import org.defenderconnector.emulator.api.ApiRoute;

/**
 * The documented call quotas (reference §3.1), counted per application per tenant, except advanced hunting:
 * per tenant, all applications together ("45 calls per minute per tenant").
 */
public enum LimitBucket {

    /** MDE alerts, machines, machine actions, indicators ... : "100 calls per minute and 1,500 calls per hour". */
    MDE("mde", 100, 1_500),
    /** Vulnerability export JSON, full and delta: 30 calls per minute, 1,000 per hour. */
    EXPORT("export", 30, 1_000),
    /** Vulnerability export via files (SoftwareVulnerabilitiesExport): "5 calls per minute and 20 calls per hour". */
    EXPORT_FILES("exportFiles", 5, 20),
    /** XDR incidents: 50 calls per minute, 1,500 per hour. */
    XDR_INCIDENTS("xdrIncidents", 50, 1_500),
    /** Advanced hunting, per tenant (each of the three APIs counted apart): 45 calls per minute, 1,500 per hour. */
    HUNTING("hunting", 45, 1_500),
    /** Graph security: "150 requests per minute" per app per tenant; no hourly limit documented. */
    GRAPH_SECURITY("graphSecurity", 150, null);

    private final String key;
    private final Integer perMinute;
    private final Integer perHour;

    LimitBucket(String key, Integer perMinute, Integer perHour) {
        this.key = key;
        this.perMinute = perMinute;
        this.perHour = perHour;
    }

    /** The config key ({@code limits.buckets.<key>}). */
    public String key() {
        return key;
    }

    public Integer documentedPerMinute() {
        return perMinute;
    }

    public Integer documentedPerHour() {
        return perHour;
    }

    public static LimitBucket byKey(String key) {
        for (LimitBucket bucket : values()) {
            if (bucket.key.equalsIgnoreCase(key) || bucket.name().equalsIgnoreCase(key)) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("unknown rate limit bucket '" + key
                + "' (known: mde, export, exportFiles, xdrIncidents, hunting, graphSecurity)");
    }

    /** Which quota a route counts against. */
    public static LimitBucket of(ApiRoute route) {
        String template = route.template().toLowerCase(Locale.ROOT);
        if (template.endsWith("/run") || template.endsWith("/runhuntingquery")) {
            return HUNTING;
        }
        if (template.equals("/api/machines/softwarevulnerabilitiesexport")) {
            return EXPORT_FILES;
        }
        if (template.startsWith("/api/machines/softwarevulnerabilit")) {
            return EXPORT;
        }
        if (route.family() == ApiFamily.XDR) {
            return XDR_INCIDENTS;
        }
        return route.family() == ApiFamily.GRAPH ? GRAPH_SECURITY : MDE;
    }
}
