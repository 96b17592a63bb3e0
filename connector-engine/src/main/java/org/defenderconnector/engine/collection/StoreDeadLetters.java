package org.defenderconnector.engine.collection;

import org.defenderconnector.api.StreamId;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.streaming.DeadLetter;
import org.defenderconnector.streaming.DeadLetterListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a streaming source's dead letters in the store's {@code dead_letters} table (the store cuts long
 * lines and keeps a letter reported twice once). A letter that cannot be stored is logged, never thrown:
 * a dead letter must not stop the stream.
 */
final class StoreDeadLetters implements DeadLetterListener {
    private static final Logger LOG = LoggerFactory.getLogger(StoreDeadLetters.class);

    private final EventStore store;
    private final StreamId stream;

    StoreDeadLetters(EventStore store, StreamId stream) {
        this.store = store;
        this.stream = stream;
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        // The line itself stays out of the log: it is event data, and it is in the store.
        LOG.warn("stream {}: unreadable record at {} offset {} kept in dead_letters: {}", stream, letter.location(),
                letter.offset(), letter.error());
        try {
            store.recordDeadLetter(stream, letter.location(), letter.offset(), letter.error(), letter.payload(),
                    letter.at());
        } catch (RuntimeException e) {
            LOG.error("stream {}: could not keep the dead letter at {} offset {}: {} (check the store's disk)", stream,
                    letter.location(), letter.offset(), e.getMessage());
        }
    }
}
