package org.defenderconnector.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.app.server.support.EmulatorFixture;
import org.defenderconnector.app.server.support.Http;
import org.defenderconnector.app.server.support.LogCapture;
import org.defenderconnector.app.server.support.TestServers;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.ValidationResult;
import org.defenderconnector.streaming.StreamedRecordParser;
import org.defenderconnector.streaming.testing.AzuriteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server collecting the Streaming API end to end: an integration created over the REST API with a
 * storage connection string pointing at Azurite, activated, fed by the streaming emulator (hourly
 * PT1H.json append blobs announced by BlobCreated queue messages, as Defender and Event Grid do). The
 * records arrive through {@code /api/v1/events} with OCSF and raw, the stream turns OK, and deactivation
 * stops it with its position committed: what is appended meanwhile arrives, once, after reactivation.
 */
class StreamingApiCollectionTest {
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();
    private static final String TABLE = "DeviceNetworkEvents";
    private static final String STREAM = ConnectorConfig.STREAMING_STORAGE;
    private static final String NAME = "streamer";

    @TempDir
    Path dir;

    @Test
    void anIntegrationReadingAzuriteCollectsStreamedRecordsUntilDeactivated() throws Exception {
        String queue = "server-" + UUID.randomUUID().toString().substring(0, 8);
        String connectionString = AZURITE.azurite().connectionString();
        try (Emulator emulator = EmulatorFixture.start(null);
             StreamingEmulator streaming = StreamingEmulator.start(StreamingEmulatorConfig.forAzurite(AZURITE.azurite())
                     .withQueue(queue).withTenant(DemoCredentials.TENANT_ID));
             LogCapture logs = new LogCapture();
             ServerHandle server = TestServers.start(TestServers.options(dir, new ByteArrayOutputStream()))) {
            Http admin = Http.to(server.consoleUrl()).login("admin", server.initialAdminPassword().orElseThrow());
            ObjectNode body = EmulatorFixture.integration(emulator, NAME, DemoCredentials.SECRET_VALUE, "alerts")
                    .put("storageQueue", queue).put("storageConnectionString", connectionString);
            Http.Response created = admin.post("/api/v1/integrations", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().path("streaming").path("storageConnectionString").asText()).isEqualTo("set");
            assertThat(created.json().path("streaming").path("storageAccount").textValue()).isNull();
            assertThat(created.body()).doesNotContain(AzuriteProcess.ACCOUNT_KEY).doesNotContain(connectionString);

            // Only admins change integrations, and so only admins point one at another storage endpoint.
            String viewerPassword = "viewer-password-5678";
            assertThat(admin.post("/api/v1/users", Http.json().createObjectNode().put("username", "vic")
                    .put("password", viewerPassword).put("role", "viewer")).status()).isEqualTo(201);
            Http viewer = Http.to(server.consoleUrl()).login("vic", viewerPassword);
            assertThat(viewer.put("/api/v1/integrations/" + NAME, Http.json().createObjectNode()
                    .put("storageConnectionString", "UseDevelopmentStorage=true")).status()).isEqualTo(403);
            assertThat(viewer.get("/api/v1/integrations/" + NAME).body()).doesNotContain(AzuriteProcess.ACCOUNT_KEY);

            streaming.emit(TABLE, 40);
            assertThat(admin.post("/api/v1/integrations/" + NAME + "/activate", null).status()).isEqualTo(200);
            JsonNode status = awaitStatus(admin, s -> state(s, STREAM).equals("OK") && stored(s) >= 40);
            assertThat(stream(status, STREAM).path("lastError").textValue()).as(status.toString()).isNull();
            // Appended to the open hourly blob while collecting: tailed, no new queue message needed.
            streaming.emit(TABLE, 15);
            awaitStatus(admin, s -> stored(s) >= 55);

            List<JsonNode> events = events(admin);
            assertThat(events).hasSize(55).allSatisfy(e -> {
                assertThat(e.path("tenant").asText()).isEqualTo(NAME);
                assertThat(e.path("stream").asText()).isEqualTo(STREAM);
                assertThat(e.path("kind").asText()).isEqualTo(TABLE);
            });
            OcsfValidator validator = OcsfValidator.standard();
            for (JsonNode summary : List.of(events.get(0), events.get(events.size() - 1))) {
                JsonNode event = admin.get("/api/v1/events/" + summary.path("uid").asText()).json();
                ValidationResult validation = validator.validate(event.path("ocsf"));
                assertThat(validation.isValid()).as("%s: %s", summary, validation).isTrue();
                assertThat(event.path("ocsf").path("metadata").path("tenant_uid").asText()).isEqualTo(DemoCredentials.TENANT_ID);
                // Raw: the advanced hunting row (the record's properties), with the envelope kept beside it.
                JsonNode raw = event.path("raw");
                assertThat(raw.path("DeviceId").asText()).isNotBlank();
                assertThat(raw.path(StreamedRecordParser.ENVELOPE_KEY).path("category").asText())
                        .isEqualTo(StreamedRecordParser.CATEGORY_PREFIX + TABLE);
            }

            JsonNode stopped = admin.post("/api/v1/integrations/" + NAME + "/deactivate", null).json();
            assertThat(stopped.path("state").asText()).isEqualTo("INACTIVE");
            JsonNode inactive = admin.get("/api/v1/integrations/" + NAME + "/status").json();
            assertThat(inactive.path("active").asBoolean()).isFalse();
            assertThat(inactive.path("state").asText()).isEqualTo("INACTIVE");
            assertThat(inactive.path("streams").findValuesAsText("state")).containsOnly("INACTIVE");
            assertThat(events(admin)).hasSize(55);
            assertThat(logs.text()).contains("integration " + NAME + " deactivated")
                    .doesNotContain("ERROR ").doesNotContain(connectionString);

            // Written while the integration is off: read once it is on again, from the committed position.
            streaming.emit(TABLE, 10);
            assertThat(admin.post("/api/v1/integrations/" + NAME + "/activate", null).status()).isEqualTo(200);
            awaitStatus(admin, s -> state(s, STREAM).equals("OK") && stored(s) >= 65);
            assertThat(events(admin)).hasSize(65);
            assertThat(admin.post("/api/v1/integrations/" + NAME + "/deactivate", null).json().path("state").asText())
                    .isEqualTo("INACTIVE");
        }
    }

    /** Every event of the integration's streaming-storage stream, following the pages' cursors. */
    private static List<JsonNode> events(Http admin) {
        List<JsonNode> all = new ArrayList<>();
        String next = null;
        do {
            String path = "/api/v1/events?tenant=" + NAME + "&stream=" + STREAM + "&limit=20"
                    + (next == null ? "" : "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            JsonNode page = admin.get(path).json();
            page.path("events").forEach(all::add);
            next = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asText();
        } while (next != null);
        return all;
    }

    private static long stored(JsonNode status) {
        return stream(status, STREAM).path("stored").asLong();
    }

    private static String state(JsonNode status, String stream) {
        return stream(status, stream).path("state").asText();
    }

    private static JsonNode stream(JsonNode status, String name) {
        for (JsonNode s : status.path("streams")) {
            if (s.path("stream").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no stream " + name + " in " + status);
    }

    private static JsonNode awaitStatus(Http admin, Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = admin.get("/api/v1/integrations/" + NAME + "/status").json();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached in 60 s: " + last);
            }
            Thread.sleep(200);
            last = admin.get("/api/v1/integrations/" + NAME + "/status").json();
        }
        return last;
    }
}
