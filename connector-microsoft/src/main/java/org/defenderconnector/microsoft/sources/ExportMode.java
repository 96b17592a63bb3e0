package org.defenderconnector.microsoft.sources;

import java.util.Locale;

/**
 * How the vulnerabilities stream reads its full export. Deltas are JSON either way (there is no file
 * variant of the delta API).
 */
public enum ExportMode {
    /**
     * {@code SoftwareVulnerabilitiesByMachine}: pages of up to 200,000 records, 30 calls/min. Documented as
     * best for organisations under 100,000 devices.
     */
    JSON,
    /**
     * {@code SoftwareVulnerabilitiesExport}: one call (5/min, 20/hour) lists GZIP files in Azure Storage,
     * downloaded with their SAS URLs. Recommended by Microsoft above 100,000 devices ("faster and more
     * reliably").
     */
    FILES;

    /** "json" or "files", any case; null or blank is the default, JSON. */
    public static ExportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "files" -> FILES;
            default -> throw new IllegalArgumentException("vulnerabilities: export must be 'json' or 'files', not '"
                    + text.trim() + "'");
        };
    }
}
