package org.defenderconnector.ocsf.objects;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MAC addresses for OCSF {@code mac_t} (six hex pairs separated by ':' or '-'). Defender writes MACs
 * with dashes, colons or no separator at all; a bare 12-digit form is given colons, other forms are
 * kept as written when valid.
 */
public final class MacAddress {
    private static final Pattern SEPARATED = Pattern.compile("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$");
    private static final Pattern BARE = Pattern.compile("^[0-9A-Fa-f]{12}$");

    private MacAddress() {
    }

    public static Optional<String> normalize(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (SEPARATED.matcher(trimmed).matches()) {
            return Optional.of(trimmed);
        }
        if (BARE.matcher(trimmed).matches()) {
            StringBuilder mac = new StringBuilder();
            for (int i = 0; i < 12; i += 2) {
                if (i > 0) {
                    mac.append(':');
                }
                mac.append(trimmed, i, i + 2);
            }
            return Optional.of(mac.toString());
        }
        return Optional.empty();
    }
}
