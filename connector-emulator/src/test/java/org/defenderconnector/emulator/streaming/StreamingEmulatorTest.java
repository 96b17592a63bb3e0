package org.defenderconnector.emulator.streaming;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobType;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming emulator writes Azurite the way the Streaming API writes a storage account. */
class StreamingEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AzuriteProcess azurite;

    @BeforeAll
    static void startAzurite() throws Exception {
        if (AzuriteProcess.findInstallation().isEmpty()) {
            throw new IllegalStateException("Azurite is needed by the streaming emulator tests; from the repository"
                    + " root run: npm install --no-save --no-audit --no-fund --prefix . azurite@3.35.0");
        }
        azurite = AzuriteProcess.start(Files.createTempDirectory("azurite"));
    }

    @AfterAll
    static void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @Test
    void hourlyAppendBlobsGrowAndEachNewBlobIsAnnouncedOnce() throws Exception {
        Instant at = Instant.parse("2025-03-04T10:15:00Z");
        String tenant = "11111111-2222-3333-4444-555555555555";
        StreamingEmulatorConfig config = StreamingEmulatorConfig.forAzurite(azurite).withQueue("layout")
                .withTenant(tenant).withEncoding(NotificationEncoding.BASE64);
        List<String> written = new ArrayList<>();
        try (StreamingEmulator emulator = StreamingEmulator.start(config, Clock.fixed(at, ZoneOffset.UTC))) {
            written.addAll(emulator.emit("DeviceNetworkEvents", 3));
            written.addAll(emulator.emit("DeviceNetworkEvents", 2));
        }
        BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
        BlobClient blob = blobs.getBlobContainerClient("insights-logs-advancedhunting-devicenetworkevents")
                .getBlobClient("tenantId=" + tenant + "/y=2025/m=03/d=04/h=10/m=00/PT1H.json");
        assertThat(blob.getProperties().getBlobType()).isEqualTo(BlobType.APPEND_BLOB);
        String content = blob.downloadContent().toString();
        assertThat(content).isEqualTo(String.join("\r\n", written) + "\r\n");

        JsonNode record = JSON.readTree(written.get(0));
        assertThat(record.get("category").asText()).isEqualTo("AdvancedHunting-DeviceNetworkEvents");
        assertThat(record.get("tenantId").asText()).isEqualTo(tenant);
        assertThat(record.get("operationName").asText()).isEqualTo("Publish");
        assertThat(record.get("Tenant").asText()).isEqualTo("DefaultTenant");
        assertThat(record.get("time").asText()).isEqualTo("2025-03-04T10:15:00.0000000Z");
        JsonNode row = record.get("properties");
        for (String column : new String[] {"Timestamp", "DeviceId", "DeviceName", "ActionType", "RemoteIP", "RemotePort",
                "LocalIP", "LocalPort", "Protocol", "InitiatingProcessFileName", "ReportId", "MachineGroup"}) {
            assertThat(row.has(column)).as(column).isTrue();
        }
        assertThat(row.get("RemotePort").isInt()).isTrue();
        assertThat(row.get("ReportId").isNumber()).isTrue();

        QueueClient queue = new QueueClientBuilder().connectionString(azurite.connectionString()).queueName("layout")
                .messageEncoding(QueueMessageEncoding.NONE).buildClient();
        List<QueueMessageItem> messages = new ArrayList<>();
        queue.receiveMessages(32).forEach(messages::add);
        assertThat(messages).hasSize(1);
        JsonNode event = JSON.readTree(new String(Base64.getDecoder().decode(messages.get(0).getBody().toString()),
                StandardCharsets.UTF_8));
        assertThat(event.get("eventType").asText()).isEqualTo("Microsoft.Storage.BlobCreated");
        assertThat(event.get("subject").asText()).isEqualTo("/blobServices/default/containers/"
                + "insights-logs-advancedhunting-devicenetworkevents/blobs/tenantId=" + tenant
                + "/y=2025/m=03/d=04/h=10/m=00/PT1H.json");
        assertThat(event.get("data").get("blobType").asText()).isEqualTo("AppendBlob");
        assertThat(event.get("metadataVersion").asText()).isEqualTo("1");
    }

    @Test
    void theSameSeedGivesTheSameRows() {
        Instant t = Instant.parse("2025-03-04T10:00:00Z");
        for (String table : DefenderRowGenerator.TABLES) {
            assertThat(new DefenderRowGenerator(7, 10).row(table, t)).isEqualTo(new DefenderRowGenerator(7, 10).row(table, t));
            assertThat(new DefenderRowGenerator(7, 10).row(table, t)).isNotEqualTo(new DefenderRowGenerator(8, 10).row(table, t));
        }
    }

    @Test
    void generatingAtARateAppendsToEveryTable() throws Exception {
        String tenant = "22222222-2222-3333-4444-555555555555";
        StreamingEmulatorConfig config = StreamingEmulatorConfig.forAzurite(azurite).withQueue("rate")
                .withTenant(tenant).withRate(300).withEncoding(NotificationEncoding.PLAIN);
        Instant at = Instant.parse("2025-03-04T11:15:00Z");
        try (StreamingEmulator emulator = StreamingEmulator.start(config, Clock.fixed(at, ZoneOffset.UTC))) {
            emulator.startGenerating();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (emulator.emitted() < 90 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(emulator.emitted()).isGreaterThanOrEqualTo(90);
        }
        BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
        for (String table : DefenderRowGenerator.TABLES) {
            String content = blobs.getBlobContainerClient(StreamingEmulator.containerOf(table))
                    .getBlobClient("tenantId=" + tenant + "/y=2025/m=03/d=04/h=11/m=00/PT1H.json").downloadContent().toString();
            assertThat(content).endsWith("\r\n");
            for (String line : content.split("\r\n")) {
                assertThat(JSON.readTree(line).get("category").asText()).isEqualTo("AdvancedHunting-" + table);
            }
        }
        QueueClient queue = new QueueClientBuilder().connectionString(azurite.connectionString()).queueName("rate")
                .messageEncoding(QueueMessageEncoding.NONE).buildClient();
        assertThat(queue.getProperties().getApproximateMessagesCount()).isEqualTo(3);
    }
}
