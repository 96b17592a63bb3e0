package org.defenderconnector.store;

import org.defenderconnector.api.Event;
import org.defenderconnector.api.EventUid;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreTest {
    @TempDir
    Path dir;

    private static Event event(String id, String version, Instant time) {
        return new Event(EventUid.of("t1", "alerts", id, version), "t1", "alerts", "mde-alert", id, time,
                "{\"id\":\"" + id + "\",\"v\":\"" + version + "\"}",
                "{\"class_uid\":2004,\"severity_id\":3,\"metadata\":{}}");
    }

    @Test
    void aUidAlreadyHeldIsIgnoredSoReplayedBatchesDoNotDuplicate() {
        try (EventStore store = EventStore.open(dir.resolve("s.db"))) {
            Instant now = Instant.now();
            assertThat(store.writeCounting(List.of(event("a", "1", now), event("b", "1", now)))).isEqualTo(2);
            assertThat(store.writeCounting(List.of(event("a", "1", now), event("b", "1", now)))).isZero();
            assertThat(store.writeCounting(List.of(event("a", "2", now.plusSeconds(5))))).isEqualTo(1);

            assertThat(store.queries().countByStream("t1")).containsEntry("alerts", 3L);
            assertThat(store.queries().countLatestByStream("t1")).containsEntry("alerts", 2L);
            assertThat(store.queries().versionsPerEntity("t1", "alerts")).containsEntry("a", 2L).containsEntry("b", 1L);
            assertThat(store.queries().countByOcsfClass(null)).containsEntry("2004", 3L);
        }
    }

    @Test
    void positionsAndHealthSurviveReopening() {
        StreamId id = new StreamId("t1", "alerts");
        Path file = dir.resolve("s.db");
        try (EventStore store = EventStore.open(file)) {
            assertThat(store.load(id)).isEmpty();
            store.commit(id, Position.of(Map.of("watermark", "2024-01-01T00:00:00Z", "page", 3)));
            store.saveHealth(new StreamHealth(id, StreamHealth.State.DEGRADED, 42, Instant.ofEpochMilli(5000),
                    "HTTP 503", "wait"));
            store.recordSkippedWindow(new SkippedWindow(id, Instant.EPOCH, Instant.ofEpochSecond(60), "HTTP 500"));
        }
        try (EventStore store = EventStore.open(file)) {
            Position position = store.load(id).orElseThrow();
            assertThat(position.string("watermark")).contains("2024-01-01T00:00:00Z");
            assertThat(position.number("page")).contains(3L);
            assertThat(store.health()).singleElement().satisfies(h -> {
                assertThat(h.state()).isEqualTo(StreamHealth.State.DEGRADED);
                assertThat(h.records()).isEqualTo(42);
                assertThat(h.fix()).isEqualTo("wait");
            });
            assertThat(store.skippedWindows()).singleElement()
                    .satisfies(w -> assertThat(w.end()).isEqualTo(Instant.ofEpochSecond(60)));
        }
    }

    @Test
    void retentionDeletesOnlyEventsOlderThanTheAge() {
        try (EventStore store = EventStore.open(dir.resolve("s.db"))) {
            Instant now = Instant.now();
            store.write(List.of(event("old", "1", now.minus(Duration.ofDays(40))), event("new", "1", now)));
            assertThat(store.applyRetention(Duration.ofDays(30))).isEqualTo(1);
            assertThat(store.queries().versionsPerEntity("t1", "alerts")).containsOnlyKeys("new");
        }
    }
}
