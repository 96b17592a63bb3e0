package org.defenderconnector.microsoft.cloud;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Geo-local hosts for the MDE and XDR APIs in the commercial cloud
 * ("instead of using api.security.microsoft.com, use a server closer to your geolocation",
 * reference §1.6, current learn pages). They serve the same tenant data with lower latency; the
 * token audience does not change. Not available in the US Government clouds.
 */
public enum Region {
    US, EU, UK, AU, SWA, INA, AEA;

    /** The region code as written in the host name and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public URI baseUrl() {
        return URI.create("https://" + id() + ".api.security.microsoft.com");
    }

    public static Region fromId(String id) {
        String wanted = id.trim().toUpperCase(Locale.ROOT);
        for (Region r : values()) {
            if (r.name().equals(wanted)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown region '" + id + "'. Use one of: "
                + Arrays.stream(values()).map(Region::id).collect(Collectors.joining(", ")));
    }
}
