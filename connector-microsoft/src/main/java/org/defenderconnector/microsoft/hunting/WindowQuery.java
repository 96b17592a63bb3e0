package org.defenderconnector.microsoft.hunting;

import org.defenderconnector.microsoft.sources.ODataTime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The query that reads one time window of one table:
 * {@code T | where Timestamp >= datetime(from) and Timestamp < datetime(to) | order by Timestamp asc | take N}.
 * Windows are half-open, so a row on a boundary belongs to exactly one window. Bounds carry the full
 * 100 ns precision of the Timestamp column. The {@code take} makes the row cap ours rather than the
 * service's, so "the answer has N rows" always means "there may be more": the window is then split.
 */
final class WindowQuery {
    private WindowQuery() {
    }

    static String kql(HuntingTable table, Instant from, Instant to, int rowCap) {
        return table.name() + " | where Timestamp >= datetime(" + ODataTime.format(from) + ") and Timestamp < datetime("
                + ODataTime.format(to) + ") | order by Timestamp asc | take " + rowCap;
    }

    /**
     * Graph's Timespan covering the window (whole seconds, start rounded down and end up): without it
     * Graph applies its default of 30 days, whatever the where clause says.
     */
    static String timespan(Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.SECONDS);
        Instant end = to.truncatedTo(ChronoUnit.SECONDS);
        if (end.isBefore(to)) {
            end = end.plusSeconds(1);
        }
        return start + "/" + end;
    }
}
