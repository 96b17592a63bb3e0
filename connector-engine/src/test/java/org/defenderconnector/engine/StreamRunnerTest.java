package org.defenderconnector.engine;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Sink;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class StreamRunnerTest {
    @TempDir
    Path dir;

    /** A source over a fixed list, two records a page; the position is the index of the next record. */
    static final class ListSource implements Source {
        final StreamId id = new StreamId("t1", "test");
        final List<String> ids;
        final AtomicBoolean failNext = new AtomicBoolean();

        ListSource(List<String> ids) {
            this.ids = ids;
        }

        @Override
        public StreamId id() {
            return id;
        }

        @Override
        public Batch poll(Position position) throws SourceException {
            if (failNext.getAndSet(false)) {
                throw new SourceException("HTTP 503 from the API", true, null);
            }
            int from = position.number("next").orElse(0L).intValue();
            int to = Math.min(ids.size(), from + 2);
            List<SourceRecord> records = new ArrayList<>();
            for (String recordId : ids.subList(from, to)) {
                records.add(new SourceRecord(recordId, "1", Instant.EPOCH,
                        "{\"Timestamp\":\"2024-01-01T00:00:00Z\",\"id\":\"" + recordId + "\"}", "UnknownTable"));
            }
            return new Batch(records, position.with("next", to), to < ids.size());
        }
    }

    @Test
    void positionIsCommittedOnlyAfterTheSinkTookTheBatch() {
        ListSource source = new ListSource(List.of("a", "b", "c", "d", "e"));
        AtomicBoolean sinkFails = new AtomicBoolean(true);
        try (EventStore store = EventStore.open(dir.resolve("s.db"))) {
            Sink flaky = new Sink() {
                @Override
                public String name() {
                    return "flaky";
                }

                @Override
                public void write(List<Event> events) {
                    if (sinkFails.getAndSet(false)) {
                        throw new IllegalStateException("disk full");
                    }
                }
            };
            StreamRunner runner = new StreamRunner(source, new EventFactory(Normalizer.withAllMappers(), "tid"),
                    List.of(store, flaky), store);

            PollOutcome failed = runner.pollOnce();
            assertThat(failed.ok()).isFalse();
            assertThat(store.load(source.id())).isEmpty();
            assertThat(runner.status().snapshot().state()).isEqualTo(StreamStatus.State.DEGRADED);
            assertThat(runner.status().snapshot().lastError()).contains("flaky").contains("disk full");

            assertThat(runner.drain(100)).isEqualTo(5);
            assertThat(store.load(source.id()).orElseThrow().number("next")).contains(5L);
            // The first batch went to the store twice (before and after the sink failure): no duplicate.
            assertThat(store.queries().versionsPerEntity("t1", "test")).hasSize(5).allSatisfy((k, v) -> assertThat(v).isEqualTo(1L));
            assertThat(store.queries().events("t1", "test", 10).get(0).ocsfJson()).contains("\"class_uid\":0");
            assertThat(runner.status().snapshot().state()).isEqualTo(StreamStatus.State.OK);
        }
    }

    @Test
    void sourceFailureLeavesThePositionAndRecordsTheError() {
        ListSource source = new ListSource(List.of("a", "b", "c"));
        try (EventStore store = EventStore.open(dir.resolve("s.db"))) {
            StreamRunner runner = new StreamRunner(source, new EventFactory(Normalizer.withAllMappers(), null),
                    List.of(store), store);
            runner.pollOnce();
            source.failNext.set(true);
            assertThat(runner.pollOnce().ok()).isFalse();
            assertThat(store.load(source.id()).orElseThrow().number("next")).contains(2L);
            assertThat(runner.drain(10)).isEqualTo(1);
            assertThat(store.queries().count("t1", "test")).isEqualTo(3);
        }
    }
}
