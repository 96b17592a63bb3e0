package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Position;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a time-window stream stands, read from and written to the Position (a flat map):
 * <ul>
 *   <li>{@code from} – every record whose watermark is before it was read in this sweep;</li>
 *   <li>{@code to} – the end of the sweep, fixed when the sweep started (now minus a lag); the
 *       sweep is done when from = to, and then {@code to} is the stream's watermark;</li>
 *   <li>{@code span} – the length in 100 ns ticks of the next window to try;</li>
 *   <li>{@code skip}/{@code next}/{@code pass} – paging inside a window of one timestamp;</li>
 *   <li>{@code seen} – records already emitted in the region that will be read again.</li>
 * </ul>
 */
final class WindowCursor {
    Instant from;
    Instant to;
    long span;
    PageCursor page;
    int pass;
    SeenSet seen;

    private WindowCursor(Instant from, Instant to, long span, PageCursor page, int pass, SeenSet seen) {
        this.from = from;
        this.to = to;
        this.span = span;
        this.page = page;
        this.pass = pass;
        this.seen = seen;
    }

    static WindowCursor start(Instant from, Instant to) {
        return new WindowCursor(from, to, Math.max(1, ODataTime.ticksBetween(from, to)), null, 0, new SeenSet());
    }

    /** The cursor in the position, or null when the stream never ran. */
    static WindowCursor read(Position position) {
        if (position.string("from").isEmpty() || position.string("to").isEmpty()) {
            return null;
        }
        Instant from = Instant.parse(position.string("from").get());
        Instant to = Instant.parse(position.string("to").get());
        long span = position.number("span").orElse(Math.max(1, ODataTime.ticksBetween(from, to)));
        PageCursor page = null;
        if (position.string("next").isPresent() || position.number("skip").isPresent()) {
            page = new PageCursor(position.string("next").orElse(null), position.number("skip").orElse(0L));
        }
        int pass = position.number("pass").orElse(0L).intValue();
        return new WindowCursor(from, to, Math.max(1, span), page, pass, SeenSet.decode(position.string("seen").orElse(null)));
    }

    Position write() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("from", ODataTime.format(from));
        values.put("to", ODataTime.format(to));
        values.put("span", span);
        if (page != null) {
            values.put("skip", page.skip());
            values.put("next", page.nextLink());
            values.put("pass", pass);
        }
        if (seen.size() > 0) {
            values.put("seen", seen.encode());
        }
        return new Position(values);
    }

    boolean idle() {
        return !from.isBefore(to);
    }

    /** Starts the next sweep: read [from, to) as one window first. */
    void startSweep(Instant newFrom, Instant newTo) {
        from = newFrom;
        to = newTo;
        span = Math.max(1, ODataTime.ticksBetween(newFrom, newTo));
        page = null;
        pass = 0;
    }

    /** The window ending at {@code end} is done; the next one starts there with {@code nextSpan}. */
    void advance(Instant end, long nextSpan) {
        from = end;
        span = Math.max(1, nextSpan);
        page = null;
        pass = 0;
    }
}
