package org.defenderconnector.app.server;

import org.defenderconnector.app.server.support.Http;
import org.defenderconnector.app.server.support.TestServers;
import org.defenderconnector.emulator.tls.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS with a provided keystore, the plain-HTTP guard, the key file, and the serve command itself. */
class TlsAndCommandTest {
    @TempDir
    Path dir;

    @Test
    void servesHttpsWithSecureHostOnlyCookiesAndHsts() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate("defender-connector test", Duration.ofDays(2),
                SelfSignedCertificate.Purpose.TLS_SERVER, List.of("localhost"), List.of("127.0.0.1"));
        Path keystore = dir.resolve("server.p12");
        Files.write(keystore, certificate.pkcs12("server", "keystore-pass".toCharArray()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServerOptions options = TestServers.options(dir.resolve("data"), out)
                .withTls(keystore, "keystore-pass".toCharArray(), "PKCS12");
        try (ServerHandle server = TestServers.start(options)) {
            assertThat(server.consoleUrl().toString()).startsWith("https://127.0.0.1:");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("plain HTTP");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);

            Http client = Http.to(server.consoleUrl(), tls, new java.util.ArrayList<>());
            Http.Response login = client.post("/api/v1/session", Http.json().createObjectNode().put("username", "admin")
                    .put("password", server.initialAdminPassword().orElseThrow()));
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.header("Set-Cookie").orElseThrow()).startsWith("__Host-dc_session=").contains("Secure")
                    .contains("HttpOnly").contains("SameSite=Strict");
            assertThat(login.header("Strict-Transport-Security")).isPresent();
            client.csrf(login.json().get("csrfToken").asText());
            assertThat(client.get("/api/v1/session").status()).as("the __Host- cookie is sent back").isEqualTo(200);
        }
    }

    @Test
    void refusesPlainHttpOffLoopbackUnlessAllowed() {
        ServerOptions options = TestServers.options(dir.resolve("data"), new ByteArrayOutputStream()).withBind("0.0.0.0", 0);
        assertThatThrownBy(() -> Server.start(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-keystore");
    }

    @Test
    void createsAnOwnerOnlyKeyFileWhenNoKeyIsGiven() throws Exception {
        Path data = dir.resolve("data");
        ServerOptions options = TestServers.options(data, new ByteArrayOutputStream()).withEnvironment(Map.<String, String>of()::get);
        String password;
        try (ServerHandle server = TestServers.start(options)) {
            password = server.initialAdminPassword().orElseThrow();
            server.registerIntegration(org.defenderconnector.app.server.integrations.IntegrationInput.ofSecret("kept",
                    "contoso.onmicrosoft.com", "66666666-7777-8888-9999-000000000000",
                    "Kept~secret.value_1234567890abcdef", List.of("alerts")), false);
        }
        Path key = data.resolve("secret.key");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // A restart reuses the key (the secret still decrypts) and keeps the users (no new admin password).
        ServerOptions again = TestServers.options(data, new ByteArrayOutputStream()).withEnvironment(Map.<String, String>of()::get);
        try (ServerHandle server = TestServers.start(again)) {
            assertThat(server.initialAdminPassword()).isEmpty();
            Http admin = Http.to(server.consoleUrl()).login("admin", password);
            assertThat(admin.post("/api/v1/integrations/kept/test", null).json().path("credential").asText())
                    .isEqualTo("client secret");
        }
        // With another key the stored secret cannot be read, and the test says why instead of failing obscurely.
        ServerOptions otherKey = TestServers.options(data, new ByteArrayOutputStream())
                .withEnvironment(Map.of("DEFENDER_CONNECTOR_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")::get);
        try (ServerHandle server = TestServers.start(otherKey)) {
            Http admin = Http.to(server.consoleUrl()).login("admin", password);
            assertThat(admin.post("/api/v1/integrations/kept/test", null).body()).contains("DEFENDER_CONNECTOR_KEY");
        }
    }

    @Test
    void theServeCommandPrintsTheConsoleUrlServesAndStops() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        Map<String, String> env = Map.of("DEFENDER_CONNECTOR_KEY", TestServers.KEY);
        CommandLine command = new CommandLine(new ServeCommand(out, env::get, stop));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = thread.submit(() -> command.execute("--port", "0", "--data-dir",
                    dir.resolve("cli-data").toString(), "--secret-expiry-warning-days", "14"));
            Pattern url = Pattern.compile("console and API: (http://127\\.0\\.0\\.1:\\d+/)");
            Instant deadline = Instant.now().plusSeconds(30);
            Matcher matcher = url.matcher("");
            while (!(matcher = url.matcher(bytes.toString(StandardCharsets.UTF_8))).find()) {
                assertThat(Instant.now()).as("serve printed its URL: %s", bytes).isBefore(deadline);
                assertThat(exit.isDone()).as("serve is still running: %s", bytes).isFalse();
                Thread.sleep(50);
            }
            URI base = URI.create(matcher.group(1));
            assertThat(Http.to(base).get("/healthz").status()).isEqualTo(200);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("created user 'admin' with password ");
            stop.countDown();
            assertThat(exit.get()).isZero();
        } finally {
            thread.shutdownNow();
        }
        assertThat(new CommandLine(new ServeCommand()).execute("--secret-expiry-warning-days", "-1")).isNotZero();
        assertThat(new CommandLine(new ServeCommand()).getUsageMessage()).contains("--tls-keystore").contains("--data-dir");
    }
}
