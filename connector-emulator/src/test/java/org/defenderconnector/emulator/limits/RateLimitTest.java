package org.defenderconnector.emulator.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.MTP;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_APP;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_SECRET_1;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.time.Duration;
import java.util.Map;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Call quotas per application per tenant per API: 429 with Retry-After, sliding minute and hour windows. */
class RateLimitTest {

    private static DataEmulator emu;

    @BeforeAll
    static void start() {
        emu = DataEmulator.start(new DataSettings(1L, 5, 2, 1, 1, true, 3, 10, 5, 2, 3, 2, 1),
                config -> config.withLimits(new RateLimitSettings(true, Map.of(
                        "mde", new RateLimitSettings.Limit(5, 8),
                        "xdrIncidents", new RateLimitSettings.Limit(3, null),
                        "graphSecurity", new RateLimitSettings.Limit(4, null),
                        "hunting", new RateLimitSettings.Limit(2, 1_500)))));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void freshWindows() {
        emu.clock.advance(Duration.ofHours(2));
        emu.emulator.admin().limits().reset();
    }

    @Test
    void theCallAfterThePerMinuteLimitIs429WithRetryAfterInTheMdeShape() {
        for (int i = 0; i < 5; i++) {
            assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(200);
            emu.clock.advance(Duration.ofSeconds(2));
        }
        EmulatorClient.Response refused = emu.get(WDATP, "/api/machines");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").get("code").asText()).isEqualTo("TooManyRequests");
        assertThat(refused.json().get("error").get("message").asText()).contains("5 calls per minute")
                .contains("Try again in 50 seconds");
        assertThat(refused.json().get("error").get("target").asText()).isNotBlank();
        // Five calls 2 s apart, the sixth 10 s after the first: the first leaves the minute window in 50 s.
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("50");
    }

    @Test
    void waitingRetryAfterIsEnoughAndRefusedCallsAreNotCounted() {
        for (int i = 0; i < 5; i++) {
            emu.get(WDATP, "/api/alerts");
        }
        EmulatorClient.Response refused = emu.get(WDATP, "/api/alerts");
        assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(429);

        emu.clock.advance(Duration.ofSeconds(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())));

        assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(200);
    }

    @Test
    void theHourlyLimitHoldsAcrossMinutes() {
        for (int i = 0; i < 8; i++) {
            assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(200);
            emu.clock.advance(Duration.ofSeconds(61));
        }
        EmulatorClient.Response refused = emu.get(WDATP, "/api/alerts");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").get("message").asText()).contains("8 calls per hour");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isEqualTo(3600 - 8 * 61);
    }

    @Test
    void quotasArePerApplicationAndPerApi() {
        for (int i = 0; i < 5; i++) {
            emu.get(WDATP, "/api/alerts");
        }
        assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(429);

        String otherApp = emu.client.accessToken(CONTOSO, ROTATING_APP, ROTATING_SECRET_1, WDATP);
        assertThat(emu.client.get("/api/alerts", otherApp).status()).isEqualTo(200);
        assertThat(emu.get(MTP, "/api/incidents").status()).isEqualTo(200);
        assertThat(emu.get(GRAPH, "/v1.0/security/alerts_v2").status()).isEqualTo(200);
    }

    @Test
    void graphAndXdrAnswer429InTheirShapes() {
        for (int i = 0; i < 4; i++) {
            assertThat(emu.get(GRAPH, "/v1.0/security/incidents").status()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(emu.get(MTP, "/api/incidents").status()).isEqualTo(200);
        }
        EmulatorClient.Response graph = emu.get(GRAPH, "/v1.0/security/alerts_v2");
        EmulatorClient.Response xdr = emu.get(MTP, "/api/incidents");

        assertThat(graph.status()).isEqualTo(429);
        assertThat(graph.json().get("error").get("code").asText()).isEqualTo("TooManyRequests");
        assertThat(graph.json().get("error").has("innerError")).isTrue();
        assertThat(graph.headers().firstValue("Retry-After")).isPresent();
        assertThat(xdr.status()).isEqualTo(429);
        assertThat(xdr.json().get("error").get("message").asText()).contains("Try again in");
    }

    @Test
    void huntingHasItsOwnQuota() {
        for (int i = 0; i < 2; i++) {
            assertThat(emu.client.postJson("/v1.0/security/runHuntingQuery", emu.token(GRAPH),
                    "{\"Query\":\"DeviceInfo | take 1\"}").status()).isEqualTo(200);
        }
        EmulatorClient.Response refused = emu.client.postJson("/v1.0/security/runHuntingQuery", emu.token(GRAPH),
                "{\"Query\":\"DeviceInfo | take 1\"}");

        emu.emulator.admin().grantPermission(CONTOSO, ROTATING_APP, "Microsoft Graph", "ThreatHunting.Read.All");
        String otherApp = emu.client.accessToken(CONTOSO, ROTATING_APP, ROTATING_SECRET_1, GRAPH);
        EmulatorClient.Response otherAppRefused = emu.client.postJson("/v1.0/security/runHuntingQuery", otherApp,
                "{\"Query\":\"DeviceInfo | take 1\"}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.json().get("error").get("message").asText()).contains("per tenant");
        // Hunting quotas are per tenant: another application of the tenant has used them up too.
        assertThat(otherAppRefused.status()).isEqualTo(429);
        assertThat(emu.get(GRAPH, "/v1.0/security/incidents").status()).isEqualTo(200);
    }

    @Test
    void limitsChangeAtRunTime() {
        RateLimits limits = emu.emulator.admin().limits();
        try {
            limits.set(LimitBucket.MDE, 1, null);
            assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(200);
            assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(429);

            limits.setEnabled(false);
            assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(200);
        } finally {
            limits.setEnabled(true);
            limits.set(LimitBucket.MDE, 5, 8);
        }
    }
}
