package org.defenderconnector.emulator.hunting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.MTP;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.limits.RateLimitSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** runHuntingQuery and the two legacy hunting APIs over generated tables: the KQL subset, windows, limits. */
class HuntingTest {

    private static DataEmulator emu;

    @BeforeAll
    static void start() {
        emu = DataEmulator.start(new DataSettings(9L, 10, 6, 2, 2, false, 5, 20, 8, 2, 2, 30, 2),
                config -> config.withLimits(new RateLimitSettings(false, null)));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void documentedLimits() {
        emu.emulator.admin().hunting().update(HuntingSettings.documented());
        emu.emulator.admin().hunting().quota().reset();
    }

    @Test
    void whereProjectOrderAndTakeDoWhatTheySay() {
        JsonNode body = graph("DeviceProcessEvents | where InitiatingProcessFileName =~ \"POWERSHELL.EXE\" "
                + "| where ProcessCommandLine contains \"system32\" | order by Timestamp asc "
                + "| project Timestamp, FileName, InitiatingProcessFileName, ProcessCommandLine | take 7", null);

        assertThat(names(body.get("schema"))).containsExactly("Timestamp", "FileName", "InitiatingProcessFileName",
                "ProcessCommandLine");
        assertThat(body.get("schema").get(0).get("type").asText()).isEqualTo("DateTime");
        List<JsonNode> rows = list(body.get("results"));
        assertThat(rows).hasSize(7);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("InitiatingProcessFileName").asText()).isEqualTo("powershell.exe");
            assertThat(row.get("ProcessCommandLine").asText().toLowerCase()).contains("system32");
            assertThat(row.size()).isEqualTo(4);
        });
        assertThat(rows.stream().map(r -> r.get("Timestamp").asText()).toList()).isSorted();
    }

    @Test
    void stringOperatorsFollowKqlSemantics() {
        List<JsonNode> has = list(graph("DeviceProcessEvents | where ProcessCommandLine has \"whoami\" | take 50",
                null).get("results"));
        List<JsonNode> exact = list(graph("DeviceNetworkEvents | where ActionType == \"ConnectionFailed\" | take 50",
                null).get("results"));
        List<JsonNode> caseSensitive = list(graph("DeviceNetworkEvents | where ActionType == \"connectionfailed\"",
                null).get("results"));
        List<JsonNode> notEqual = list(graph("DeviceNetworkEvents | where ActionType != \"ConnectionSuccess\" "
                + "| where RemotePort >= 443 and RemotePort <= 445 | take 50", null).get("results"));
        List<JsonNode> prefix = list(graph("DeviceInfo | where DeviceName startswith \"SRV-\" | take 50", null)
                .get("results"));

        assertThat(has).isNotEmpty().allSatisfy(row -> assertThat(row.get("ProcessCommandLine").asText())
                .contains("whoami"));
        assertThat(exact).isNotEmpty().allSatisfy(row -> assertThat(row.get("ActionType").asText())
                .isEqualTo("ConnectionFailed"));
        assertThat(caseSensitive).isEmpty();
        assertThat(notEqual).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("ActionType").asText()).isNotEqualTo("ConnectionSuccess");
            assertThat(row.get("RemotePort").asInt()).isBetween(443, 445);
        });
        assertThat(prefix).allSatisfy(row -> assertThat(row.get("DeviceName").asText()).startsWith("srv-"));
    }

    @Test
    void adjacentTimeWindowsSplitARangeWithoutLossOrOverlap() {
        String base = "DeviceFileEvents | where Timestamp >= datetime(%s) and Timestamp < datetime(%s) "
                + "| project Timestamp, ReportId, DeviceId";
        List<JsonNode> whole = list(graph(String.format(base, "2025-03-03T00:00:00Z", "2025-03-04T00:00:00Z"), null)
                .get("results"));
        List<JsonNode> first = list(graph(String.format(base, "2025-03-03T00:00:00Z", "2025-03-03T13:30:00Z"), null)
                .get("results"));
        List<JsonNode> second = list(graph(String.format(base, "2025-03-03T13:30:00Z", "2025-03-04T00:00:00Z"), null)
                .get("results"));

        assertThat(whole).hasSize(24 * 30);
        assertThat(first.size() + second.size()).isEqualTo(whole.size());
        Set<String> keys = new HashSet<>();
        first.forEach(row -> keys.add(row.toString()));
        second.forEach(row -> keys.add(row.toString()));
        assertThat(keys).hasSize(whole.size());
        assertThat(first).allSatisfy(row -> assertThat(Instant.parse(row.get("Timestamp").asText()))
                .isBefore(Instant.parse("2025-03-03T13:30:00Z")));
    }

    @Test
    void graphTimespanBoundsTheRowsAndAgoIsRelativeToNow() {
        List<JsonNode> window = list(graph("DeviceLogonEvents | project Timestamp",
                "2025-03-03T06:00:00Z/2025-03-03T08:00:00Z").get("results"));
        List<JsonNode> recent = list(graph("DeviceLogonEvents | where Timestamp > ago(1h) | project Timestamp",
                null).get("results"));

        assertThat(window).hasSize(60);
        assertThat(window).allSatisfy(row -> assertThat(row.get("Timestamp").asText())
                .isBetween("2025-03-03T06:00:00", "2025-03-03T08:00:00"));
        Instant hourAgo = emu.clock.instant().minus(Duration.ofHours(1));
        assertThat(recent).isNotEmpty().allSatisfy(row -> assertThat(Instant.parse(row.get("Timestamp").asText()))
                .isAfter(hourAgo));
    }

    @Test
    void alertTablesFollowTheTenantsAlerts() {
        List<JsonNode> info = list(graph("AlertInfo | project AlertId, Title", null).get("results"));
        Set<String> alertIds = new HashSet<>();
        emu.emulator.admin().data(CONTOSO).alerts().forEach(alert -> alertIds.add(alert.id()));

        assertThat(info).hasSize(alertIds.size());
        assertThat(info).allSatisfy(row -> assertThat(alertIds).contains(row.get("AlertId").asText()));
        assertThat(list(graph("AlertEvidence | where EntityType == \"Machine\" | take 5", null).get("results")))
                .allSatisfy(row -> assertThat(row.get("DeviceId").asText()).hasSize(40));
    }

    @Test
    void everyDocumentedTableAnswersWithItsSchema() {
        for (HuntingTable table : HuntingSchema.tables()) {
            JsonNode body = graph(table.name() + " | take 3", null);
            assertThat(names(body.get("schema"))).as(table.name()).isEqualTo(table.columns().stream()
                    .map(HuntingTable.Column::name).toList());
            assertThat(list(body.get("results"))).as(table.name()).hasSize(3);
        }
    }

    @Test
    void theRowCapCutsResultsOff() {
        emu.emulator.admin().hunting().update(new HuntingSettings(40, null, null, null, null));

        assertThat(list(graph("DeviceEvents", null).get("results"))).hasSize(40);
        assertThat(list(graph("DeviceEvents | take 10", null).get("results"))).hasSize(10);
    }

    @Test
    void aResultLargerThanTheSizeLimitIs400() {
        emu.emulator.admin().hunting().update(new HuntingSettings(null, 5_000L, null, null, null));

        EmulatorClient.Response response = post("/v1.0/security/runHuntingQuery", GRAPH,
                "DeviceProcessEvents | take 50", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("message").asText())
                .contains("exceeded the allowed result size");
    }

    @Test
    void theCpuQuotaBlocksUntilTheNextFifteenMinuteCycle() {
        emu.emulator.admin().hunting().update(new HuntingSettings(null, null, 1.0, 400L, 0L));
        // One minute into the next 15-minute cycle (the clock only moves forward: tokens must stay valid).
        long cycle = HuntingQuota.CYCLE.getSeconds();
        Instant cycleStart = Instant.ofEpochSecond((emu.clock.instant().getEpochSecond() / cycle + 1) * cycle);
        emu.clock.set(cycleStart.plusSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/advancedhunting/run", MTP, "DeviceInfo | take 1", null).status()).isEqualTo(200);
        }
        EmulatorClient.Response blocked = post("/api/advancedhunting/run", MTP, "DeviceInfo | take 1", null);
        EmulatorClient.Response graphBlocked = post("/v1.0/security/runHuntingQuery", GRAPH, "DeviceInfo", null);

        Instant reset = cycleStart.plusSeconds(cycle);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("error").get("message").asText())
                .contains("resets at " + reset).contains("in 840 seconds");
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("840");
        assertThat(graphBlocked.status()).isEqualTo(429);
        assertThat(graphBlocked.json().get("error").has("innerError")).isTrue();

        emu.clock.set(reset);
        assertThat(post("/api/advancedhunting/run", MTP, "DeviceInfo | take 1", null).status()).isEqualTo(200);
    }

    @Test
    void legacyResponsesArePascalCaseAndXdrAddsStats() {
        EmulatorClient.Response mde = post("/api/advancedqueries/run", WDATP,
                "DeviceInfo | project Timestamp, DeviceId, OSBuild, IsAzureADJoined | take 2", null);
        EmulatorClient.Response xdr = post("/api/advancedhunting/run", MTP, "DeviceInfo | take 2", null);

        assertThat(mde.status()).isEqualTo(200);
        assertThat(mde.json().has("Stats")).isFalse();
        assertThat(mde.json().get("Schema").get(2).get("Name").asText()).isEqualTo("OSBuild");
        assertThat(mde.json().get("Schema").get(2).get("Type").asText()).isEqualTo("Int64");
        assertThat(mde.json().get("Schema").get(3).get("Type").asText()).isEqualTo("Boolean");
        assertThat(mde.json().get("Results").get(0).get("OSBuild").isNumber()).isTrue();
        assertThat(mde.json().get("Results").get(0).get("IsAzureADJoined").isBoolean()).isTrue();
        assertThat(xdr.json().get("Stats").get("dataset_statistics").get(0).get("table_row_count").asInt())
                .isEqualTo(2);
        assertThat(xdr.json().get("Results")).hasSize(2);
    }

    @Test
    void kqlOutsideTheSubsetIs400InEachApisShape() {
        List<String> queries = List.of("DeviceInfo | summarize count() by DeviceId", "DeviceInfo | extend X = 1",
                "NoSuchTable | take 1", "DeviceInfo | where NoSuchColumn == \"x\"", "DeviceInfo | where OSBuild == \"x\"",
                "DeviceInfo | where Timestamp > \"2024-01-01\"", "DeviceInfo | where DeviceName in (\"a\")",
                "DeviceInfo | take", "DeviceInfo | where DeviceName == \"unterminated", "DeviceInfo | project X = 1");
        for (String query : queries) {
            EmulatorClient.Response graph = post("/v1.0/security/runHuntingQuery", GRAPH, query, null);
            EmulatorClient.Response mde = post("/api/advancedqueries/run", WDATP, query, null);
            EmulatorClient.Response xdr = post("/api/advancedhunting/run", MTP, query, null);
            assertThat(graph.status()).as(query).isEqualTo(400);
            assertThat(graph.json().get("error").get("code").asText()).isEqualTo("BadRequest");
            assertThat(graph.json().get("error").has("innerError")).isTrue();
            assertThat(mde.status()).as(query).isEqualTo(400);
            assertThat(mde.json().get("error").get("target").asText()).isNotBlank();
            assertThat(xdr.status()).as(query).isEqualTo(400);
        }
        assertThat(post("/v1.0/security/runHuntingQuery", GRAPH, "DeviceInfo | summarize count()", null).json()
                .get("error").get("message").asText()).contains("summarize").contains("where, order by");
        assertThat(post("/v1.0/security/runHuntingQuery", GRAPH, "DeviceInfo", "P30D/nonsense").status())
                .isEqualTo(400);
    }

    private static JsonNode graph(String query, String timespan) {
        EmulatorClient.Response response = post("/v1.0/security/runHuntingQuery", GRAPH, query, timespan);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        assertThat(response.json().get("@odata.context").asText()).endsWith("#microsoft.graph.security.huntingQueryResults");
        return response.json();
    }

    private static EmulatorClient.Response post(String path, String resource, String query, String timespan) {
        ObjectNode body = EmulatorClient.JSON.createObjectNode().put("Query", query);
        if (timespan != null) {
            body.put("Timespan", timespan);
        }
        return emu.client.postJson(path, emu.token(resource), body.toString());
    }

    private static List<String> names(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.forEach(column -> names.add(column.get("name").asText()));
        return names;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
