package org.defenderconnector.microsoft.http;

/**
 * A group of Microsoft endpoints that share one documented rate limit per app and tenant
 * (shared/reference/microsoft-api.md §3.1). Every call is charged to exactly one family.
 */
public enum ApiFamily {
    /** MDE alerts, machines, machine actions, software, scores, indicators, response actions. */
    MDE_REST("MDE API", new RateLimit(100, 1_500)),
    /** MDE export assessment (SoftwareVulnerabilitiesByMachine and its delta). */
    MDE_EXPORT("MDE export API", new RateLimit(30, 1_000)),
    /**
     * MDE export via files (SoftwareVulnerabilitiesExport): the listing call only; the files are read from Azure
     * Storage, which this budget does not count.
     */
    MDE_EXPORT_FILES("MDE export files API", new RateLimit(5, 20)),
    /** Defender XDR /api/incidents. */
    XDR_INCIDENTS("Defender XDR incidents API", new RateLimit(50, 1_500)),
    /**
     * Graph /security: 150 requests a minute per app and tenant is the documented figure for
     * alerts and secure scores; nothing narrower is documented for incidents and alerts_v2, so we
     * stay under it. No hourly limit is documented: 150 x 60.
     */
    GRAPH_SECURITY("Graph security API", new RateLimit(150, 9_000)),
    /** Advanced hunting (MDE, XDR, Graph runHuntingQuery). */
    HUNTING("advanced hunting API", new RateLimit(45, 1_500));

    private final String displayName;
    private final RateLimit documentedLimit;

    ApiFamily(String displayName, RateLimit documentedLimit) {
        this.displayName = displayName;
        this.documentedLimit = documentedLimit;
    }

    public String displayName() {
        return displayName;
    }

    public RateLimit documentedLimit() {
        return documentedLimit;
    }
}
