package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.StreamId;

import java.time.Instant;

/**
 * Told when a source gives up on a time window after every retry and split, so the loss is
 * recorded (the engine wires it to the store's {@code recordSkippedWindow}) and can be replayed
 * later with {@link ReplayableSource#replay}.
 */
@FunctionalInterface
public interface SkippedWindowListener {
    SkippedWindowListener NONE = (stream, start, end, error) -> {
    };

    /** The records of {@code stream} whose watermark lies in [start, end) were not read. */
    void skipped(StreamId stream, Instant start, Instant end, String error);
}
