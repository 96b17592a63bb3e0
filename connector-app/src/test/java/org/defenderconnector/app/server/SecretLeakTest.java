package org.defenderconnector.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.app.server.integrations.OnboardingCheck;
import org.defenderconnector.app.server.support.EmulatorFixture;
import org.defenderconnector.app.server.support.Http;
import org.defenderconnector.app.server.support.LogCapture;
import org.defenderconnector.app.server.support.TestServers;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client secret (and the other secrets) never appear in clear: not in the store files' bytes, not in
 * any API response, not in the logs. The secrets go through everything that touches them: create,
 * the real credential check against the emulator (right and wrong secret), edit, activation,
 * status, audit, metrics and export.
 */
class SecretLeakTest {
    private static final String SECRET = "Lk9~unique.client-secret_ForLeakTest_7f3a1c";
    private static final String WRONG_SECRET = "Wr0ng~another.secret_value-ForLeakTest_88b";
    private static final String STORAGE_KEY = "c3RvcmFnZS1rZXktRm9yTGVha1Rlc3Q=unique";
    private static final String HUB_CONNECTION = "Endpoint=sb://ns.example/;SharedAccessKey=HubKeyForLeakTest123";
    private static final String STORAGE_CONNECTION = "DefaultEndpointsProtocol=https;AccountName=leaky;"
            + "AccountKey=U3RvcmFnZUNvbm5lY3Rpb25Gb3JMZWFrVGVzdA==;EndpointSuffix=core.windows.net";
    private static final String ADMIN_PASSWORD = "admin-password-for-leak-test";

    @TempDir
    Path dataDir;

    @Test
    void noSecretInStoreFilesResponsesOrLogs() throws Exception {
        List<String> responses = new ArrayList<>();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        byte[] pkcs12 = DemoCredentials.get().pkcs12();
        String keyBody = DemoCredentials.get().privateKeyPem().lines().filter(l -> !l.startsWith("-----")).skip(2)
                .findFirst().orElseThrow();
        String logs;
        try (LogCapture capture = new LogCapture(); Emulator emulator = EmulatorFixture.start(SECRET)) {
            ServerOptions options = TestServers.options(dataDir, stdout).withTester(new OnboardingCheck())
                    .withEnvironment(name -> switch (name) {
                        case "DEFENDER_CONNECTOR_KEY" -> TestServers.KEY;
                        case "DEFENDER_CONNECTOR_ADMIN_PASSWORD" -> ADMIN_PASSWORD;
                        default -> null;
                    });
            try (ServerHandle server = TestServers.start(options)) {
                Http admin = Http.to(server.consoleUrl(), null, responses).login("admin", ADMIN_PASSWORD);

                ObjectNode body = EmulatorFixture.integration(emulator, "leaky", SECRET, "alerts", "machines");
                body.put("storageAccount", "acct").put("storageQueue", "queue").put("storageKey", STORAGE_KEY);
                assertThat(admin.post("/api/v1/integrations", body).status()).isEqualTo(201);

                JsonNode passed = admin.post("/api/v1/integrations/leaky/test", null).json();
                assertThat(passed.path("ok").asBoolean()).as(passed.toString()).isTrue();
                ObjectNode wrong = Http.json().createObjectNode().put("clientSecret", WRONG_SECRET);
                JsonNode failed = admin.post("/api/v1/integrations/leaky/test", wrong).json();
                assertThat(failed.path("ok").asBoolean()).isFalse();
                assertThat(failed.toString()).contains("AADSTS7000215");

                ObjectNode connected = Http.json().createObjectNode().put("storageAccount", "").put("storageKey", "")
                        .put("storageConnectionString", STORAGE_CONNECTION);
                assertThat(admin.put("/api/v1/integrations/leaky", connected).status()).isEqualTo(200);
                admin.get("/api/v1/integrations/leaky");
                ObjectNode hub = Http.json().createObjectNode().put("storageQueue", "").put("storageConnectionString", "")
                        .put("eventHubNamespace", "ns").put("eventHubName", "hub")
                        .put("eventHubConnectionString", HUB_CONNECTION);
                assertThat(admin.put("/api/v1/integrations/leaky", hub).status()).isEqualTo(200);
                assertThat(admin.post("/api/v1/integrations/leaky/activate", null).status()).isEqualTo(200);
                admin.get("/api/v1/integrations/leaky/status");
                admin.get("/api/v1/integrations");
                admin.get("/api/v1/integrations/leaky");

                ObjectNode certificate = EmulatorFixture.integration(emulator, "leaky-cert", null, "alerts")
                        .put("authMethod", "certificate").put("certificate", Base64.getEncoder().encodeToString(pkcs12))
                        .put("certificatePassword", DemoCredentials.PKCS12_PASSWORD);
                assertThat(admin.post("/api/v1/integrations", certificate).status()).isEqualTo(201);
                JsonNode certTest = admin.post("/api/v1/integrations/leaky-cert/test", null).json();
                assertThat(certTest.path("ok").asBoolean()).as(certTest.toString()).isTrue();
                ObjectNode pem = Http.json().createObjectNode().put("certificate",
                        DemoCredentials.get().certificatePem() + DemoCredentials.get().privateKeyPem()).put("certificatePassword", "");
                assertThat(admin.put("/api/v1/integrations/leaky-cert", pem).status()).isEqualTo(200);

                admin.get("/api/v1/audit?limit=500");
                Http.to(server.consoleUrl(), null, responses).bearer(
                        admin.post("/api/v1/tokens", Http.json().createObjectNode().put("name", "m")).json().path("token").asText())
                        .get("/metrics");
                admin.get("/api/v1/events/export");
                assertThat(admin.post("/api/v1/integrations/leaky/deactivate", null).status()).isEqualTo(200);
                assertThat(admin.delete("/api/v1/integrations/leaky-cert").status()).isEqualTo(200 + 4);
            }
            logs = capture.text();
            assertThat(capture.size()).as("the capture saw the server's logging").isPositive();
        }

        List<String> secrets = List.of(SECRET, WRONG_SECRET, STORAGE_KEY, HUB_CONNECTION, STORAGE_CONNECTION,
                "U3RvcmFnZUNvbm5lY3Rpb25Gb3JMZWFrVGVzdA==", DemoCredentials.PKCS12_PASSWORD, keyBody, ADMIN_PASSWORD);
        String allResponses = String.join("\n", responses);
        assertThat(allResponses).contains("\"clientSecret\":\"set\"").contains("\"storageConnectionString\":\"set\"");
        for (String secret : secrets) {
            assertThat(allResponses).as("responses").doesNotContain(secret);
            assertThat(logs).as("logs").doesNotContain(secret);
            assertThat(stdout.toString(StandardCharsets.UTF_8)).as("stdout").doesNotContain(secret);
        }

        // Every byte of every file the server wrote: databases, WAL and shared-memory files, CA files, the key file.
        byte[] files = allBytes(dataDir);
        assertThat(files.length).isGreaterThan(10_000);
        String asText = new String(files, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            assertThat(asText).as("data directory bytes").doesNotContain(secret);
        }
        String pkcs12Sample = new String(java.util.Arrays.copyOfRange(pkcs12, 40, 104), StandardCharsets.ISO_8859_1);
        assertThat(asText).as("PKCS#12 upload bytes").doesNotContain(pkcs12Sample);
        assertThat(HexFormat.of().formatHex(files)).as("hex").doesNotContain(HexFormat.of().formatHex(
                SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] allBytes(Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.write(Files.readAllBytes(file));
            }
        }
        return out.toByteArray();
    }
}
