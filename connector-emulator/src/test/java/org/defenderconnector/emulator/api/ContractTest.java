package org.defenderconnector.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.MTP;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.limits.RateLimitSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.Samples;
import org.defenderconnector.emulator.support.ShapeCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint answers with the fields and JSON types of Microsoft's sample for it
 * (shared/reference/samples): see {@link ShapeCheck} for the rules.
 */
class ContractTest {

    private static DataEmulator emu;

    @BeforeAll
    static void start() {
        emu = DataEmulator.start(new DataSettings(7L, 40, 12, 2, 3, true, 20, 200, 40, 10, 30, 40, 25),
                config -> config.withLimits(new RateLimitSettings(false, null)));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static Stream<Arguments> collections() {
        return Stream.of(
                Arguments.of("mde-alerts-list.json", WDATP, "/api/alerts?$top=10000"),
                Arguments.of("mde-alerts-list-expand-evidence.json", WDATP, "/api/alerts?$top=10000&$expand=evidence"),
                Arguments.of("mde-alert-get.json", WDATP, "/api/alerts?$top=10000&$expand=evidence"),
                Arguments.of("mde-machines-list.json", WDATP, "/api/machines"),
                Arguments.of("mde-machines-list-with-ipaddresses.json", WDATP, "/api/machines"),
                Arguments.of("mde-machineactions-list.json", WDATP, "/api/machineactions"),
                Arguments.of("mde-machineaction-entity.json", WDATP, "/api/machineactions"),
                Arguments.of("mde-vulnerabilities-list.json", WDATP, "/api/vulnerabilities"),
                Arguments.of("mde-vulnerabilities-machinesvulnerabilities-list.json", WDATP,
                        "/api/vulnerabilities/machinesVulnerabilities"),
                Arguments.of("mde-software-list.json", WDATP, "/api/Software"),
                Arguments.of("mde-indicators-list.json", WDATP, "/api/indicators"),
                Arguments.of("mde-indicator-entity.json", WDATP, "/api/indicators"),
                Arguments.of("mde-export-softwarevulnerabilitiesbymachine.json", WDATP,
                        "/api/machines/SoftwareVulnerabilitiesByMachine?pageSize=2000"),
                Arguments.of("mde-export-softwarevulnerabilitychangesbymachine-delta.json", WDATP,
                        "/api/machines/SoftwareVulnerabilityChangesByMachine?sinceTime=2025-03-01T00:00:00Z"),
                Arguments.of("xdr-incidents-list.json", MTP, "/api/incidents"),
                Arguments.of("graph-security-incidents-list.json", GRAPH, "/v1.0/security/incidents?$expand=alerts"),
                Arguments.of("graph-security-alerts_v2-list.json", GRAPH, "/v1.0/security/alerts_v2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void collectionRecordsHaveTheSampleFieldsAndTypes(String sample, String resource, String path) {
        JsonNode json = Samples.read(sample);
        List<JsonNode> sampleRecords = json.has("value") ? list(json.get("value")) : List.of(json);
        EmulatorClient.Response response = emu.get(resource, path);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("@odata.context").asText()).startsWith(emu.emulator.baseUrl());
        List<JsonNode> records = list(response.json().get("value"));
        // machineaction.md names it lastUpdateDateTimeUtc; the list sample shows lastUpdateTimeUtc (a doc
        // inconsistency): the emulator follows the entity doc.
        Map<String, String> renames = Map.of("lastUpdateTimeUtc", "lastUpdateDateTimeUtc");
        assertThat(ShapeCheck.problems(sampleRecords, records, renames)).isEmpty();
    }

    @Test
    void singleEntitiesHaveTheSampleFieldsAndTypes() {
        List<JsonNode> alerts = new ArrayList<>();
        List<JsonNode> actions = new ArrayList<>();
        for (JsonNode alert : emu.get(WDATP, "/api/alerts?$top=60").json().get("value")) {
            EmulatorClient.Response one = emu.get(WDATP, "/api/alerts/" + alert.get("id").asText());
            assertThat(one.status()).isEqualTo(200);
            alerts.add(one.json());
        }
        for (JsonNode action : emu.get(WDATP, "/api/machineactions?$top=20").json().get("value")) {
            actions.add(emu.get(WDATP, "/api/machineactions/" + action.get("id").asText()).json());
        }

        assertThat(ShapeCheck.problems(List.of(Samples.read("mde-alert-get.json")), alerts)).isEmpty();
        assertThat(ShapeCheck.problems(List.of(Samples.read("mde-machineaction-entity.json")), actions)).isEmpty();
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.get("evidence")).isNotEmpty());
    }

    @Test
    void scoresHaveTheSampleFieldsAndTypes() {
        for (String name : List.of("exposureScore", "configurationScore")) {
            EmulatorClient.Response response = emu.get(WDATP, "/api/" + name);
            String sample = name.equals("exposureScore") ? "mde-exposurescore.json" : "mde-configurationscore.json";
            assertThat(ShapeCheck.problems(List.of(Samples.read(sample)), List.of(response.json()))).isEmpty();
        }
    }

    @Test
    void huntingResponsesHaveTheSampleFieldsAndTypes() {
        EmulatorClient.Response graph = emu.client.postJson("/v1.0/security/runHuntingQuery", emu.token(GRAPH),
                Samples.read("graph-runhuntingquery-request.json").toString());
        EmulatorClient.Response mde = emu.client.postJson("/api/advancedqueries/run", emu.token(WDATP),
                Samples.read("mde-advancedqueries-run-request.json").toString());
        EmulatorClient.Response xdr = emu.client.postJson("/api/advancedhunting/run", emu.token(MTP),
                Samples.read("xdr-advancedhunting-run-request.json").toString());

        assertThat(graph.status()).as(graph.body()).isEqualTo(200);
        assertThat(ShapeCheck.problems(List.of(Samples.read("graph-runhuntingquery-response.json")),
                List.of(graph.json()))).isEmpty();
        assertThat(mde.status()).as(mde.body()).isEqualTo(200);
        assertThat(ShapeCheck.problems(List.of(Samples.read("mde-advancedqueries-run-response.json")),
                List.of(mde.json()))).isEmpty();
        assertThat(xdr.status()).as(xdr.body()).isEqualTo(200);
        assertThat(ShapeCheck.problems(List.of(Samples.read("xdr-advancedhunting-run-response.json")),
                List.of(xdr.json()))).isEmpty();
    }

    @Test
    void errorBodiesHaveTheSampleFieldsAndTypes() {
        EmulatorClient.Response notFound = emu.get(WDATP, "/api/machines/123123123");
        EmulatorClient.Response badBody = emu.client.postJson("/api/advancedqueries/run", emu.token(WDATP),
                "{\"query\": 1}");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(ShapeCheck.problems(List.of(Samples.read("mde-error-resourcenotfound.json")),
                List.of(notFound.json()))).isEmpty();
        assertThat(notFound.json().get("error").get("code").asText()).isEqualTo("ResourceNotFound");
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(ShapeCheck.problems(List.of(Samples.read("mde-error-invalidrequestbody.json")),
                List.of(badBody.json()))).isEmpty();
        assertThat(badBody.json().get("error").get("code").asText()).isEqualTo("InvalidRequestBody");
    }

    @Test
    void theShapeCheckItselfCatchesAMissingFieldAndAWrongType() {
        JsonNode sample = Samples.read("mde-exposurescore.json");
        JsonNode wrong = EmulatorClient.JSON.createObjectNode().put("@odata.context", "x").put("score", "33");

        assertThat(ShapeCheck.problems(List.of(sample), List.of(wrong)))
                .anySatisfy(problem -> assertThat(problem).contains("$.time").contains("missing"))
                .anySatisfy(problem -> assertThat(problem).contains("$.score").contains("string"));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
