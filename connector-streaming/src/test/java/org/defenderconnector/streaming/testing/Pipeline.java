package org.defenderconnector.streaming.testing;

import org.defenderconnector.api.Event;
import org.defenderconnector.api.Sink;
import org.defenderconnector.api.Source;
import org.defenderconnector.engine.EventFactory;
import org.defenderconnector.engine.PollOutcome;
import org.defenderconnector.engine.StreamRunner;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.store.EventStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real delivery path for end-to-end tests: StreamRunner → (EventStore + a sink that records every
 * event it is handed, in order, so duplicates show) with the position kept in the EventStore.
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

    public final EventStore store;
    public final RecordingSink sink = new RecordingSink();
    private final Normalizer normalizer = Normalizer.withAllMappers();
    private StreamRunner runner;

    public Pipeline(Path storeFile) {
        this.store = EventStore.open(storeFile);
    }

    /** Connects a (new) source: what a restart does. The previous source is dropped, not closed. */
    public Pipeline attach(Source source) {
        runner = new StreamRunner(source, new EventFactory(normalizer, "00000000-0000-0000-0000-0000000000aa"),
                List.of(store, sink), store);
        return this;
    }

    public PollOutcome pollOnce() {
        PollOutcome outcome = runner.pollOnce();
        if (!outcome.ok()) {
            throw new AssertionError("poll failed: " + runner.status().snapshot().lastError());
        }
        return outcome;
    }

    /** Polls until {@code count} events reached the recording sink, at most {@code maxPolls} times. */
    public void pollUntil(int count, int maxPolls) {
        for (int i = 0; i < maxPolls && sink.events().size() < count; i++) {
            pollOnce();
        }
    }

    public PollOutcome pollOnceAllowingFailure() {
        return runner.pollOnce();
    }

    public StreamRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        store.close();
    }
}
