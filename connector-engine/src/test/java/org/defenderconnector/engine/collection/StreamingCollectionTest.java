package org.defenderconnector.engine.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.ValidationResult;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.StoredDeadLetter;
import org.defenderconnector.store.StoredEvent;
import org.defenderconnector.streaming.testing.AzuriteExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Collector running a tenant's streaming-storage stream against a real Azurite, fed by the streaming emulator. */
class StreamingCollectionTest {
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DNE = "DeviceNetworkEvents";

    @TempDir
    Path dir;

    private String queue;
    private String tenantId;
    private StreamingEmulator emulator;
    private final StreamId stream = new StreamId("contoso", ConnectorConfig.STREAMING_STORAGE);

    @BeforeEach
    void setUp() {
        queue = "collect-" + UUID.randomUUID().toString().substring(0, 8);
        tenantId = UUID.randomUUID().toString();
        emulator = StreamingEmulator.start(StreamingEmulatorConfig.forAzurite(AZURITE.azurite()).withQueue(queue)
                .withTenant(tenantId).withSeed(tenantId.hashCode()));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    /** A configuration as a user writes it: the connection string in an owner-only file, referenced. */
    private ConnectorConfig config(String streams, String extra) throws Exception {
        Path connection = dir.resolve("storage-connection-string.txt");
        Files.deleteIfExists(connection);
        Files.createFile(connection, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(connection, AZURITE.azurite().connectionString() + "\n");
        Files.writeString(dir.resolve("app-secret.txt"), "not-used-by-the-storage-stream\n");
        Path yaml = dir.resolve("connector.yaml");
        Files.writeString(yaml, """
                store: {path: data/connector.db}
                tenants:
                  - name: contoso
                    tenantId: %s
                    clientId: 66666666-7777-8888-9999-000000000000
                    clientSecret: ${file:app-secret.txt}
                    streams: [%s]
                    storage:
                      connectionString: ${file:storage-connection-string.txt}
                      queue: %s
                %s""".formatted(tenantId, streams, queue, extra));
        return ConfigLoader.load(yaml);
    }

    @Test
    void collectOnceStoresStreamedRecordsNormalizedAndKeepsUnreadableLinesAsDeadLetters() throws Exception {
        Instant now = Instant.now();
        List<String> first = emulator.emit(DNE, 40);
        long offset = 0;
        for (String line : first) {
            offset += line.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        String blob = emulator.appendLines(DNE, now, List.of("{this is not json", "{\"time\":\"2025-01-01T00:00:00Z\"}"));
        List<String> second = emulator.emit(DNE, 20);

        try (Collector collector = Collector.open(config(ConnectorConfig.STREAMING_STORAGE, ""))) {
            assertThat(collector.engineThreads()).isEqualTo(2 + 1);
            Map<String, StreamStatus.Snapshot> result = collector.collectOnce(1_000);

            StreamStatus.Snapshot snapshot = result.get(stream.toString());
            assertThat(snapshot.state()).isEqualTo(StreamStatus.State.OK);
            assertThat(snapshot.records()).isEqualTo(first.size() + second.size());

            EventStore store = collector.store();
            List<StoredEvent> events = store.queries().events("contoso", ConnectorConfig.STREAMING_STORAGE, 1_000);
            assertThat(events).hasSize(60).allSatisfy(e -> assertThat(e.kind()).isEqualTo(DNE));
            OcsfValidator validator = OcsfValidator.standard();
            for (StoredEvent event : events) {
                assertThat(event.ocsfJson()).as("OCSF of %s", event.naturalId()).isNotNull();
                ValidationResult validation = validator.validate(event.ocsfJson());
                assertThat(validation.isValid()).as("%s: %s", event.naturalId(), validation).isTrue();
                assertThat(JSON.readTree(event.ocsfJson()).path("metadata").path("tenant_uid").asText()).isEqualTo(tenantId);
            }

            List<StoredDeadLetter> letters = store.deadLetters(stream, 10);
            assertThat(letters).hasSize(2);
            assertThat(letters).allSatisfy(l -> assertThat(l.location()).isEqualTo(blob));
            assertThat(letters.get(0).offset()).isEqualTo(offset);
            assertThat(letters.get(0).payload()).isEqualTo("{this is not json");
            assertThat(letters.get(1).offset()).isEqualTo(offset + "{this is not json".length() + 2);
            assertThat(letters.get(1).error()).contains("properties");
        }
    }

    @Test
    void theEngineRunsTheStreamContinuouslyAndCloseStopsIt() throws Exception {
        emulator.emit(DNE, 10);
        Collector collector = Collector.open(config(ConnectorConfig.STREAMING_STORAGE, ""));
        try {
            collector.start();
            awaitStored(collector.store(), 10);
            // Appended while the collector runs: the open blob is tailed, no new queue message is needed.
            emulator.emit(DNE, 15);
            awaitStored(collector.store(), 25);
        } finally {
            collector.close();
        }
        try (EventStore reopened = EventStore.open(dir.resolve("data/connector.db"))) {
            assertThat(reopened.queries().count("contoso", ConnectorConfig.STREAMING_STORAGE)).isEqualTo(25);
            assertThat(reopened.load(stream)).isPresent();
            assertThat(reopened.health()).singleElement().satisfies(h -> assertThat(h.records()).isEqualTo(25));
        }
    }

    @Test
    void eachContinuousSourceGetsAnEngineThreadAndAnUnresolvableNamespaceFailsItsStreamNotTheCollector() throws Exception {
        String hubs = """
                    eventHubs:
                      connectionString: ${file:hubs-connection-string.txt}
                      hub: defender-all
                      consumerGroup: defender-connector
                """;
        // The Kafka client refuses to start when the namespace's name does not resolve (.invalid never does).
        Files.writeString(dir.resolve("hubs-connection-string.txt"),
                "Endpoint=sb://contoso-streaming.invalid/;SharedAccessKeyName=listen;SharedAccessKey=k\n");
        emulator.emit(DNE, 5);
        try (Collector collector = Collector.open(config(ConnectorConfig.STREAMING_STORAGE + ", "
                + ConnectorConfig.STREAMING_EVENT_HUBS, hubs))) {
            assertThat(collector.engineThreads()).isEqualTo(2 + 2);
            TenantCollection tenant = collector.tenants().get(0);
            assertThat(tenant.streams()).filteredOn(tenant::isContinuous).extracting(StreamId::stream)
                    .containsExactly(ConnectorConfig.STREAMING_STORAGE, ConnectorConfig.STREAMING_EVENT_HUBS);

            Map<String, StreamStatus.Snapshot> result = collector.collectOnce(1_000);
            assertThat(result.get(stream.toString()).records()).isEqualTo(5);
            StreamStatus.Snapshot hubsStatus = result.get("contoso/" + ConnectorConfig.STREAMING_EVENT_HUBS);
            assertThat(hubsStatus.state()).isEqualTo(StreamStatus.State.DEGRADED);
            assertThat(hubsStatus.lastError()).contains("could not open the source").contains("bootstrap");
            assertThat(hubsStatus.fix()).contains("contoso-streaming.invalid:9093");
            assertThat(hubsStatus.lastError()).doesNotContain("SharedAccessKey=k");
        }
    }

    private static void awaitStored(EventStore store, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (store.queries().count("contoso", ConnectorConfig.STREAMING_STORAGE) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(store.queries().count("contoso", ConnectorConfig.STREAMING_STORAGE)).isEqualTo(count);
    }
}
