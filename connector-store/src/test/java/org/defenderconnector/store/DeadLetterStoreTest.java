package org.defenderconnector.store;

import org.defenderconnector.api.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterStoreTest {
    private static final StreamId STORAGE = new StreamId("contoso", "streaming-storage");
    private static final StreamId HUBS = new StreamId("contoso", "streaming-eventhubs");
    private static final String BLOB = "insights-logs-advancedhunting-devicenetworkevents/tenantId=t/y=2025/m=03/d=04/h=10/m=00/PT1H.json";

    @TempDir
    Path dir;

    @Test
    void aLetterIsKeptWithItsBlobOffsetErrorAndLineOnceEvenWhenReportedTwice() {
        Instant at = Instant.parse("2025-03-04T10:15:00Z");
        try (EventStore store = EventStore.open(dir.resolve("s.db"))) {
            store.recordDeadLetter(STORAGE, BLOB, 4_711, "not a JSON object", "{broken", at);
            store.recordDeadLetter(STORAGE, BLOB, 4_711, "not a JSON object", "{broken", at.plusSeconds(1));
            store.recordDeadLetter(STORAGE, BLOB, 9_000, "no properties object", "{\"time\":1}", at.plusSeconds(2));
            store.recordDeadLetter(HUBS, "hub/0", 12, "record #1: no properties object", "{}", at);

            List<StoredDeadLetter> letters = store.deadLetters(STORAGE, 10);
            assertThat(letters).hasSize(2);
            StoredDeadLetter first = letters.get(0);
            assertThat(first.stream()).isEqualTo(STORAGE);
            assertThat(first.location()).isEqualTo(BLOB);
            assertThat(first.offset()).isEqualTo(4_711);
            assertThat(first.error()).isEqualTo("not a JSON object");
            assertThat(first.payload()).isEqualTo("{broken");
            assertThat(first.truncated()).isFalse();
            assertThat(first.at()).isEqualTo(at);
            assertThat(letters.get(1).offset()).isEqualTo(9_000);
            assertThat(store.deadLetters(HUBS, 10)).extracting(StoredDeadLetter::location).containsExactly("hub/0");
        }
    }

    @Test
    void aHugeLineIsCutButItsLengthIsKept() {
        String line = "x".repeat(EventStore.DEAD_LETTER_PAYLOAD_MAX - 1) + "\uD83D\uDE00" + "y".repeat(1_000);
        try (EventStore store = EventStore.open(dir.resolve("s.db"))) {
            store.recordDeadLetter(STORAGE, BLOB, 0, "not valid JSON", line, Instant.now());
            StoredDeadLetter letter = store.deadLetters(STORAGE, 1).get(0);
            assertThat(letter.truncated()).isTrue();
            assertThat(letter.payloadLength()).isEqualTo(line.length());
            // The emoji's surrogate pair straddles the limit: it is dropped whole, not split.
            assertThat(letter.payload()).hasSize(EventStore.DEAD_LETTER_PAYLOAD_MAX - 1).isEqualTo(line.substring(0,
                    EventStore.DEAD_LETTER_PAYLOAD_MAX - 1));
        }
    }

    @Test
    void retentionDeletesOldLettersOnly() {
        Instant now = Instant.parse("2025-03-10T00:00:00Z");
        try (EventStore store = EventStore.open(dir.resolve("s.db"), Clock.fixed(now, ZoneOffset.UTC))) {
            store.recordDeadLetter(STORAGE, BLOB, 1, "old", "a", now.minus(Duration.ofDays(40)));
            store.recordDeadLetter(STORAGE, BLOB, 2, "new", "b", now.minus(Duration.ofDays(1)));
            assertThat(store.applyDeadLetterRetention(Duration.ofDays(30))).isEqualTo(1);
            assertThat(store.deadLetters(STORAGE, 10)).extracting(StoredDeadLetter::error).containsExactly("new");
        }
    }
}
