package org.defenderconnector.emulator.hunting;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.defenderconnector.emulator.odata.ODataLiterals;
import org.defenderconnector.emulator.odata.TimeWindow;

/**
 * Graph runHuntingQuery's {@code Timespan} (security-security-runhuntingquery.md): "start/end", "duration/end",
 * "start/duration", "duration" (ending now) or "start" (ending now); 30 days ending now when absent.
 */
public final class Timespans {

    public static final Duration DEFAULT = Duration.ofDays(30);

    private Timespans() {
    }

    public static TimeWindow parse(String timespan, Instant now) {
        if (timespan == null || timespan.isBlank()) {
            return new TimeWindow(now.minus(DEFAULT), true, now, true);
        }
        String[] parts = timespan.trim().split("/", -1);
        if (parts.length > 2) {
            throw invalid(timespan);
        }
        if (parts.length == 1) {
            if (isDuration(parts[0])) {
                return new TimeWindow(now.minus(duration(parts[0], timespan)), true, now, true);
            }
            return new TimeWindow(instant(parts[0], timespan), true, now, true);
        }
        if (isDuration(parts[0]) && isDuration(parts[1])) {
            throw invalid(timespan);
        }
        if (isDuration(parts[0])) {
            Instant end = instant(parts[1], timespan);
            return new TimeWindow(end.minus(duration(parts[0], timespan)), true, end, true);
        }
        Instant start = instant(parts[0], timespan);
        Instant end = isDuration(parts[1]) ? start.plus(duration(parts[1], timespan)) : instant(parts[1], timespan);
        if (end.isBefore(start)) {
            throw new KqlException("Timespan '" + timespan + "' ends before it starts.");
        }
        return new TimeWindow(start, true, end, true);
    }

    private static boolean isDuration(String text) {
        return text.trim().toUpperCase().startsWith("P");
    }

    private static Duration duration(String text, String whole) {
        try {
            return Duration.parse(text.trim().toUpperCase());
        } catch (DateTimeParseException e) {
            throw invalid(whole);
        }
    }

    private static Instant instant(String text, String whole) {
        Instant instant = ODataLiterals.parseInstant(text.trim());
        if (instant == null) {
            throw invalid(whole);
        }
        return instant;
    }

    private static KqlException invalid(String timespan) {
        return new KqlException("Timespan '" + timespan + "' is not an ISO 8601 interval such as "
                + "2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, P30D/2024-02-15T08:00:00Z, 2024-02-01T08:00:00Z/P30D, "
                + "P30D or 2024-02-01T08:00:00Z.");
    }
}
