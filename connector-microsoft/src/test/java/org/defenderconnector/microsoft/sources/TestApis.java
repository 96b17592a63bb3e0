package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.HttpSettings;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.http.RetryPolicy;
import org.defenderconnector.microsoft.testserver.SimulatedTime;
import org.defenderconnector.microsoft.testserver.TestCertificate;
import org.defenderconnector.microsoft.testserver.TestHttpsServer;
import org.defenderconnector.microsoft.testserver.TestToken;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Wiring shared by the source tests: a RestSources against the test server, on simulated time. */
final class TestApis {
    private TestApis() {
    }

    static RestSources.Builder sources(TestHttpsServer server, SimulatedTime time) {
        TestToken token = new TestToken();
        return RestSources.builder("contoso")
                .endpoints(URI.create(server.baseUrl()))
                .tokens(new ApiTokens(token, token, token))
                .budget(new RateBudget("contoso", Map.of(), Duration.ofHours(2), time, time))
                .sslContext(TestCertificate.shared().clientContext())
                .httpSettings(HttpSettings.DEFAULT.withRetry(new RetryPolicy(3, Duration.ofMillis(100),
                        Duration.ofSeconds(1), 2, Duration.ofSeconds(10))))
                .clock(time)
                .pause(time);
    }

    static String sample(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("defender.shared.dir"), "reference", "samples", name));
    }
}
