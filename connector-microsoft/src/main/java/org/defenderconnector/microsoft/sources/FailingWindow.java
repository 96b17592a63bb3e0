package org.defenderconnector.microsoft.sources;

import java.time.Instant;

/**
 * The window of a time-window stream that keeps failing, kept in memory only (a failed poll commits
 * nothing): where it starts, how many ticks to try from there next, and its failures in a row. REST
 * window sources and advanced hunting sources both shrink such a window by it; each keeps its own policy
 * of when to halve and when to give up.
 */
public final class FailingWindow {
    private final Instant start;
    private long span;
    private int failures;

    public FailingWindow(Instant start, long span) {
        this.start = start;
        this.span = span;
    }

    public boolean startsAt(Instant windowStart) {
        return start.equals(windowStart);
    }

    /** How many ticks to read from the start next time. */
    public long span() {
        return span;
    }

    public int failures() {
        return failures;
    }

    /** Counts one more failure; returns the failures in a row so far. */
    public int recordFailure() {
        return ++failures;
    }

    /** Tries {@code smallerSpan} ticks next, counting its failures afresh. */
    public void shrinkTo(long smallerSpan) {
        span = smallerSpan;
        failures = 0;
    }
}
