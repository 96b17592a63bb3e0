package org.defenderconnector.store;

import org.defenderconnector.api.StreamId;

import java.time.Instant;

/** A time window of a stream that could not be read after every retry and split, kept for replay. */
public record SkippedWindow(StreamId id, Instant start, Instant end, String error) {
}
