package org.defenderconnector.microsoft.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.defenderconnector.microsoft.testserver.RecordingPause;
import org.defenderconnector.microsoft.testserver.TestCertificate;
import org.defenderconnector.microsoft.testserver.TestHttpsServer;
import org.defenderconnector.microsoft.testserver.TestToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiClientTest {
    static final String PAGE = "{\"@odata.context\":\"x\",\"value\":[{\"id\":\"a1\"}]}";
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    TestHttpsServer server;
    RecordingPause pause = new RecordingPause();
    TestToken token = new TestToken();
    ApiClient client;
    ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestHttpsServer();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RateBudget budget = new RateBudget("t1", Map.of(), Duration.ofSeconds(60), clock, pause);
        client = new ApiClient(TestCertificate.shared().clientContext(),
                HttpSettings.DEFAULT.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(400)),
                budget, pause, clock);
        logs.start();
        ((Logger) LoggerFactory.getLogger(ApiClient.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(ApiClient.class)).detachAppender(logs);
        client.close();
        server.close();
    }

    ApiRequest request(String path) {
        return new ApiRequest(URI.create(server.baseUrl() + path), ApiFamily.MDE_REST, token,
                RequiredPermission.mde("Alert.Read.All", "Alert.ReadWrite.All"));
    }

    String body(ApiRequest request) throws ApiException {
        return client.get(request, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Answers the scripted statuses in order, then 200 with the page. */
    void script(String path, int... statuses) {
        AtomicInteger n = new AtomicInteger();
        server.route(path, ex -> {
            int i = n.getAndIncrement();
            if (i < statuses.length) {
                ex.respond(statuses[i], "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom " + i
                        + "\",\"target\":\"corr-" + i + "\"}}");
            } else {
                ex.respond(200, PAGE);
            }
        });
    }

    @Test
    void retryAfterInSecondsIsWaitedOutBeforeTheRetry() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.route("/api/alerts", ex -> {
            if (n.getAndIncrement() == 0) {
                ex.respond(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\",\"target\":\"t\"}}",
                        Map.of("Retry-After", "7"));
            } else {
                ex.respond(200, PAGE);
            }
        });
        assertThat(body(request("/api/alerts"))).isEqualTo(PAGE);
        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(7));
        assertThat(server.requests("/api/alerts")).hasSize(2);
        // Other streams of the tenant hold off too: the budget's next permit is 7 s away.
        assertThat(client.budget().usage().get(ApiFamily.MDE_REST).callsLastMinute()).isEqualTo(2);
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(12).atZone(ZoneOffset.UTC));
        AtomicInteger n = new AtomicInteger();
        server.route("/api/alerts", ex -> {
            if (n.getAndIncrement() == 0) {
                ex.respond(429, "", Map.of("Retry-After", date));
            } else {
                ex.respond(200, PAGE);
            }
        });
        assertThat(body(request("/api/alerts"))).isEqualTo(PAGE);
        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void throttlingWithoutRetryAfterBacksOffWithJitter() throws Exception {
        script("/api/alerts", 429, 429);
        assertThat(body(request("/api/alerts"))).isEqualTo(PAGE);
        assertThat(pause.pauses()).hasSize(2);
        assertThat(pause.pauses().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(pause.pauses().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsGoesUpAsRetryable() {
        server.route("/api/alerts", ex -> ex.respond(429, "", Map.of("Retry-After", "3600")));
        assertThatThrownBy(() -> body(request("/api/alerts")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ApiException.Kind.THROTTLED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("3600 s");
                });
        assertThat(pause.pauses()).isEmpty();
    }

    @Test
    void aBurstOf5xxIsRetriedWithBackoff() throws Exception {
        script("/api/alerts", 503, 500, 502);
        assertThat(body(request("/api/alerts"))).isEqualTo(PAGE);
        assertThat(server.requests("/api/alerts")).hasSize(4);
        assertThat(pause.pauses()).hasSize(3);
    }

    @Test
    void persistent5xxIsReportedAsRetryableAfterBoundedAttempts() {
        script("/api/alerts", 500, 500, 500, 500, 500, 500, 500);
        assertThatThrownBy(() -> body(request("/api/alerts")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ApiException.Kind.SERVER_ERROR);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.isQueryFault()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 500").contains("4 times");
                });
        assertThat(server.requests("/api/alerts")).hasSize(RetryPolicy.DEFAULT.maxAttempts());
        // The correlation id of each failure is logged for Microsoft support.
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("corr-3"));
    }

    @Test
    void a401IsRetriedOnceWithAFreshToken() throws Exception {
        server.route("/api/alerts", ex -> {
            if (!("Bearer " + token.current()).equals(ex.header("Authorization")) || token.invalidations() == 0) {
                ex.respond(401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"expired\",\"target\":\"x\"}}");
            } else {
                ex.respond(200, PAGE);
            }
        });
        assertThat(body(request("/api/alerts"))).isEqualTo(PAGE);
        assertThat(token.invalidations()).isEqualTo(1);
        assertThat(server.authorizations()).containsExactly("Bearer secret-token-1", "Bearer secret-token-2");
    }

    @Test
    void aSecond401IsNotRetryableAndNamesTheAudience() {
        server.route("/api/alerts", ex -> ex.respond(401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":"
                + "\"The audience is not accepted; expected https://api.securitycenter.microsoft.com\",\"target\":\"x\"}}"));
        assertThatThrownBy(() -> body(request("/api/alerts")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("audience is not accepted").doesNotContain("secret-token");
                    assertThat(e.fix()).contains("https://api.securitycenter.microsoft.com/.default");
                });
        assertThat(server.requests("/api/alerts")).hasSize(2);
    }

    @Test
    void a403CarriesTheApiMessageAndTheFixWithPermissionAndPortalPath() {
        String message = "The application does not have any of the required application permissions "
                + "(Alert.ReadWrite.All, Alert.Read.All) to access the resource.";
        server.route("/api/alerts", ex -> ex.respond(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"" + message
                + "\",\"target\":\"8d1c1a3e-0000-4000-8000-000000000001\"}}"));
        assertThatThrownBy(() -> body(request("/api/alerts")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ApiException.Kind.FORBIDDEN);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.fix()).contains("Alert.Read.All").contains("WindowsDefenderATP")
                            .contains("API permissions").contains("Grant admin consent");
                });
        assertThat(server.requests("/api/alerts")).hasSize(1);
        assertThat(token.invalidations()).isEqualTo(1);
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("8d1c1a3e-0000-4000-8000-000000000001"));
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("secret-token"));
    }

    @Test
    void aTruncatedBodyIsFetchedAgain() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.route("/api/alerts", ex -> {
            if (n.getAndIncrement() == 0) {
                ex.respondTruncated(PAGE, 20);
            } else {
                ex.respond(200, PAGE);
            }
        });
        String page = client.get(request("/api/alerts"), in -> {
            try (ODataPageReader reader = new ODataPageReader(in, java.util.Set.of("id"))) {
                JsonRecord r = reader.next();
                assertThat(reader.next()).isNull();
                return r.field("id");
            }
        });
        assertThat(page).isEqualTo("a1");
        assertThat(server.requests("/api/alerts")).hasSize(2);
    }

    @Test
    void aStalledBodyIsCutByTheWatchdogAndFetchedAgain() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.route("/api/alerts", ex -> {
            if (n.getAndIncrement() == 0) {
                OutputStream out = ex.streamBody(200);
                out.write("{\"value\":[{\"id\":\"a1\"},".getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                ex.respond(200, PAGE);
            }
        });
        assertThat(body(request("/api/alerts"))).isEqualTo(PAGE);
        assertThat(server.requests("/api/alerts")).hasSize(2);
    }
}
