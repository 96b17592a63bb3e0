package org.defenderconnector.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.app.server.support.EmulatorFixture;
import org.defenderconnector.app.server.support.Http;
import org.defenderconnector.app.server.support.TestServers;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activation with the real REST collection sources against the emulator: streams run in the server's
 * engine (advanced hunting tables among them), report the rate budget, and a refused secret shows up as a failing stream with its fix.
 */
class EmulatorCollectionTest {
    @TempDir
    Path dir;

    @Test
    void activatedIntegrationsCollectAndReportTheirBudgetAndFailuresWithFixes() throws Exception {
        try (Emulator emulator = EmulatorFixture.start(null);
             ServerHandle server = TestServers.start(TestServers.options(dir, new ByteArrayOutputStream()).withTester(null))) {
            Http admin = Http.to(server.consoleUrl()).login("admin", server.initialAdminPassword().orElseThrow());
            ObjectNode good = EmulatorFixture.integration(emulator, "emu", DemoCredentials.SECRET_VALUE, "alerts", "scores",
                    "machines", "xdr-incidents", "hunting:DeviceProcessEvents");
            assertThat(admin.post("/api/v1/integrations", good).status()).isEqualTo(201);
            assertThat(admin.post("/api/v1/integrations/emu/activate", null).status()).isEqualTo(200);
            JsonNode status = await(admin, "emu", s -> state(s, "scores").equals("OK") && state(s, "alerts").equals("OK")
                    && state(s, "machines").equals("OK") && state(s, "xdr-incidents").equals("OK")
                    && state(s, "hunting:DeviceProcessEvents").equals("OK")
                    && stream(s, "hunting:DeviceProcessEvents").path("stored").asLong() > 0);
            assertThat(stream(status, "scores").path("stored").asLong()).isPositive();
            assertThat(stream(status, "hunting:DeviceProcessEvents").path("records").asLong()).isPositive();
            assertThat(status.path("budget").findValuesAsText("family")).contains("MDE API");
            assertThat(status.path("budget").get(0).path("perMinute").asInt()).isPositive();
            String metrics = admin.get("/metrics").body();
            assertThat(metrics).contains("defender_connector_rate_budget_used_ratio{integration=\"emu\",family=\"MDE API\"}");

            ObjectNode bad = EmulatorFixture.integration(emulator, "emu-bad", "Not~the.right-secret_0123456789abc", "alerts",
                    "hunting");
            assertThat(admin.post("/api/v1/integrations", bad).status()).isEqualTo(201);
            assertThat(admin.post("/api/v1/integrations/emu-bad/activate", null).status()).isEqualTo(200);
            JsonNode failing = await(admin, "emu-bad", s -> state(s, "alerts").equals("FAILING"));
            assertThat(stream(failing, "alerts").path("lastError").asText()).contains("AADSTS7000215");
            assertThat(stream(failing, "alerts").path("fix").asText()).isNotBlank();
            // 'hunting' runs as one engine stream per standard table.
            assertThat(failing.path("streams").findValuesAsText("stream")).contains("hunting:DeviceProcessEvents",
                    "hunting:AlertInfo", "hunting:IdentityLogonEvents").doesNotContain("hunting");

            assertThat(admin.post("/api/v1/integrations/emu/deactivate", null).json().path("state").asText()).isEqualTo("INACTIVE");
            assertThat(admin.get("/metrics").body()).contains("defender_connector_integration_active{integration=\"emu\"} 0");
        }
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

    private static JsonNode await(Http admin, String name, Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = admin.get("/api/v1/integrations/" + name + "/status").json();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached in 30 s: " + last);
            }
            Thread.sleep(200);
            last = admin.get("/api/v1/integrations/" + name + "/status").json();
        }
        return last;
    }
}
