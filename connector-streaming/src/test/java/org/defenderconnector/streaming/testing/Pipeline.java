package org.defenderconnector.streaming.testing;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.EventUid;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Sink;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.store.EventStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The delivery path for end-to-end tests: poll → (EventStore + a sink that records every event it is
 * handed, in order, so duplicates show) → commit, with the position kept in the real EventStore.
 *
 * <p>It follows the engine's {@code StreamRunner} contract step for step: the source is polled with the
 * last committed position, every sink takes the batch, and only then is the batch's position committed;
 * a source or sink failure commits nothing. It cannot use {@code StreamRunner} itself: connector-engine
 * depends on this module (it wires the streaming sources), so this module's tests must not depend on it.
 * The engine's own tests run these sources through the real StreamRunner and Collector.
 */
public final class Pipeline implements AutoCloseable {
    /** Records what it receives; NDJSON-like: it does not deduplicate. */
    public static final class RecordingSink implements Sink {
        private final List<Event> events = new ArrayList<>();
        public final AtomicBoolean failNext = new AtomicBoolean();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public synchronized void write(List<Event> batch) {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("disk full (injected)");
            }
            events.addAll(batch);
        }

        public synchronized List<Event> events() {
            return List.copyOf(events);
        }
    }

    /** What one poll-deliver-commit cycle did. */
    public record Outcome(boolean ok, int records, boolean more, String error) {
    }

    private static final String ENTRA_TENANT = "00000000-0000-0000-0000-0000000000aa";

    public final EventStore store;
    public final RecordingSink sink = new RecordingSink();
    private final Normalizer normalizer = Normalizer.withAllMappers();
    private Source source;

    public Pipeline(Path storeFile) {
        this.store = EventStore.open(storeFile);
    }

    /** Connects a (new) source: what a restart does. The previous source is dropped, not closed. */
    public Pipeline attach(Source source) {
        this.source = source;
        return this;
    }

    public Outcome pollOnce() {
        Outcome outcome = pollOnceAllowingFailure();
        if (!outcome.ok()) {
            throw new AssertionError("poll failed: " + outcome.error());
        }
        return outcome;
    }

    /** Polls until {@code count} events reached the recording sink, at most {@code maxPolls} times. */
    public void pollUntil(int count, int maxPolls) {
        for (int i = 0; i < maxPolls && sink.events().size() < count; i++) {
            pollOnce();
        }
    }

    public Outcome pollOnceAllowingFailure() {
        Position position = store.load(source.id()).orElse(Position.START);
        Batch batch;
        try {
            batch = source.poll(position);
        } catch (SourceException | RuntimeException e) {
            return new Outcome(false, 0, false, e.getMessage());
        }
        List<Event> events = new ArrayList<>(batch.records().size());
        for (SourceRecord record : batch.records()) {
            events.add(toEvent(record));
        }
        for (Sink s : List.of(store, sink)) {
            try {
                s.write(events);
            } catch (Exception e) {
                // Nothing is committed: the same batch is read again on the next cycle.
                return new Outcome(false, 0, false, "sink '" + s.name() + "': " + e.getMessage());
            }
        }
        if (!batch.next().equals(position)) {
            store.commit(source.id(), batch.next());
        }
        return new Outcome(true, events.size(), batch.more(), null);
    }

    /** As the engine's EventFactory: the deterministic uid, the raw record, and its OCSF form (null if unmappable). */
    private Event toEvent(SourceRecord record) {
        String ocsf;
        try {
            ocsf = normalizer.normalize(record.kind(), record.rawJson(),
                    new MappingContext(ENTRA_TENANT, record.kind(), Product.forKind(record.kind())));
        } catch (RuntimeException e) {
            ocsf = null;
        }
        return new Event(EventUid.of(source.id(), record), source.id().tenant(), source.id().stream(), record.kind(),
                record.naturalId(), record.time(), record.rawJson(), ocsf);
    }

    @Override
    public void close() {
        store.close();
    }
}
