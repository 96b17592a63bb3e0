package org.defenderconnector.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.MTP;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.limits.RateLimitSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.Test;

/** Live data follows the clock (same ids, later lastUpdateTime); frozen data does not; a seed fixes the data. */
class LiveDataTest {

    private static final DataSettings LIVE = new DataSettings(5L, 12, 6, 2, 1, true, 5, 40, 10, 24, 5, 0, 0);

    @Test
    void liveAlertsMoveThroughTheirLifecycleKeepingTheirIds() {
        try (DataEmulator emu = start(LIVE)) {
            Map<String, JsonNode> before = byId(values(emu.get(WDATP, "/api/alerts?$top=10000")), "id");
            Instant t0 = emu.clock.instant();

            emu.clock.advance(Duration.ofHours(8));
            Map<String, JsonNode> after = byId(values(emu.get(WDATP, "/api/alerts?$top=10000")), "id");

            assertThat(after.keySet()).containsAll(before.keySet());
            assertThat(after.size()).isGreaterThan(before.size());
            long changed = before.keySet().stream().filter(id -> Instant.parse(after.get(id).get("lastUpdateTime")
                    .asText()).isAfter(Instant.parse(before.get(id).get("lastUpdateTime").asText()))).count();
            assertThat(changed).isPositive();
            assertThat(after.values()).anySatisfy(alert -> assertThat(alert.get("status").asText())
                    .isEqualTo("InProgress"));
            assertThat(after.values()).anySatisfy(alert -> {
                assertThat(alert.get("status").asText()).isEqualTo("Resolved");
                assertThat(alert.get("resolvedTime").isTextual()).isTrue();
            });
            // An incremental client asking for what changed since t0 gets exactly the changed and new alerts.
            List<JsonNode> incremental = values(emu.get(WDATP, "/api/alerts?$top=10000&$filter=lastUpdateTime+ge+"
                    + t0));
            long expected = after.values().stream().filter(a -> !Instant.parse(a.get("lastUpdateTime").asText())
                    .isBefore(t0)).count();
            assertThat(incremental).hasSize((int) expected);
            assertThat(expected).isEqualTo(changed + after.size() - before.size());
        }
    }

    @Test
    void incidentsMachinesAndActionsFollowTheClockToo() {
        try (DataEmulator emu = start(LIVE)) {
            Map<String, JsonNode> incidents = byId(all(emu, MTP, "/api/incidents"), "incidentId");
            Map<String, JsonNode> machines = byId(values(emu.get(WDATP, "/api/machines")), "id");
            Map<String, JsonNode> actions = byId(values(emu.get(WDATP, "/api/machineactions")), "id");

            emu.clock.advance(Duration.ofDays(1));
            Map<String, JsonNode> laterIncidents = byId(all(emu, MTP, "/api/incidents"), "incidentId");
            Map<String, JsonNode> laterMachines = byId(values(emu.get(WDATP, "/api/machines")), "id");
            Map<String, JsonNode> laterActions = byId(values(emu.get(WDATP, "/api/machineactions")), "id");

            assertThat(incidents.keySet()).allSatisfy(id -> assertThat(laterIncidents).containsKey(id));
            assertThat(incidents.keySet()).anySatisfy(id -> assertThat(laterIncidents.get(id).get("lastUpdateTime")
                    .asText()).isNotEqualTo(incidents.get(id).get("lastUpdateTime").asText()));
            assertThat(machines.keySet()).allSatisfy(id -> assertThat(Instant.parse(laterMachines.get(id)
                    .get("lastSeen").asText())).isAfter(Instant.parse(machines.get(id).get("lastSeen").asText())));
            assertThat(laterActions.size()).isGreaterThan(actions.size());
            assertThat(actions.values()).anySatisfy(action -> assertThat(action.get("status").asText())
                    .isIn("Pending", "InProgress", "Succeeded", "Failed", "TimeOut", "Cancelled"));
            assertThat(laterActions.values()).allSatisfy(action -> {
                if (Instant.parse(action.get("creationDateTimeUtc").asText()).isBefore(emu.clock.instant()
                        .minus(Duration.ofHours(3)))) {
                    assertThat(action.get("status").asText()).isNotIn("Pending", "InProgress");
                }
            });
        }
    }

    @Test
    void frozenDataStaysAsItWasAtStart() {
        try (DataEmulator emu = start(LIVE.withLive(false))) {
            String before = emu.get(WDATP, "/api/alerts?$top=10000").json().get("value").toString();

            emu.clock.advance(Duration.ofHours(12));

            assertThat(emu.get(WDATP, "/api/alerts?$top=10000").json().get("value").toString()).isEqualTo(before);
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
        Map<String, String> first;
        Map<String, String> second;
        Map<String, String> other;
        try (DataEmulator emu = start(LIVE)) {
            first = snapshot(emu);
            emu.emulator.admin().data(CONTOSO).configure(LIVE.withSeed(6));
            other = snapshot(emu);
        }
        try (DataEmulator emu = start(LIVE)) {
            second = snapshot(emu);
        }

        assertThat(second).isEqualTo(first);
        assertThat(first.values()).allSatisfy(body -> assertThat(body.length()).isGreaterThan(100));
        first.forEach((path, body) -> assertThat(other.get(path)).as(path).isNotEqualTo(body));
    }

    @Test
    void explicitChangesAreServedWithTheGivenTimestampAndStopTheGeneratedCourse() {
        try (DataEmulator emu = start(LIVE)) {
            DataControl data = emu.emulator.admin().data(CONTOSO);
            String id = data.addAlert(NewAlert.at(Instant.parse("2025-03-04T09:30:00.1234567Z")).withSeverity("High"));
            Instant changedAt = Instant.parse("2025-03-04T10:00:00.7654321Z");
            data.updateAlert(id, AlertUpdate.status("InProgress").assignedTo("kai.c@contoso.com").at(changedAt)
                    .withComment("looking"));

            JsonNode alert = emu.get(WDATP, "/api/alerts/" + id).json();
            JsonNode graph = emu.get(GRAPH, "/v1.0/security/alerts_v2/" + id).json();

            assertThat(alert.get("alertCreationTime").asText()).isEqualTo("2025-03-04T09:30:00.1234567Z");
            assertThat(alert.get("lastUpdateTime").asText()).isEqualTo("2025-03-04T10:00:00.7654321Z");
            assertThat(alert.get("status").asText()).isEqualTo("InProgress");
            assertThat(alert.get("assignedTo").asText()).isEqualTo("kai.c@contoso.com");
            assertThat(alert.get("comments").get(0).get("comment").asText()).isEqualTo("looking");
            assertThat(graph.get("status").asText()).isEqualTo("inProgress");
            assertThat(graph.get("lastUpdateDateTime").asText()).isEqualTo("2025-03-04T10:00:00.7654321Z");

            String generated = values(emu.get(WDATP, "/api/alerts?$filter=status+eq+'New'")).get(0).get("id").asText();
            data.updateAlert(generated, AlertUpdate.status("New").at(emu.clock.instant()));
            emu.clock.advance(Duration.ofDays(3));
            assertThat(emu.get(WDATP, "/api/alerts/" + generated).json().get("status").asText()).isEqualTo("New");
        }
    }

    private static Map<String, String> snapshot(DataEmulator emu) {
        Map<String, String> bodies = new HashMap<>();
        for (String path : List.of("/api/alerts?$top=10000&$expand=evidence", "/api/machines", "/api/machineactions",
                "/api/vulnerabilities", "/api/indicators",
                "/api/machines/SoftwareVulnerabilitiesByMachine")) {
            bodies.put(path, emu.get(WDATP, path).json().get("value").toString());
        }
        bodies.put("incidents", emu.get(MTP, "/api/incidents").json().get("value").toString());
        bodies.put("graph", emu.get(GRAPH, "/v1.0/security/alerts_v2").json().get("value").toString());
        return bodies;
    }

    private static DataEmulator start(DataSettings settings) {
        return DataEmulator.start(settings, config -> config.withLimits(new RateLimitSettings(false, null)));
    }

    private static List<JsonNode> values(EmulatorClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>();
        response.json().get("value").forEach(list::add);
        return list;
    }

    /** Every page, following @odata.nextLink. */
    private static List<JsonNode> all(DataEmulator emu, String resource, String path) {
        List<JsonNode> records = new java.util.ArrayList<>();
        String next = path;
        while (next != null) {
            EmulatorClient.Response response = emu.get(resource, next);
            records.addAll(values(response));
            JsonNode link = response.json().get("@odata.nextLink");
            next = link == null ? null : link.asText().substring(emu.emulator.baseUrl().length());
        }
        return records;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records, String key) {
        Map<String, JsonNode> map = new HashMap<>();
        records.forEach(record -> map.put(record.get(key).asText(), record));
        return map;
    }
}
