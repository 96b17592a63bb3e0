package org.defenderconnector.ocsf;

import java.util.Locale;

/** OCSF {@code severity_id} from the severities Defender, XDR and Graph use. */
public final class Severity {
    public static final int UNKNOWN = 0;
    public static final int INFORMATIONAL = 1;
    public static final int LOW = 2;
    public static final int MEDIUM = 3;
    public static final int HIGH = 4;
    public static final int CRITICAL = 5;
    public static final int OTHER = 99;

    private Severity() {
    }

    /** Null, "UnSpecified" and "unknown" map to 0 Unknown; an unrecognised value to 99 Other. */
    public static int fromDefender(String severity) {
        if (severity == null) {
            return UNKNOWN;
        }
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "informational", "info" -> INFORMATIONAL;
            case "low" -> LOW;
            case "medium", "moderate" -> MEDIUM;
            case "high", "important" -> HIGH;
            case "critical" -> CRITICAL;
            case "unspecified", "unknown", "none", "", "unknownfuturevalue" -> UNKNOWN;
            default -> OTHER;
        };
    }

    public static String caption(int severityId) {
        return switch (severityId) {
            case UNKNOWN -> "Unknown";
            case INFORMATIONAL -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
            case 6 -> "Fatal";
            default -> "Other";
        };
    }
}
