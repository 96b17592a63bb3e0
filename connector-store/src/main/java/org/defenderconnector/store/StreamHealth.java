package org.defenderconnector.store;

import org.defenderconnector.api.StreamId;

import java.time.Instant;

/**
 * How a stream is doing, as last recorded by the engine.
 *
 * @param lastError the last error's message (never containing a secret), null when healthy
 * @param fix       what the user should do about the last error, null when nothing
 */
public record StreamHealth(StreamId id, State state, long records, Instant lastSuccess, String lastError, String fix) {
    public enum State { OK, DEGRADED, FAILING }
}
