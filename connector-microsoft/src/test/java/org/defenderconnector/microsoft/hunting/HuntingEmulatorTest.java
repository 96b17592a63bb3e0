package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.hunting.HuntingSettings;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.HttpSettings;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.sources.ApiEndpoints;
import org.defenderconnector.microsoft.sources.ApiTokens;
import org.defenderconnector.microsoft.testserver.DeliveryLoop;
import org.defenderconnector.microsoft.testserver.SimulatedTime;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.hunting.HuntingKeys;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.ValidationResult;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every standard table collected from the emulator over HTTPS, with real tokens, on a clock the test
 * moves: window splits at the emulator's row cap, sweeps behind the lag re-reading their overlap, a
 * restart from committed positions, and the CPU quota's 429 — each row exactly once, and every row
 * normalizes to a valid OCSF event.
 */
class HuntingEmulatorTest {
    static final Instant START = Instant.parse("2025-03-04T10:15:30Z");
    static final String TENANT = DemoCredentials.TENANT_ID;

    final SimulatedTime time = new SimulatedTime(START);
    Emulator emulator;
    TokenSource tokens;
    ApiEndpoints endpoints;
    TlsTrust tls;
    final List<ApiClient> clients = new ArrayList<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(HuntingSource.class)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger(HuntingBudget.class)).addAppender(logs);
    }

    void start(HuntingSettings hunting) throws Exception {
        DataSettings data = DataSettings.defaults().withSeed(11).withMachines(5).withAlertsPerHour(3).withHistoryDays(2)
                .withHuntingEventsPerHour(30);
        emulator = Emulator.start(EmulatorConfig.demo().withData(TENANT, data).withHunting(hunting),
                EmulatorOptions.defaults().withClock(time));
        tls = TlsTrust.withExtraCa(emulator.caCertificatePath());
        Endpoints resolved = Endpoints.custom(emulator.baseUri(), true);
        tokens = TokenSource.create(resolved, tls, DemoCredentials.CLIENT_ID, ClientSecret.of(DemoCredentials.SECRET_VALUE));
        endpoints = ApiEndpoints.all(emulator.baseUri());
    }

    /** A fresh process: new HTTP client, budget and sources. */
    HuntingSources sources() {
        ApiClient client = new ApiClient(tls.sslContext(), HttpSettings.DEFAULT,
                new RateBudget(TENANT, Map.of(), Duration.ofSeconds(65), time, time), time, time);
        clients.add(client);
        return HuntingSources.builder("demo").client(client).endpoints(endpoints).tokens(ApiTokens.of(tokens, TENANT))
                .rowKey(HuntingKeys::of).clock(time).pause(time).build();
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(HuntingSource.class)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(HuntingBudget.class)).detachAppender(logs);
        clients.forEach(ApiClient::close);
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void everyTableIsCollectedExactlyOnceAcrossSplitsLagReQueriesAndARestart() throws Exception {
        start(new HuntingSettings(25, null, 1_000_000.0, null, null));
        HuntingOptions options = HuntingOptions.fromMap(Map.of("rowCap", "25", "targetRows", "10", "backfill", "6h",
                "initialWindow", "2h", "lag", "5m", "overlap", "10m"));
        Instant began = time.instant();
        Map<HuntingTable, List<SourceRecord>> delivered = collect(HuntingTable.standard(), options, 12, 6);

        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("reached the row cap of 25"));
        assertEveryRowOnceAndValid(delivered, began.minus(Duration.ofHours(6)));
    }

    @Test
    void theCpuQuotasTooManyRequestsSlowCollectionDownAndNothingIsLost() throws Exception {
        // Each query costs 0.2 s + 0.02 s per 1,000 rows scanned: about ten queries per 15-minute cycle.
        start(new HuntingSettings(25, null, 2.0, 200L, 20L));
        HuntingOptions options = HuntingOptions.fromMap(Map.of("rowCap", "25", "targetRows", "10", "backfill", "3h",
                "initialWindow", "1h"));
        List<HuntingTable> tables = List.of(HuntingTable.of("DeviceProcessEvents"), HuntingTable.of("AlertInfo"),
                HuntingTable.of("EmailEvents"));
        Instant began = time.instant();
        Map<HuntingTable, List<SourceRecord>> delivered = collect(tables, options, 4, -1);

        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("quota reached"));
        assertEveryRowOnceAndValid(delivered, began.minus(Duration.ofHours(3)));
    }

    /**
     * Collects {@code tables} like the engine would: every stream polled until it has nothing more, then
     * the clock moves 5 minutes, {@code steps} times, with a restart (new process, committed positions
     * only) before step {@code restartAt}; then the clock moves a minute at a time until every stream
     * has finished its sweep (the shared quota delays the last tables).
     */
    Map<HuntingTable, List<SourceRecord>> collect(List<HuntingTable> tables, HuntingOptions options, int steps,
                                                  int restartAt) throws Exception {
        Map<HuntingTable, DeliveryLoop> loops = new LinkedHashMap<>();
        HuntingSources first = sources();
        for (HuntingTable table : tables) {
            loops.put(table, new DeliveryLoop(first.create(table, options)));
        }
        Map<HuntingTable, List<SourceRecord>> delivered = new LinkedHashMap<>();
        for (int step = 0; step < steps + 200; step++) {
            if (step == restartAt) {
                HuntingSources second = sources();
                Map<HuntingTable, DeliveryLoop> restarted = new LinkedHashMap<>();
                for (var e : loops.entrySet()) {
                    delivered.computeIfAbsent(e.getKey(), t -> new ArrayList<>()).addAll(e.getValue().delivered());
                    DeliveryLoop loop = new DeliveryLoop(second.create(e.getKey(), options));
                    loop.commit(e.getValue().committed());
                    restarted.put(e.getKey(), loop);
                }
                loops = restarted;
            }
            for (DeliveryLoop loop : loops.values()) {
                loop.drain(500);
            }
            boolean idle = loops.values().stream().allMatch(l -> l.committed().string("from")
                    .equals(l.committed().string("to")));
            if (step >= steps && idle) {
                break;
            }
            time.advance(step < steps ? Duration.ofMinutes(5) : Duration.ofMinutes(1));
        }
        final Map<HuntingTable, DeliveryLoop> last = loops;
        loops.forEach((table, loop) -> delivered.computeIfAbsent(table, t -> new ArrayList<>()).addAll(loop.delivered()));
        assertThat(last.values()).allSatisfy(l -> assertThat(l.committed().string("from"))
                .isEqualTo(l.committed().string("to")));
        watermarks = new HashMap<>();
        last.forEach((table, loop) -> watermarks.put(table, Instant.parse(loop.committed().string("to").orElseThrow())));
        return delivered;
    }

    Map<HuntingTable, Instant> watermarks;

    /** Each table against one uncapped reference query up to its watermark; every row normalized and validated. */
    void assertEveryRowOnceAndValid(Map<HuntingTable, List<SourceRecord>> delivered, Instant backfillStart)
            throws Exception {
        emulator.admin().hunting().update(new HuntingSettings(100_000, null, 1_000_000.0, null, null));
        emulator.admin().hunting().quota().reset();
        HuntingClient reference = HuntingClient.of(clients.get(clients.size() - 1), HuntingApi.GRAPH, endpoints,
                ApiTokens.of(tokens, TENANT), HuntingClient.DEFAULT_MAX_RESPONSE_BYTES);
        Instant from = backfillStart.truncatedTo(ChronoUnit.MINUTES);
        Normalizer normalizer = Normalizer.withAllMappers();
        OcsfValidator validator = OcsfValidator.standard();
        for (var entry : delivered.entrySet()) {
            HuntingTable table = entry.getKey();
            Instant end = watermarks.get(table);
            HuntingResult all = reference.run(WindowQuery.kql(table, from, end, 100_000), WindowQuery.timespan(from, end));
            Set<String> expected = new HashSet<>();
            for (ObjectNode row : all.rows()) {
                SourceRecord r = HuntingRecords.toRecord(table, row, HuntingKeys::of, from);
                expected.add(r.naturalId() + "@" + r.version());
            }
            List<String> got = entry.getValue().stream().map(r -> r.naturalId() + "@" + r.version()).toList();
            assertThat(expected).as(table.name() + " has rows").isNotEmpty();
            assertThat(got).as(table.name() + " delivered once each").doesNotHaveDuplicates();
            assertThat(new HashSet<>(got)).as(table.name()).isEqualTo(expected);
            for (SourceRecord record : entry.getValue()) {
                assertThat(record.kind()).isEqualTo(table.name());
                String ocsf = normalizer.normalize(record.kind(), record.rawJson(),
                        new MappingContext(TENANT, record.kind(), Product.forKind(record.kind())));
                ValidationResult result = validator.validate(ocsf);
                assertThat(result.violations()).as(table.name() + " " + record.naturalId()).isEmpty();
            }
        }
    }

}
