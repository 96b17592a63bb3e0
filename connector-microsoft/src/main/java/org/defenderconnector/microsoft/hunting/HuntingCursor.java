package org.defenderconnector.microsoft.hunting;

import org.defenderconnector.api.Position;
import org.defenderconnector.microsoft.sources.ODataTime;
import org.defenderconnector.microsoft.sources.SeenSet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a hunting stream stands, as a flat Position:
 * <ul>
 *   <li>{@code from} – every row of the current sweep with a Timestamp before it was delivered;</li>
 *   <li>{@code to} – the end of the sweep (now minus the lag when it started); when {@code from}
 *       reaches it the sweep is done and {@code to} is the table's watermark;</li>
 *   <li>{@code span} – the next window's length in 100 ns ticks, as adapted to the table's volume;</li>
 *   <li>{@code seen} – hashes of the rows delivered in the region the next sweep reads again.</li>
 * </ul>
 */
final class HuntingCursor {
    Instant from;
    Instant to;
    long span;
    final SeenSet seen;

    private HuntingCursor(Instant from, Instant to, long span, SeenSet seen) {
        this.from = from;
        this.to = to;
        this.span = Math.max(1, span);
        this.seen = seen;
    }

    static HuntingCursor start(Instant from, Instant to, long span) {
        return new HuntingCursor(from, to, span, new SeenSet());
    }

    /** The cursor in the position, or null when the stream never ran. */
    static HuntingCursor read(Position position) {
        if (position.string("from").isEmpty() || position.string("to").isEmpty()) {
            return null;
        }
        Instant from = Instant.parse(position.string("from").get());
        Instant to = Instant.parse(position.string("to").get());
        long span = position.number("span").orElse(Math.max(1, ODataTime.ticksBetween(from, to)));
        return new HuntingCursor(from, to, span, SeenSet.decode(position.string("seen").orElse(null)));
    }

    Position write() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("from", ODataTime.format(from));
        values.put("to", ODataTime.format(to));
        values.put("span", span);
        if (seen.size() > 0) {
            values.put("seen", seen.encode());
        }
        return new Position(values);
    }

    boolean idle() {
        return !from.isBefore(to);
    }

    /** Starts the next sweep over [newFrom, newTo), keeping the learned window length. */
    void startSweep(Instant newFrom, Instant newTo) {
        from = newFrom;
        to = newTo;
    }

    /** The window ending at {@code end} is delivered; the next one starts there and is {@code nextSpan} long. */
    void advance(Instant end, long nextSpan) {
        from = end;
        span = Math.max(1, nextSpan);
    }
}
