package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data, faults, quotas and hunting limits changed over the /_emulator/admin HTTP endpoints. */
class DataAdminEndpointsTest {

    private static DataEmulator emu;

    @BeforeAll
    static void start() {
        emu = DataEmulator.start(new DataSettings(4L, 4, 1, 1, 1, false, 3, 10, 5, 1, 2, 2, 1));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void alertsAreAddedAndChangedOverHttp() {
        EmulatorClient.Response added = post("/data/alerts", "{\"tenantId\":\"" + CONTOSO + "\","
                + "\"time\":\"2025-03-04T09:00:00.5000001Z\",\"count\":3,\"severity\":\"High\"}");
        String id = added.json().get("ids").get(0).asText();
        EmulatorClient.Response updated = post("/data/alerts/update", "{\"tenantId\":\"contoso.onmicrosoft.com\","
                + "\"id\":\"" + id + "\",\"status\":\"Resolved\",\"classification\":\"FalsePositive\","
                + "\"determination\":\"Clean\",\"time\":\"2025-03-04T10:00:00Z\"}");
        JsonNode alert = emu.get(WDATP, "/api/alerts/" + id).json();
        JsonNode sameTime = emu.get(WDATP, "/api/alerts?$filter=alertCreationTime+eq+2025-03-04T09:00:00.5000001Z")
                .json();

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("ids")).hasSize(3);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("lastUpdateTime").asText()).isEqualTo("2025-03-04T10:00:00.0000000Z");
        assertThat(alert.get("status").asText()).isEqualTo("Resolved");
        assertThat(alert.get("classification").asText()).isEqualTo("FalsePositive");
        assertThat(alert.get("resolvedTime").asText()).isEqualTo("2025-03-04T10:00:00.0000000Z");
        assertThat(sameTime.get("value")).hasSize(3);
        JsonNode summary = emu.client.get("/_emulator/admin/data/summary?tenantId=" + CONTOSO, null).json();
        assertThat(summary.get("machines").asInt()).isEqualTo(4);
        assertThat(summary.get("settings").get("seed").asLong()).isEqualTo(4);
    }

    @Test
    void dataIsRegeneratedFromNewSettings() {
        assertThat(post("/data/settings", "{\"tenantId\":\"" + CONTOSO + "\",\"settings\":{\"seed\":8,"
                + "\"machines\":0}}").status()).isEqualTo(204);
        try {
            assertThat(emu.get(WDATP, "/api/machines").status()).isEqualTo(404);
        } finally {
            post("/data/settings", "{\"tenantId\":\"" + CONTOSO + "\",\"settings\":{\"seed\":4,\"machines\":4,"
                    + "\"alertsPerHour\":1,\"historyDays\":1,\"live\":false}}");
        }
        assertThat(emu.get(WDATP, "/api/machines").json().get("value")).hasSize(4);
    }

    @Test
    void faultsAreAddedListedAndRemovedOverHttp() {
        EmulatorClient.Response created = post("/faults", "{\"kind\":\"serverError\",\"paths\":[\"/api/machines\"],"
                + "\"status\":503,\"count\":1}");
        String id = created.json().get("id").asText();
        int failed = emu.get(WDATP, "/api/machines").status();
        JsonNode listed = emu.client.get("/_emulator/admin/faults", null).json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(failed).isEqualTo(503);
        assertThat(listed.get("faults").get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get("faults").get(0).get("injected").asLong()).isEqualTo(1);
        assertThat(listed.get("faults").get(0).get("remaining").asLong()).isZero();
        assertThat(post("/faults/remove", "{\"id\":\"" + id + "\"}").status()).isEqualTo(204);
        assertThat(emu.client.get("/_emulator/admin/faults", null).json().get("faults")).isEmpty();
        assertThat(post("/faults", "{\"kind\":\"nonsense\"}").status()).isEqualTo(400);
        assertThat(post("/faults/remove", "{\"id\":\"nope\"}").status()).isEqualTo(400);
    }

    @Test
    void tokensAreExpiredOverHttp() {
        String token = emu.token(GRAPH);
        assertThat(post("/tokens/expire", "{}").status()).isEqualTo(204);
        try {
            assertThat(emu.client.get("/v1.0/security/incidents", token).status()).isEqualTo(401);
            emu.forgetTokens();
            assertThat(emu.get(GRAPH, "/v1.0/security/incidents").status()).isEqualTo(200);
        } finally {
            post("/faults/clear", "{}");
        }
    }

    @Test
    void limitsAndHuntingSettingsChangeOverHttp() {
        assertThat(post("/limits", "{\"buckets\":{\"graphSecurity\":{\"perMinute\":1}}}").status()).isEqualTo(204);
        try {
            emu.get(GRAPH, "/v1.0/security/alerts_v2");
            assertThat(emu.get(GRAPH, "/v1.0/security/alerts_v2").status()).isEqualTo(429);
            JsonNode limits = emu.client.get("/_emulator/admin/limits", null).json();
            assertThat(limits.get("buckets").get("graphSecurity").get("perMinute").asInt()).isEqualTo(1);
            assertThat(limits.get("buckets").get("mde").get("perHour").asInt()).isEqualTo(1_500);
        } finally {
            post("/limits", "{\"buckets\":{\"graphSecurity\":{\"perMinute\":150}}}");
            post("/limits/reset", "{}");
        }
        assertThat(post("/hunting", "{\"rowCap\":5}").status()).isEqualTo(204);
        try {
            JsonNode result = emu.client.postJson("/v1.0/security/runHuntingQuery", emu.token(GRAPH),
                    "{\"Query\":\"DeviceEvents\"}").json();
            assertThat(result.get("results")).hasSize(5);
            JsonNode hunting = emu.client.get("/_emulator/admin/hunting?tenantId=" + CONTOSO, null).json();
            assertThat(hunting.get("rowCap").asInt()).isEqualTo(5);
            assertThat(hunting.get("cpuSecondsUsed").asDouble()).isPositive();
        } finally {
            post("/hunting", "{\"rowCap\":100000}");
            post("/hunting/resetQuota", "{}");
        }
        assertThat(post("/hunting", "{\"rowCap\":0}").status()).isEqualTo(400);
        assertThat(post("/limits", "{\"buckets\":{\"nope\":{\"perMinute\":1}}}").status()).isEqualTo(400);
    }

    private static EmulatorClient.Response post(String operation, String json) {
        return emu.client.postJson("/_emulator/admin" + operation, null, json);
    }
}
