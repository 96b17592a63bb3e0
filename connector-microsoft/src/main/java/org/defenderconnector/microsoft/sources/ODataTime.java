package org.defenderconnector.microsoft.sources;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Microsoft timestamps: ISO-8601 UTC with 0 to 7 fractional digits ("2021-01-26T20:33:57.7220239Z",
 * "2020-07-20T10:53:50.19Z"), and the export API's zone-less "yyyy-MM-dd HH:mm:ss[.fffffff]" (UTC).
 * The finest unit is the .NET tick of 100 ns; query windows are cut on ticks.
 */
public final class ODataTime {
    public static final long NANOS_PER_TICK = 100;

    private ODataTime() {
    }

    /** Parses any of the documented shapes; null for null or unreadable text. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim().replace(' ', 'T');
        int t = s.indexOf('T');
        boolean zoned = s.endsWith("Z") || s.endsWith("z") || (t > 0 && (s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0));
        if (!zoned) {
            s = s + "Z";
        }
        if (t < 0) { // a bare date
            s = s.substring(0, s.length() - 1) + "T00:00:00Z";
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO-8601 UTC with at most 7 fractional digits, trailing zeros dropped: what OData literals accept. */
    public static String format(Instant instant) {
        Instant t = truncate(instant);
        String base = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS)
                .atOffset(java.time.ZoneOffset.UTC));
        int ticks = t.getNano() / (int) NANOS_PER_TICK;
        if (ticks == 0) {
            return base + "Z";
        }
        String fraction = String.format("%07d", ticks);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        return base + "." + fraction.substring(0, end) + "Z";
    }

    /** Cuts below 100 ns. */
    public static Instant truncate(Instant instant) {
        return instant.minusNanos(instant.getNano() % NANOS_PER_TICK);
    }

    public static long ticksBetween(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() * 10_000_000L + d.getNano() / NANOS_PER_TICK;
    }

    public static Instant plusTicks(Instant instant, long ticks) {
        return instant.plusSeconds(ticks / 10_000_000L).plusNanos((ticks % 10_000_000L) * NANOS_PER_TICK);
    }

    public static long ticks(Duration duration) {
        return duration.getSeconds() * 10_000_000L + duration.getNano() / NANOS_PER_TICK;
    }
}
