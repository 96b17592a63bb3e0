package org.defenderconnector.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.defenderconnector.emulator.support.TestDirectory.FABRIKAM;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.MTP;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.limits.RateLimitSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every fault kind, targeted by path and tenant, from the Java admin API. */
class FaultInjectionTest {

    private static final Instant T = Instant.parse("2025-03-04T06:30:00Z");
    private static DataEmulator emu;

    @BeforeAll
    static void start() {
        emu = DataEmulator.start(new DataSettings(2L, 8, 6, 2, 2, true, 5, 20, 8, 4, 4, 6, 5),
                config -> config.withLimits(new RateLimitSettings(false, null)));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void clear() {
        emu.emulator.admin().faults().clear();
        emu.forgetTokens();
    }

    private static Faults faults() {
        return emu.emulator.admin().faults();
    }

    @Test
    void serverErrorsHitTheTargetedPathOnlyAndThenStop() {
        String id = faults().add(FaultRule.serverErrors(503, 2, "/api/alerts"));

        EmulatorClient.Response first = emu.get(WDATP, "/api/alerts");
        EmulatorClient.Response second = emu.get(WDATP, "/api/alerts?$top=5");
        EmulatorClient.Response machines = emu.get(WDATP, "/api/machines");
        EmulatorClient.Response third = emu.get(WDATP, "/api/alerts");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("error").get("code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(first.json().get("error").get("target").asText()).isNotBlank();
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(second.status()).isEqualTo(503);
        assertThat(machines.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(200);
        assertThat(faults().injected(id)).isEqualTo(2);
    }

    @Test
    void anErrorRateFailsSomeRequestsReproduciblyInTheFamilyShape() {
        String id = faults().add(FaultRule.serverErrorRate(0.5, 500, 42, "/v1.0/security/alerts_v2"));
        int failed = 0;
        JsonNode body = null;
        for (int i = 0; i < 30; i++) {
            EmulatorClient.Response response = emu.get(GRAPH, "/v1.0/security/alerts_v2?$top=1");
            if (response.status() == 500) {
                failed++;
                body = response.json();
            } else {
                assertThat(response.status()).isEqualTo(200);
            }
        }

        assertThat(failed).isBetween(5, 25);
        assertThat(faults().injected(id)).isEqualTo(failed);
        assertThat(body.get("error").get("code").asText()).isEqualTo("generalException");
        assertThat(body.get("error").get("innerError").get("request-id").asText()).isNotBlank();
    }

    @Test
    void aThrottleStormIsConsecutive429sWithRetryAfter() {
        faults().add(FaultRule.throttleStorm(3, 7, "/api/incidents"));

        for (int i = 0; i < 3; i++) {
            EmulatorClient.Response response = emu.get(MTP, "/api/incidents");
            assertThat(response.status()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(response.json().get("error").get("code").asText()).isEqualTo("TooManyRequests");
        }
        assertThat(emu.get(MTP, "/api/incidents").status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysButServes() {
        String id = faults().add(FaultRule.latency(200, 1, "/api/machines"));

        EmulatorClient.Response response = emu.get(WDATP, "/api/machines");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("value")).isNotEmpty();
        assertThat(faults().injected(id)).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyDropsTheConnectionMidJson() {
        faults().add(FaultRule.truncate(120, 1, "/api/alerts"));
        String token = emu.token(WDATP);

        assertThatThrownBy(() -> emu.client.get("/api/alerts", token)).isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(java.io.IOException.class);
        assertThat(emu.client.get("/api/alerts", token).status()).isEqualTo(200);
    }

    @Test
    void aTruncatedStreamedExportDropsTheConnectionToo() {
        faults().add(FaultRule.truncate(5_000, 1, "/api/machines/SoftwareVulnerabilitiesByMachine"));
        String token = emu.token(WDATP);

        assertThatThrownBy(() -> emu.client.get("/api/machines/SoftwareVulnerabilitiesByMachine", token))
                .isInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(java.io.IOException.class);
        assertThat(emu.client.get("/api/machines/SoftwareVulnerabilitiesByMachine", token).status()).isEqualTo(200);
    }

    @Test
    void tokensIssuedBeforeAnExpiryAre401MidPagingAndANewTokenWorks() {
        String token = emu.token(WDATP);
        EmulatorClient.Response page = emu.client.get("/api/alerts?$top=5", token);
        String next = page.json().get("@odata.nextLink").asText().substring(emu.emulator.baseUrl().length());

        faults().expireTokensNow();
        EmulatorClient.Response refused = emu.client.get(next, token);
        emu.forgetTokens();
        EmulatorClient.Response retried = emu.get(WDATP, next);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").get("code").asText()).isEqualTo("Unauthorized");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(retried.status()).isEqualTo(200);
    }

    @Test
    void expiryAfterNRequestsIsConfigurable() {
        faults().add(FaultRule.expireTokensAfter(2, "/v1.0/security/incidents"));
        String token = emu.token(GRAPH);

        assertThat(emu.client.get("/v1.0/security/incidents?$top=2", token).status()).isEqualTo(200);
        assertThat(emu.client.get("/v1.0/security/incidents?$top=2&$skip=2", token).status()).isEqualTo(200);
        EmulatorClient.Response third = emu.client.get("/v1.0/security/incidents?$top=2&$skip=4", token);
        emu.forgetTokens();

        assertThat(third.status()).isEqualTo(401);
        assertThat(third.json().get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(emu.get(GRAPH, "/v1.0/security/incidents?$top=2&$skip=4").status()).isEqualTo(200);
    }

    @Test
    void everyWindowContainingTheTimeFailsAndOthersPass() {
        faults().add(FaultRule.failWindowsContaining(T, "/api/alerts", "/api/machines/SoftwareVulnerability",
                "/v1.0/security/runHuntingQuery"));

        assertThat(alerts("lastUpdateTime ge 2025-03-04T06:00:00Z and lastUpdateTime lt 2025-03-04T07:00:00Z"))
                .isEqualTo(500);
        assertThat(alerts("lastUpdateTime ge 2025-03-03T00:00:00Z")).isEqualTo(500);
        assertThat(alerts("lastUpdateTime ge 2025-03-04T06:30:00.0000001Z")).isEqualTo(200);
        assertThat(alerts("lastUpdateTime ge 2025-03-04T06:00:00Z and lastUpdateTime lt 2025-03-04T06:30:00Z"))
                .isEqualTo(200);
        assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(200);
        assertThat(emu.get(WDATP, "/api/machines/SoftwareVulnerabilityChangesByMachine?sinceTime=2025-03-04T00:00:00Z")
                .status()).isEqualTo(500);
        assertThat(emu.get(WDATP, "/api/machines/SoftwareVulnerabilityChangesByMachine?sinceTime=2025-03-04T07:00:00Z")
                .status()).isEqualTo(200);
        assertThat(hunting("DeviceInfo | where Timestamp >= datetime(2025-03-04T06:00:00Z) and Timestamp < "
                + "datetime(2025-03-04T07:00:00Z)")).isEqualTo(500);
        assertThat(hunting("DeviceInfo | where Timestamp >= datetime(2025-03-04T07:00:00Z)")).isEqualTo(200);
    }

    @Test
    void faultsCanTargetOneTenant() {
        faults().add(FaultRule.serverErrors(500, null, "/api/alerts").forTenants(FABRIKAM));

        assertThat(emu.get(WDATP, "/api/alerts").status()).isEqualTo(200);
    }

    @Test
    void invalidRulesAreRefused() {
        assertThatThrownBy(() -> faults().add(new FaultRule(null, FaultKind.SERVER_ERROR, null, null, 2.0, null,
                418, null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probability")
                .hasMessageContaining("500 or 503");
        assertThatThrownBy(() -> faults().add(new FaultRule(null, FaultKind.FAIL_WINDOW, null, null, null, null,
                null, null, null, null, null, null, null))).hasMessageContaining("time is required");
    }

    private static int alerts(String filter) {
        return emu.get(WDATP, "/api/alerts?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)).status();
    }

    private static int hunting(String query) {
        return emu.client.postJson("/v1.0/security/runHuntingQuery", emu.token(GRAPH),
                EmulatorClient.JSON.createObjectNode().put("Query", query).toString()).status();
    }
}
