package org.defenderconnector.engine;

import org.defenderconnector.api.StreamId;

import java.time.Clock;
import java.time.Instant;

/**
 * Live health of one stream: ok after a successful cycle, degraded while retryable failures last,
 * failing when the user must act (bad credentials, missing permission) or failures persist.
 * Thread-safe: the engine thread writes, displays and the server read.
 */
public final class StreamStatus {
    /** Consecutive retryable failures after which a degraded stream is reported as failing. */
    static final int FAILING_AFTER = 5;

    public enum State { STARTING, OK, DEGRADED, FAILING, STOPPED }

    public record Snapshot(StreamId id, State state, long records, Instant lastSuccess, String lastError, String fix,
                           int consecutiveFailures) {
    }

    private final StreamId id;
    private final Clock clock;
    private State state = State.STARTING;
    private long records;
    private Instant lastSuccess;
    private String lastError;
    private String fix;
    private int consecutiveFailures;

    public StreamStatus(StreamId id) {
        this(id, Clock.systemUTC());
    }

    StreamStatus(StreamId id, Clock clock) {
        this.id = id;
        this.clock = clock;
    }

    synchronized void delivered(int count) {
        records += count;
        lastSuccess = clock.instant();
        state = State.OK;
        consecutiveFailures = 0;
        lastError = null;
        fix = null;
    }

    synchronized void failed(String error, String howToFix, boolean retryable) {
        consecutiveFailures++;
        lastError = error;
        fix = howToFix;
        state = !retryable || consecutiveFailures >= FAILING_AFTER ? State.FAILING : State.DEGRADED;
    }

    synchronized void stopped() {
        state = State.STOPPED;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(id, state, records, lastSuccess, lastError, fix, consecutiveFailures);
    }
}
