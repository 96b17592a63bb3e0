package org.defenderconnector.emulator.odata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OData literal syntax the Defender and Graph samples use. */
public final class ODataLiterals {

    /**
     * {@code 2024-01-01T00:00:00Z}, {@code 2024-01-01T00:00:00.1234567Z}, {@code 2018-08-01Z} (a date with a zone,
     * as in exposed-apis-odata-samples.md), {@code 2024-01-01T00:00:00+02:00}; seconds and zone may be omitted
     * (then UTC).
     */
    public static final Pattern DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?(Z|[+-]\\d{2}:\\d{2})?");
    public static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ODataLiterals() {
    }

    /** Parses a datetime literal or JSON timestamp; null if it is not one. */
    public static Instant parseInstant(String text) {
        Matcher m = DATETIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            LocalDateTime time = date.atStartOfDay();
            if (m.group(4) != null) {
                String fraction = m.group(7) == null ? "" : m.group(7);
                int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
                time = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            }
            ZoneOffset zone = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(m.group(8));
            return time.toInstant(zone);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
