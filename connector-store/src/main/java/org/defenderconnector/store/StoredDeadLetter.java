package org.defenderconnector.store;

import org.defenderconnector.api.StreamId;

import java.time.Instant;

/**
 * A streamed record that could not be read, as kept in the store's {@code dead_letters} table.
 *
 * @param location      the blob ({@code container/path}) or Event Hub partition ({@code hub/partition})
 * @param offset        the byte offset of the line in the blob, or the Kafka offset of the message
 * @param payload       the record's text as received, cut to {@link EventStore#DEAD_LETTER_PAYLOAD_MAX} characters
 * @param payloadLength the length of the whole record text, in characters (larger than the payload when cut)
 * @param at            when the source met it
 */
public record StoredDeadLetter(StreamId stream, String location, long offset, String error, String payload,
                               long payloadLength, Instant at) {
    public boolean truncated() {
        return payloadLength > payload.length();
    }
}
