package org.defenderconnector.streaming;

import java.time.Instant;
import java.util.Objects;

/**
 * A streamed record that could not be read, kept with where it came from so it can be inspected and
 * replayed. Processing goes on past it.
 *
 * @param stream   the StreamId it belongs to ({@code tenant/stream})
 * @param location the blob ({@code container/path}) or Event Hub partition ({@code topic/partition})
 * @param offset   the byte offset of the line in the blob, or the Kafka offset of the message
 * @param error    why it could not be read
 * @param payload  the record's text as received (a blob line, a message or one element of it)
 */
public record DeadLetter(String stream, String location, long offset, String error, String payload, Instant at) {
    public DeadLetter {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
    }
}
