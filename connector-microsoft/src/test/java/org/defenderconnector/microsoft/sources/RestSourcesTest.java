package org.defenderconnector.microsoft.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.microsoft.testserver.Query;
import org.defenderconnector.microsoft.testserver.SimulatedTime;
import org.defenderconnector.microsoft.testserver.TestHttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every stream against the documented sample payloads: kinds, natural ids, versions, times. */
class RestSourcesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final SimulatedTime time = new SimulatedTime(Instant.parse("2025-03-01T12:00:00Z"));
    TestHttpsServer server;
    RestSources sources;

    @BeforeEach
    void start() throws Exception {
        server = new TestHttpsServer();
        sources = TestApis.sources(server, time).build();
    }

    @AfterEach
    void stop() {
        sources.close();
        server.close();
    }

    void serve(String path, String sample) throws Exception {
        String body = TestApis.sample(sample);
        server.route(path, ex -> ex.respond(200, body));
    }

    Batch pollOnce(String stream, StreamOptions options) throws SourceException {
        try (Source source = sources.create(stream, options)) {
            assertThat(source.id().stream()).isEqualTo(stream);
            assertThat(source.id().tenant()).isEqualTo("contoso");
            return source.poll(Position.START);
        }
    }

    @Test
    void alertsWithEvidence() throws Exception {
        serve("/api/alerts", "mde-alerts-list-expand-evidence.json");
        Batch batch = pollOnce("alerts", StreamOptions.defaults());
        SourceRecord first = batch.records().get(0);
        assertThat(first.kind()).isEqualTo("mde-alert");
        assertThat(first.naturalId()).isEqualTo("da637472900382838869_1364969609");
        assertThat(first.version()).isEqualTo("2021-01-26T20:33:59.2Z");
        assertThat(first.time()).isEqualTo(Instant.parse("2021-01-26T20:33:59.2Z"));
        assertThat(JSON.readTree(first.rawJson()).path("evidence").isArray()).isTrue();
        Map<String, String> query = Query.parse(server.requests("/api/alerts").get(0).getRawQuery());
        assertThat(query).containsEntry("$expand", "evidence").containsEntry("$top", "10000");
        // The first sweep reaches back the default 7 days and ends 30 s before now.
        assertThat(query.get("$filter")).isEqualTo("lastUpdateTime ge 2025-02-22T12:00:00Z and lastUpdateTime lt 2025-03-01T11:59:30Z");
    }

    @Test
    void machineActionsAreASnapshotOfRecentlyCreatedActionsFilteredOnlyOnTheDocumentedCreationTime() throws Exception {
        String body = TestApis.sample("mde-machineactions-list.json").replaceFirst("lastUpdateTimeUtc", "lastUpdateDateTimeUtc");
        server.route("/api/machineactions", ex -> ex.respond(200, body));
        Batch batch = pollOnce("machine-actions", StreamOptions.defaults());
        assertThat(batch.records()).extracting(SourceRecord::kind).containsOnly("mde-machine-action");
        assertThat(batch.records()).extracting(SourceRecord::naturalId).containsExactly(
                "69dc3630-1ccc-4342-acf3-35286eec741d", "2e9da30d-27f6-4208-81f2-9cd3d67893ba",
                "44cffc15-0e3d-4cbf-96aa-bf76f9b27f5e");
        // Both spellings of the update time are read as the record's time; the version is the content.
        assertThat(batch.records()).extracting(SourceRecord::time).containsExactly(
                Instant.parse("2018-12-04T12:45:25.4049122Z"), Instant.parse("2018-12-04T12:18:57.5511934Z"),
                Instant.parse("2018-12-04T12:16:14.2899973Z"));
        // Microsoft documents $filter on creationDateTimeUtc, not on the update time: 7 days back, day-aligned.
        assertThat(Query.parse(server.requests("/api/machineactions").get(0).getRawQuery()).get("$filter"))
                .isEqualTo("creationDateTimeUtc ge 2025-02-22T00:00:00Z");
    }

    @Test
    void graphIncidentsWithExpandedAlerts() throws Exception {
        serve("/v1.0/security/incidents", "graph-security-incidents-list.json");
        Batch batch = pollOnce("incidents", StreamOptions.defaults());
        assertThat(batch.records()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("graph-incident");
            assertThat(r.naturalId()).isEqualTo("2972395");
            assertThat(r.version()).isEqualTo("2021-09-30T09:35:45.1133333Z");
        });
        Map<String, String> query = Query.parse(server.requests("/v1.0/security/incidents").get(0).getRawQuery());
        assertThat(query).containsEntry("$expand", "alerts").containsEntry("$top", "50");
        assertThat(query.get("$filter")).startsWith("lastUpdateDateTime ge ");
    }

    @Test
    void graphIncidentsFallBackToAlertsV2WhenExpandIsRefused() throws Exception {
        String incidents = TestApis.sample("graph-security-incidents-list.json");
        server.route("/v1.0/security/incidents", ex -> {
            if (ex.query().containsKey("$expand")) {
                ex.respond(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid $expand\","
                        + "\"innerError\":{\"request-id\":\"r-1\"}}}");
            } else {
                ex.respond(200, incidents);
            }
        });
        AtomicReference<String> alertFilter = new AtomicReference<>();
        String alerts = TestApis.sample("graph-security-alerts_v2-list.json");
        server.route("/v1.0/security/alerts_v2", ex -> {
            alertFilter.set(ex.query().get("$filter"));
            ex.respond(200, alerts);
        });
        try (Source source = sources.create("incidents", StreamOptions.defaults())) {
            Batch batch = source.poll(Position.START);
            SourceRecord incident = batch.records().get(0);
            assertThat(incident.naturalId()).isEqualTo("2972395");
            JsonNode json = JSON.readTree(incident.rawJson());
            assertThat(json.path("displayName").asText()).startsWith("Multi-stage incident");
            assertThat(json.path("alerts")).hasSize(1);
            assertThat(json.path("alerts").get(0).path("id").asText()).isEqualTo("da637551227677560813_-961444813");
            assertThat(alertFilter.get()).isEqualTo("incidentId eq '2972395'");

            // The refusal is remembered: the next sweep asks without $expand straight away.
            time.advance(Duration.ofMinutes(1));
            int refused = server.requests("/v1.0/security/incidents").size();
            source.poll(batch.next());
            assertThat(server.requests("/v1.0/security/incidents").subList(refused,
                    server.requests("/v1.0/security/incidents").size()))
                    .allSatisfy(uri -> assertThat(uri.getRawQuery()).doesNotContain("expand"));
        }
    }

    @Test
    void xdrIncidentsWhenConfigured() throws Exception {
        serve("/api/incidents", "xdr-incidents-list.json");
        Batch batch = pollOnce("incidents", StreamOptions.defaults().withApi("xdr"));
        assertThat(batch.records()).extracting(SourceRecord::naturalId).containsExactly("924565", "924521", "924518");
        assertThat(batch.records()).extracting(SourceRecord::kind).containsOnly("xdr-incident");
        assertThat(batch.records().get(0).version()).isEqualTo("2020-09-06T14:46:57.29Z");
        assertThat(Query.parse(server.requests("/api/incidents").get(0).getRawQuery())).containsEntry("$top", "100");
        try (Source alias = sources.create("xdr-incidents", StreamOptions.defaults())) {
            assertThat(alias.id().stream()).isEqualTo("xdr-incidents");
            assertThat(alias.poll(Position.START).records()).extracting(SourceRecord::kind).containsOnly("xdr-incident");
        }
        assertThatThrownBy(() -> sources.create("incidents", StreamOptions.defaults().withApi("sentinel")))
                .hasMessageContaining("graph").hasMessageContaining("xdr");
    }

    @Test
    void graphAlerts() throws Exception {
        serve("/v1.0/security/alerts_v2", "graph-security-alerts_v2-list.json");
        Batch batch = pollOnce("graph-alerts", StreamOptions.defaults());
        assertThat(batch.records()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("graph-alert");
            assertThat(r.naturalId()).isEqualTo("da637551227677560813_-961444813");
            assertThat(r.version()).isEqualTo("2021-05-02T14:19:01.3266667Z");
        });
    }

    @Test
    void machinesAndSoftware() throws Exception {
        serve("/api/machines", "mde-machines-list.json");
        serve("/api/Software", "mde-software-list.json");
        Batch machines = pollOnce("machines", StreamOptions.defaults());
        assertThat(machines.records()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("mde-machine");
            assertThat(r.naturalId()).isEqualTo("1e5bc9d7e413ddd7902c2932e418702b84d0cc07");
            assertThat(r.version()).hasSize(16);
        });
        Batch software = pollOnce("software", StreamOptions.defaults());
        assertThat(software.records()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("mde-software");
            assertThat(r.naturalId()).isEqualTo("microsoft-_-edge");
        });
    }

    @Test
    void vulnerabilityExportSampleFollowsItsNextLink() throws Exception {
        String page1 = TestApis.sample("mde-export-softwarevulnerabilitiesbymachine.json")
                .replace("https://api.securitycenter.microsoft.com/api/machines", server.baseUrl() + "/api/machines");
        server.route(VulnerabilityExportSource.FULL_PATH, ex -> {
            if (ex.query().containsKey("$skiptoken")) {
                ex.respond(200, "{\"value\":[]}");
            } else {
                ex.respond(200, page1);
            }
        });
        Source source = sources.create("vulnerabilities", StreamOptions.defaults());
        Batch batch = source.poll(Position.START);
        assertThat(batch.records()).isNotEmpty();
        assertThat(batch.records().get(0).kind()).isEqualTo("mde-vulnerability-by-machine");
        assertThat(batch.records().get(0).naturalId()).isEqualTo("00044f612345baf759462dbe6db733b6a9c59ab4_edge_10.0.17763.1637__");
        assertThat(batch.records().get(0).time()).isEqualTo(Instant.parse("2020-12-30T14:17:26Z"));
        assertThat(server.requests(VulnerabilityExportSource.FULL_PATH)).hasSize(2);
        assertThat(batch.more()).isFalse();
        source.close();
    }

    @Test
    void scoresAreEmittedWhenScoreOrTimeChange() throws Exception {
        serve("/api/exposureScore", "mde-exposurescore.json");
        AtomicReference<String> configuration = new AtomicReference<>(TestApis.sample("mde-configurationscore.json"));
        server.route("/api/configurationScore", ex -> ex.respond(200, configuration.get()));
        try (Source source = sources.create("scores", StreamOptions.defaults())) {
            Batch first = source.poll(Position.START);
            assertThat(first.records()).extracting(SourceRecord::naturalId).containsExactly("exposureScore", "configurationScore");
            assertThat(first.records()).extracting(SourceRecord::kind)
                    .containsExactly("mde-exposure-score", "mde-configuration-score");
            assertThat(first.records().get(0).time()).isEqualTo(Instant.parse("2019-12-03T07:23:53.280499Z"));
            assertThat(source.poll(first.next()).records()).isEmpty();
            configuration.set(configuration.get().replace("340", "355"));
            Batch changed = source.poll(first.next());
            assertThat(changed.records()).extracting(SourceRecord::naturalId).containsExactly("configurationScore");
            assertThat(changed.records().get(0).version()).endsWith("|355");
        }
    }

    @Test
    void everyDocumentedStreamIsKnownAndUnknownOnesAreRefused() {
        assertThat(RestSources.STREAMS).containsExactly("alerts", "machines", "machine-actions", "vulnerabilities",
                "software", "incidents", "graph-alerts", "scores");
        for (String stream : RestSources.STREAMS) {
            assertThat(RestSources.defaultInterval(stream)).isPositive();
            sources.create(stream, StreamOptions.defaults()).close();
        }
        assertThatThrownBy(() -> sources.create("hunting", StreamOptions.defaults())).hasMessageContaining("unknown REST stream");
        assertThat(sources.create("alerts", StreamOptions.defaults())).isInstanceOf(ReplayableSource.class);
    }

    @Test
    void aMissingTokenIsNamed() {
        RestSources withoutGraph = RestSources.builder("contoso").endpoints(ApiEndpoints.commercial())
                .tokens(new ApiTokens(new org.defenderconnector.microsoft.testserver.TestToken(), null, null))
                .sslContext(org.defenderconnector.microsoft.testserver.TestCertificate.shared().clientContext()).build();
        assertThatThrownBy(() -> withoutGraph.create("graph-alerts", StreamOptions.defaults()))
                .hasMessageContaining("graph").hasMessageContaining("graph-alerts");
        withoutGraph.close();
    }

    @Test
    void optionsAreReadFromConfigurationText() {
        StreamOptions o = StreamOptions.fromMap(Map.of("pageSize", "500", "overlap", "10m", "backfill", "P3D",
                "interval", "30s", "api", "xdr"));
        assertThat(o.pageSize()).isEqualTo(500);
        assertThat(o.overlap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.backfill()).isEqualTo(Duration.ofDays(3));
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.api()).isEqualTo("xdr");
        assertThatThrownBy(() -> StreamOptions.fromMap(Map.of("pagesize", "5"))).hasMessageContaining("unknown stream option");
        assertThat(o.lag()).isNull();
        assertThat(o.minWindow()).isNull();
        assertThat(o.export()).isNull();
    }

    @Test
    void theVulnerabilityExportModeIsJsonOrFiles() {
        assertThat(StreamOptions.fromMap(Map.of("export", " Files ")).export()).isEqualTo("files");
        assertThat(ExportMode.parse(StreamOptions.defaults().export())).isEqualTo(ExportMode.JSON);
        assertThatThrownBy(() -> StreamOptions.fromMap(Map.of("export", "csv")))
                .hasMessage("vulnerabilities: export must be 'json' or 'files', not 'csv'");
    }
}
