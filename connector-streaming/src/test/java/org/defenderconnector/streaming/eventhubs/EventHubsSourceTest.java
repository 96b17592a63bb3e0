package org.defenderconnector.streaming.eventhubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.defenderconnector.streaming.DeadLetter;
import org.defenderconnector.streaming.InMemoryDeadLetters;
import org.defenderconnector.streaming.testing.AzuriteExtension;
import org.defenderconnector.streaming.testing.KafkaBrokerExtension;
import org.defenderconnector.streaming.testing.Pipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Event Hubs source against a real in-process Kafka broker, through the real StreamRunner and EventStore. */
class EventHubsSourceTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DPE = "DeviceProcessEvents";

    @TempDir
    Path dir;

    private final StreamId streamId = new StreamId("contoso", "streaming-eventhubs");
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
    private final List<EventHubsSource> opened = new ArrayList<>();
    private String topic;
    private String group;
    private StreamingEmulator emulator;

    @BeforeEach
    void setUp() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topic = "insights-logs-advancedhunting-deviceprocessevents-" + suffix;
        group = "defender-connector-" + suffix;
        KAFKA.createTopic(topic, 2);
        AzuriteProcess azurite = AZURITE.azurite();
        emulator = StreamingEmulator.start(StreamingEmulatorConfig.forAzurite(azurite).withQueue("eh-" + suffix)
                .withKafka(KAFKA.bootstrapServers(), 25).withSeed(suffix.hashCode()));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
        opened.forEach(EventHubsSource::close);
    }

    private EventHubsSource source() {
        // A consumer that stops polling leaves the group after 3 s, so a "crashed" one does not block the next.
        EventHubsConfig config = new EventHubsConfig(streamId, KAFKA.bootstrapServers(), List.of(topic), null, group,
                new KafkaSecurity.Plaintext(), 2, Duration.ofMillis(200), "earliest", true,
                Map.of("max.poll.interval.ms", "3000", "session.timeout.ms", "6000", "heartbeat.interval.ms", "1000"));
        EventHubsSource source = EventHubsSource.open(config, deadLetters);
        opened.add(source);
        return source;
    }

    private static Set<String> naturalIds(List<Event> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.naturalId()));
        return ids;
    }

    private static Set<String> naturalIdsOf(List<String> records) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String record : records) {
            JsonNode p = JSON.readTree(record).get("properties");
            ids.add(DPE + ":" + p.get("ReportId").asText() + ":" + p.get("DeviceId").asText() + ":"
                    + p.get("Timestamp").asText());
        }
        return ids;
    }

    @Test
    void batchesAreCollectedExactlyOnceAcrossACrashAndRestart() throws Exception {
        List<String> published = new ArrayList<>(emulator.publish(topic, DPE, 500));
        try (Pipeline pipeline = new Pipeline(dir.resolve("store.db"))) {
            pipeline.attach(source());
            pipeline.pollUntil(100, 100);
            int before = pipeline.sink.events().size();
            assertThat(before).isBetween(100, 499);
            Position committed = pipeline.store.load(streamId).orElseThrow();
            assertThat(committed.values().keySet()).allMatch(k -> k.startsWith("kafka:" + topic + ":"));

            // Crash: the first source is dropped without close (its consumer simply stops polling).
            published.addAll(emulator.publish(topic, DPE, 100));
            pipeline.attach(source());
            pipeline.pollUntil(600, 400);

            List<Event> events = pipeline.sink.events();
            assertThat(events).hasSize(600);
            assertThat(naturalIds(events)).hasSize(600).isEqualTo(naturalIdsOf(published));
            assertThat(pipeline.store.queries().count("contoso", "streaming-eventhubs")).isEqualTo(600);
            assertThat(events.get(0).kind()).isEqualTo(DPE);
        }
    }

    @Test
    void aBatchTheSinksRefusedIsReadAgainAndDeliveredOnce() throws Exception {
        List<String> published = emulator.publish(topic, DPE, 200);
        try (Pipeline pipeline = new Pipeline(dir.resolve("store.db"))) {
            pipeline.attach(source());
            pipeline.pollUntil(1, 100);
            pipeline.sink.failNext.set(true);
            int failures = 0;
            for (int i = 0; i < 400 && pipeline.sink.events().size() < 200; i++) {
                if (!pipeline.pollOnceAllowingFailure().ok()) {
                    failures++;
                }
            }
            assertThat(failures).isEqualTo(1);
            assertThat(pipeline.sink.events()).hasSize(200);
            assertThat(naturalIds(pipeline.sink.events())).isEqualTo(naturalIdsOf(published));
        }
    }

    @Test
    void aRestartWithoutAPositionStartsFromTheConsumerGroupsOffsets() throws Exception {
        emulator.publish(topic, DPE, 100);
        try (Pipeline pipeline = new Pipeline(dir.resolve("first.db"))) {
            EventHubsSource first = source();
            pipeline.attach(first);
            pipeline.pollUntil(100, 200);
            pipeline.pollOnce(); // hands the committed position back: its offsets go to the group
            first.close();
            opened.remove(first);
        }
        List<String> later = emulator.publish(topic, DPE, 30);
        try (Pipeline fresh = new Pipeline(dir.resolve("second.db"))) {
            fresh.attach(source());
            fresh.pollUntil(30, 200);
            for (int i = 0; i < 5; i++) {
                fresh.pollOnce();
            }
            assertThat(naturalIds(fresh.sink.events())).isEqualTo(naturalIdsOf(later));
        }
    }

    @Test
    void malformedMessagesAndRecordsAreDeadLetteredAndTheRestIsRead() throws Exception {
        List<String> good = emulator.records(DPE, 2, java.time.Instant.parse("2025-03-04T10:00:00Z"));
        emulator.publishRaw(topic, "this is not json");
        emulator.publishRaw(topic, "{\"records\":[" + good.get(0) + ",{\"category\":\"AdvancedHunting-X\"},42,"
                + good.get(1) + "]}");
        try (Pipeline pipeline = new Pipeline(dir.resolve("store.db"))) {
            pipeline.attach(source());
            pipeline.pollUntil(2, 100);
            for (int i = 0; i < 3; i++) {
                pipeline.pollOnce();
            }
            assertThat(naturalIds(pipeline.sink.events())).isEqualTo(naturalIdsOf(good));
            List<DeadLetter> letters = deadLetters.letters();
            assertThat(letters).hasSize(3);
            assertThat(letters).allMatch(l -> l.location().startsWith(topic + "/"));
            assertThat(letters).extracting(DeadLetter::error).anyMatch(e -> e.contains("not valid JSON"))
                    .anyMatch(e -> e.startsWith("record #1") && e.contains("properties"))
                    .anyMatch(e -> e.startsWith("record #2") && e.contains("not a JSON object"));
        }
    }
}
