package org.defenderconnector.streaming.storage;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.defenderconnector.emulator.streaming.NotificationEncoding;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.defenderconnector.streaming.DeadLetter;
import org.defenderconnector.streaming.InMemoryDeadLetters;
import org.defenderconnector.streaming.testing.AzuriteExtension;
import org.defenderconnector.streaming.testing.MutableClock;
import org.defenderconnector.streaming.testing.Pipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage source against a real Azurite, through the real StreamRunner and EventStore. */
class StorageStreamingSourceTest {
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DNE = "DeviceNetworkEvents";

    @TempDir
    Path dir;

    private final StreamId streamId = new StreamId("contoso", "streaming-storage");
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
    private String queueName;
    private String tenantId;
    private MutableClock clock;
    private Pipeline pipeline;
    private QueueClient queue;

    @BeforeEach
    void setUp(TestInfo test) {
        queueName = "q-" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "").substring(0, 20) + "-" + UUID.randomUUID().toString().substring(0, 8);
        tenantId = UUID.randomUUID().toString();
        clock = new MutableClock(Instant.parse("2025-03-04T10:05:00Z"));
        pipeline = new Pipeline(dir.resolve("store.db"));
        queue = new QueueClientBuilder().connectionString(AZURITE.azurite().connectionString()).queueName(queueName)
                .messageEncoding(QueueMessageEncoding.NONE).buildClient();
    }

    @AfterEach
    void tearDown() {
        pipeline.close();
    }

    private StreamingEmulator emulator(NotificationEncoding encoding) {
        return StreamingEmulator.start(StreamingEmulatorConfig.forAzurite(AZURITE.azurite()).withQueue(queueName)
                .withTenant(tenantId).withEncoding(encoding).withSeed(tenantId.hashCode()), clock);
    }

    private StorageStreamingConfig config() {
        return StorageStreamingConfig.defaults(streamId,
                        StorageAccount.ofConnectionString(AZURITE.azurite().connectionString()), queueName)
                .withIdleWait(Duration.ZERO).withVisibilityTimeout(Duration.ofSeconds(2));
    }

    private StorageStreamingSource source(StorageStreamingConfig config) {
        return StorageStreamingSource.open(config, deadLetters, clock);
    }

    private int messagesInQueue() {
        return queue.getProperties().getApproximateMessagesCount();
    }

    private static Set<String> naturalIds(List<Event> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.naturalId()));
        return ids;
    }

    private static Set<String> naturalIdsOfLines(List<String> lines) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode p = JSON.readTree(line).get("properties");
            ids.add(DNE + ":" + p.get("ReportId").asText() + ":" + p.get("DeviceId").asText() + ":"
                    + p.get("Timestamp").asText());
        }
        return ids;
    }

    private Position committed() {
        return pipeline.store.load(streamId).orElse(Position.START);
    }

    @Test
    void linesAppendedAfterTheNotificationAreCollectedAndTheMessageGoesOnlyAfterTheBlobCloses() throws Exception {
        try (StreamingEmulator emulator = emulator(NotificationEncoding.BASE64)) {
            List<String> written = new ArrayList<>(emulator.emit(DNE, 100));
            String blobKey = StreamingEmulator.containerOf(DNE) + "/" + emulator.blobPath(clock.instant());
            pipeline.attach(source(config()));

            pipeline.pollUntil(100, 10);
            assertThat(pipeline.sink.events()).hasSize(100);
            assertThat(messagesInQueue()).as("held while the blob is open").isEqualTo(1);

            // Defender keeps appending during the hour; no new notification comes.
            clock.set(Instant.parse("2025-03-04T10:40:00Z"));
            written.addAll(emulator.emit(DNE, 50));
            pipeline.pollUntil(150, 10);
            assertThat(pipeline.sink.events()).hasSize(150);

            // The hour is over but the grace period is not: still open, still held.
            clock.set(Instant.parse("2025-03-04T11:05:00Z"));
            List<String> late = emulator.records(DNE, 5, Instant.parse("2025-03-04T10:59:59Z"));
            emulator.appendLines(DNE, Instant.parse("2025-03-04T10:59:59Z"), late);
            written.addAll(late);
            pipeline.pollOnce();
            pipeline.pollOnce();
            assertThat(committed().values()).containsKey("blob:" + blobKey);
            assertThat(messagesInQueue()).isEqualTo(1);

            clock.set(Instant.parse("2025-03-04T11:10:01Z"));
            pipeline.pollOnce();
            assertThat(committed().values()).doesNotContainKey("blob:" + blobKey).containsKey("closed:" + blobKey);
            assertThat(messagesInQueue()).as("deleted only after the close is committed").isEqualTo(1);
            pipeline.pollOnce();
            assertThat(messagesInQueue()).isZero();

            List<Event> events = pipeline.sink.events();
            assertThat(events).hasSize(155);
            assertThat(naturalIds(events)).hasSize(155).containsAll(naturalIdsOfLines(written));
            assertThat(pipeline.store.queries().count("contoso", "streaming-storage")).isEqualTo(155);
            assertThat(events.get(0).kind()).isEqualTo(DNE);
            assertThat(events.get(0).ocsfJson()).isNotNull();
            assertThat(deadLetters.letters()).isEmpty();
        }
    }

    @Test
    void aRestartMidBlobResumesFromTheCommittedOffsetWithNoLossAndNoDuplicates() throws Exception {
        try (StreamingEmulator emulator = emulator(NotificationEncoding.PLAIN)) {
            List<String> written = new ArrayList<>(emulator.emit(DNE, 1500));
            StorageStreamingConfig small = config().withMaxBatchBytes(256 * 1024);
            pipeline.attach(source(small));
            for (int i = 0; i < 3; i++) {
                pipeline.pollOnce();
            }
            int beforeCrash = pipeline.sink.events().size();
            assertThat(beforeCrash).isBetween(1, 1499);
            long committedOffset = ((Number) committed().values().values().iterator().next()).longValue();
            assertThat(committedOffset).isPositive();

            // SIGKILL: the source is dropped without close; its held message is never deleted nor renewed.
            written.addAll(emulator.emit(DNE, 300));
            pipeline.attach(source(small));
            pipeline.pollUntil(1800, 50);

            List<Event> events = pipeline.sink.events();
            assertThat(events).hasSize(1800);
            assertThat(naturalIds(events)).hasSize(1800).isEqualTo(naturalIdsOfLines(written));

            // The hour ends: the new instance closes the blob, and deletes the message once it sees it again.
            clock.set(Instant.parse("2025-03-04T11:11:00Z"));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (messagesInQueue() > 0 && System.nanoTime() < deadline) {
                pipeline.pollOnce();
                Thread.sleep(200);
            }
            assertThat(messagesInQueue()).isZero();
            assertThat(pipeline.sink.events()).hasSize(1800);
        }
    }

    @Test
    void aBatchTheSinksRefusedIsReadAgainAndStoredOnce() throws Exception {
        try (StreamingEmulator emulator = emulator(NotificationEncoding.BASE64)) {
            emulator.emit(DNE, 40);
            StorageStreamingSource source = source(config());
            pipeline.attach(source);
            pipeline.sink.failNext.set(true);
            assertThat(pipeline.pollOnceAllowingFailure().ok()).isFalse();
            pipeline.pollUntil(40, 5);
            assertThat(pipeline.sink.events()).hasSize(40);
            assertThat(naturalIds(pipeline.sink.events())).hasSize(40);
            assertThat(pipeline.store.queries().count("contoso", "streaming-storage")).isEqualTo(40);

            // Caught up: the stored position (read back with other number types) is handed back as it is,
            // so the runner commits nothing and the source may idle.
            Position stored = committed();
            assertThat(source.poll(stored).next()).isSameAs(stored);
        }
    }

    @Test
    void malformedLinesAreDeadLetteredWithBlobAndOffsetAndPartialLinesWait() throws Exception {
        try (StreamingEmulator emulator = emulator(NotificationEncoding.BASE64)) {
            Instant at = clock.instant();
            List<String> good = emulator.records(DNE, 3, at);
            String blobKey = emulator.appendLines(DNE, at, List.of(good.get(0), "{\"category\":\"AdvancedHunting-Devi",
                    good.get(1)));
            pipeline.attach(source(config()));
            pipeline.pollOnce();
            assertThat(pipeline.sink.events()).hasSize(2);
            assertThat(deadLetters.letters()).hasSize(1);
            DeadLetter letter = deadLetters.letters().get(0);
            assertThat(letter.location()).isEqualTo(blobKey);
            assertThat(letter.offset()).isEqualTo(good.get(0).getBytes(StandardCharsets.UTF_8).length + 2);
            assertThat(letter.payload()).isEqualTo("{\"category\":\"AdvancedHunting-Devi");
            assertThat(letter.error()).contains("not valid JSON");

            // Half a line: Defender is still writing it. It must wait, then be read once, whole.
            byte[] third = (good.get(2) + "\r\n").getBytes(StandardCharsets.UTF_8);
            int half = third.length / 2;
            emulator.appendBytes(DNE, at, java.util.Arrays.copyOfRange(third, 0, half));
            pipeline.pollOnce();
            assertThat(pipeline.sink.events()).hasSize(2);
            emulator.appendBytes(DNE, at, java.util.Arrays.copyOfRange(third, half, third.length));
            pipeline.pollOnce();
            assertThat(pipeline.sink.events()).hasSize(3);
            assertThat(naturalIds(pipeline.sink.events())).isEqualTo(naturalIdsOfLines(good));
            assertThat(deadLetters.letters()).hasSize(1);
        }
    }

    @Test
    void anUnterminatedLastLineIsTakenOnceTheHourIsOver() throws Exception {
        try (StreamingEmulator emulator = emulator(NotificationEncoding.BASE64)) {
            Instant at = clock.instant();
            List<String> good = emulator.records(DNE, 2, at);
            emulator.appendLines(DNE, at, List.of(good.get(0)));
            emulator.appendBytes(DNE, at, good.get(1).getBytes(StandardCharsets.UTF_8));
            pipeline.attach(source(config()));
            pipeline.pollOnce();
            assertThat(pipeline.sink.events()).hasSize(1);
            clock.set(Instant.parse("2025-03-04T11:10:00Z"));
            pipeline.pollOnce();
            assertThat(naturalIds(pipeline.sink.events())).isEqualTo(naturalIdsOfLines(good));
        }
    }

    @Test
    void foreignMessagesAreDeletedAndOnlyDefenderContainersAreRead() throws Exception {
        queue.createIfNotExists();
        queue.sendMessage("{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"subject\":"
                + "\"/blobServices/default/containers/backups/blobs/db.bak\"}");
        queue.sendMessage("not an event at all");
        try (StreamingEmulator emulator = emulator(NotificationEncoding.PLAIN)) {
            emulator.emit("DeviceProcessEvents", 10);
            emulator.emit("DeviceFileEvents", 10);
            pipeline.attach(source(config()));
            pipeline.pollUntil(20, 5);
            assertThat(pipeline.sink.events()).extracting(Event::kind)
                    .containsOnly("DeviceProcessEvents", "DeviceFileEvents").hasSize(20);
            assertThat(messagesInQueue()).as("the two Defender messages stay held, the others are gone").isEqualTo(2);
        }
    }

    @Test
    void startUpListingPicksUpBlobsThatHaveNoMessage() throws Exception {
        // A day no other test writes to, since listing sees every tenant's blobs of the recent hours.
        clock.set(Instant.parse("2024-06-01T09:30:00Z"));
        try (StreamingEmulator emulator = emulator(NotificationEncoding.BASE64)) {
            List<String> written = emulator.emit(DNE, 25);
            queue.clearMessages();
            pipeline.attach(source(config().withListOnStart(true, Duration.ofHours(2))));
            pipeline.pollUntil(25, 5);
            assertThat(naturalIds(pipeline.sink.events())).isEqualTo(naturalIdsOfLines(written));
        }
    }

    @Test
    void accountKeyAndSasReadTheSameBlobsAsAConnectionString() throws Exception {
        try (StreamingEmulator emulator = emulator(NotificationEncoding.BASE64)) {
            List<String> written = emulator.emit(DNE, 12);
            java.net.URI blob = java.net.URI.create(AZURITE.azurite().blobEndpoint());
            java.net.URI queueEndpoint = java.net.URI.create(AZURITE.azurite().queueEndpoint());
            StorageAuth key = new StorageAuth.SharedKey(AzuriteProcess.ACCOUNT, AzuriteProcess.ACCOUNT_KEY);
            pipeline.attach(source(withAccount(new StorageAccount(blob, queueEndpoint, key))));
            pipeline.pollUntil(12, 5);
            assertThat(naturalIds(pipeline.sink.events())).isEqualTo(naturalIdsOfLines(written));

            String sas = new com.azure.storage.blob.BlobServiceClientBuilder()
                    .connectionString(AZURITE.azurite().connectionString()).buildClient()
                    .generateAccountSas(new com.azure.storage.common.sas.AccountSasSignatureValues(
                            java.time.OffsetDateTime.now().plusHours(1),
                            com.azure.storage.common.sas.AccountSasPermission.parse("rlup"),
                            new com.azure.storage.common.sas.AccountSasService().setBlobAccess(true).setQueueAccess(true),
                            new com.azure.storage.common.sas.AccountSasResourceType().setService(true)
                                    .setContainer(true).setObject(true)));
            try (Pipeline second = new Pipeline(dir.resolve("sas.db"))) {
                second.attach(StorageStreamingSource.open(withAccount(new StorageAccount(blob, queueEndpoint,
                        new StorageAuth.Sas("?" + sas))).withListOnStart(true, Duration.ofHours(1)), deadLetters, clock));
                second.pollUntil(12, 5);
                assertThat(naturalIds(second.sink.events())).containsAll(naturalIdsOfLines(written));
            }
        }
    }

    @Test
    void noAuthVariantShowsItsSecret() {
        assertThat(new StorageAuth.SharedKey("acct", "c2VjcmV0").toString()).doesNotContain("c2VjcmV0");
        assertThat(new StorageAuth.Sas("?sv=2025&sig=c2VjcmV0").toString()).doesNotContain("c2VjcmV0");
        assertThat(StorageAccount.ofConnectionString("AccountName=a;AccountKey=c2VjcmV0").toString())
                .doesNotContain("c2VjcmV0");
        assertThat(config().toString()).doesNotContain(AzuriteProcess.ACCOUNT_KEY);
    }

    @Test
    void aBlobThatCannotBeFoundIsRetriedDuringItsHourAndDroppedAfter() throws Exception {
        queue.createIfNotExists();
        String path = "tenantId=" + tenantId + "/y=2025/m=03/d=04/h=10/m=00/PT1H.json";
        String container = "insights-logs-advancedhunting-devicelogonevents";
        // CloudEvents 1.0 schema this time.
        queue.sendMessage("[{\"source\":\"/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/z\","
                + "\"subject\":\"/blobServices/default/containers/" + container + "/blobs/" + path + "\","
                + "\"type\":\"Microsoft.Storage.BlobCreated\",\"specversion\":\"1.0\",\"data\":{}}]");
        pipeline.attach(source(config()));
        pipeline.pollOnce();
        pipeline.pollOnce();
        assertThat(committed().values()).containsKey("blob:" + container + "/" + path);
        assertThat(messagesInQueue()).isEqualTo(1);

        clock.set(Instant.parse("2025-03-04T11:10:00Z"));
        pipeline.pollOnce();
        assertThat(committed().values()).containsKey("closed:" + container + "/" + path);
        pipeline.pollOnce();
        assertThat(messagesInQueue()).isZero();
        assertThat(pipeline.sink.events()).isEmpty();
    }

    private StorageStreamingConfig withAccount(StorageAccount account) {
        return StorageStreamingConfig.defaults(streamId, account, queueName).withIdleWait(Duration.ZERO)
                .withVisibilityTimeout(Duration.ofSeconds(2));
    }
}
