package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.HttpSettings;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.http.RetryPolicy;
import org.defenderconnector.microsoft.sources.ApiEndpoints;
import org.defenderconnector.microsoft.sources.ApiTokens;
import org.defenderconnector.microsoft.sources.ODataTime;
import org.defenderconnector.microsoft.testserver.DeliveryLoop;
import org.defenderconnector.microsoft.testserver.SimulatedTime;
import org.defenderconnector.microsoft.testserver.TestCertificate;
import org.defenderconnector.microsoft.testserver.TestHttpsServer;
import org.defenderconnector.microsoft.testserver.TestToken;
import org.defenderconnector.ocsf.hunting.HuntingKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The hunting source against a small HTTPS hunting service: splits, lag and overlap, restarts, quota, 429. */
class HuntingSourceTest {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final HuntingTable TABLE = HuntingTable.of("DeviceProcessEvents");

    final SimulatedTime time = new SimulatedTime(T0);
    final TestToken token = new TestToken();
    TestHttpsServer server;
    FakeHuntingService service;
    ApiClient client;
    HuntingSources sources;

    void start(HuntingQuotaLimits limits) throws Exception {
        server = new TestHttpsServer();
        service = new FakeHuntingService(server, time);
        client = new ApiClient(TestCertificate.shared().clientContext(),
                HttpSettings.DEFAULT.withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), 5,
                        Duration.ofSeconds(60))),
                new RateBudget("contoso", Map.of(), Duration.ofSeconds(65), time, time), time, time);
        sources = newSources(limits);
    }

    HuntingSources newSources(HuntingQuotaLimits limits) {
        return HuntingSources.builder("contoso").client(client).endpoints(ApiEndpoints.all(URI.create(server.baseUrl())))
                .tokens(new ApiTokens(token, token, token)).rowKey(HuntingKeys::of).quota(limits).clock(time).pause(time)
                .build();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** {@code count} rows from {@code first}, {@code step} apart; every fifth shares the previous row's Timestamp. */
    Set<String> addRows(Instant first, Duration step, int count, Duration ingestionDelay) {
        Set<String> keys = new HashSet<>();
        Instant t = first;
        for (int i = 0; i < count; i++) {
            if (i % 5 != 4) {
                t = first.plus(step.multipliedBy(i)).plusNanos(1234500);
            }
            var row = FakeHuntingService.processRow(t, 1000 + i, "dev-" + (i % 3));
            service.add(t, t.plus(ingestionDelay), row);
            keys.add(HuntingKeys.of(TABLE.name(), row));
        }
        return keys;
    }

    static Set<String> ids(List<SourceRecord> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.naturalId()));
        return ids;
    }

    @Test
    void aWindowHoldingMoreThanTheRowCapIsSplitAndFullyCollected() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        Set<String> expected = addRows(T0.minus(Duration.ofHours(3)), Duration.ofMillis(14_400), 250, Duration.ZERO);
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("rowCap", "40", "targetRows", "20",
                "backfill", "4h", "initialWindow", "4h")));
        DeliveryLoop loop = new DeliveryLoop(source);

        loop.drain(200);

        assertThat(loop.delivered()).hasSize(250);
        assertThat(ids(loop.delivered())).isEqualTo(expected);
        assertThat(loop.repeatedUids()).isEmpty();
        assertThat(loop.delivered()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo("DeviceProcessEvents");
            assertThat(r.rawJson()).contains("\"ReportId\"");
        });
        // The first window (all 4 hours) hit the cap and was split, never taken as complete.
        assertThat(service.answered().get(0).returned()).isEqualTo(40);
        assertThat(service.answered().get(1).to()).isBefore(service.answered().get(0).to());
        assertThat(service.answered()).anySatisfy(q -> assertThat(q.returned()).isBetween(1, 39));
    }

    @Test
    void theQueryIsTimeSlicedWithATimespanCoveringTheWindow() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        addRows(T0.minus(Duration.ofMinutes(20)), Duration.ofMinutes(1), 10, Duration.ZERO);
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("backfill", "1h")));

        Batch batch = source.poll(Position.START);

        assertThat(batch.records()).hasSize(10);
        FakeHuntingService.Seen query = service.queries().get(0);
        assertThat(query.path()).isEqualTo("/v1.0/security/runHuntingQuery");
        assertThat(query.kql()).isEqualTo("DeviceProcessEvents | where Timestamp >= datetime(2025-03-01T11:00:00Z)"
                + " and Timestamp < datetime(2025-03-01T11:55:00Z) | order by Timestamp asc | take 100000");
        assertThat(query.timespan()).isEqualTo("2025-03-01T11:00:00Z/2025-03-01T11:55:00Z");
        assertThat(batch.next().values()).containsOnlyKeys("from", "to", "span", "seen");
        assertThat(batch.next().string("to")).hasValue("2025-03-01T11:55:00Z");
    }

    @Test
    void anAnswerRefusedForItsSizeIsSplitAndFullyCollected() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        Set<String> expected = addRows(T0.minus(Duration.ofHours(2)), Duration.ofSeconds(20), 150, Duration.ZERO);
        service.refuseAboveRows = 30;
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("backfill", "3h", "initialWindow", "3h")));
        DeliveryLoop loop = new DeliveryLoop(source);

        loop.drain(200);

        assertThat(ids(loop.delivered())).isEqualTo(expected);
        assertThat(loop.repeatedUids()).isEmpty();
        assertThat(service.queries()).anySatisfy(q -> assertThat(q.status()).isEqualTo(400));
    }

    @Test
    void anAnswerLargerThanTheResponseLimitIsAbandonedAndSplit() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        Set<String> expected = addRows(T0.minus(Duration.ofHours(2)), Duration.ofSeconds(30), 100, Duration.ZERO);
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("backfill", "3h",
                "initialWindow", "3h", "maxResponseBytes", "6000")));
        DeliveryLoop loop = new DeliveryLoop(source);

        loop.drain(300);

        assertThat(ids(loop.delivered())).isEqualTo(expected);
        assertThat(loop.repeatedUids()).isEmpty();
        assertThat(service.answered().get(0).returned()).isEqualTo(100); // sent whole, abandoned by the client
        assertThat(service.answered().size()).isGreaterThan(3);
    }

    @Test
    void lateRowsArePickedUpByTheOverlapAndNothingIsDeliveredTwice() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        Set<String> expected = new HashSet<>();
        for (int k = 0; k < 180; k++) {
            Instant t = T0.plusSeconds(20L * k).plusNanos(700);
            var row = FakeHuntingService.processRow(t, 5000 + k, "dev-" + (k % 4));
            // Every third row is ingested 9 minutes late: later than the 5-minute lag.
            service.add(t, t.plus(k % 3 == 0 ? Duration.ofMinutes(9) : Duration.ofSeconds(30)), row);
            expected.add(HuntingKeys.of(TABLE.name(), row));
        }
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("lag", "5m", "overlap", "10m",
                "backfill", "10m")));
        DeliveryLoop loop = new DeliveryLoop(source);

        for (int step = 0; step <= 20; step++) {
            time.set(T0.plus(Duration.ofMinutes(5L * step)));
            loop.drain(50);
        }

        assertThat(ids(loop.delivered())).isEqualTo(expected);
        assertThat(loop.delivered()).hasSize(180);
        assertThat(loop.repeatedUids()).isEmpty();
        // Sweeps overlap: a sweep starts 10 minutes before the previous one ended.
        List<FakeHuntingService.Seen> answered = service.answered();
        assertThat(answered).anySatisfy(q -> assertThat(answered.stream().anyMatch(p -> p.to().isAfter(q.from())
                && p.from().isBefore(q.from()) && p.at().isBefore(q.at()))).isTrue());
        // Never a query reaching into the last 5 minutes.
        assertThat(answered).allSatisfy(q -> assertThat(q.to()).isBeforeOrEqualTo(q.at().minus(Duration.ofMinutes(5))));
    }

    @Test
    void aRestartResumesFromTheCommittedPositionWithoutRepeatsOrGaps() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        Set<String> expected = new HashSet<>();
        for (int k = 0; k < 120; k++) {
            Instant t = T0.plusSeconds(30L * k);
            var row = FakeHuntingService.processRow(t, 7000 + k, "dev-" + (k % 2));
            service.add(t, t.plus(k % 4 == 0 ? Duration.ofMinutes(8) : Duration.ZERO), row);
            expected.add(HuntingKeys.of(TABLE.name(), row));
        }
        HuntingOptions options = HuntingOptions.fromMap(Map.of("backfill", "10m", "rowCap", "25", "targetRows", "10"));
        DeliveryLoop first = new DeliveryLoop(sources.create(TABLE, options));
        for (int step = 0; step <= 8; step++) {
            time.set(T0.plus(Duration.ofMinutes(5L * step)));
            first.drain(100);
        }
        Position committed = first.committed();

        // A new process: new sources, same committed position.
        DeliveryLoop second = new DeliveryLoop(newSources(HuntingQuotaLimits.DOCUMENTED).create(TABLE, options));
        second.commit(committed);
        for (int step = 9; step <= 16; step++) {
            time.set(T0.plus(Duration.ofMinutes(5L * step)));
            second.drain(100);
        }

        Set<String> all = new HashSet<>(ids(first.delivered()));
        assertThat(ids(second.delivered())).doesNotContainAnyElementsOf(all);
        all.addAll(ids(second.delivered()));
        assertThat(all).isEqualTo(expected);
        assertThat(first.delivered().size() + second.delivered().size()).isEqualTo(120);
    }

    @Test
    void aBatchWhosePositionWasNotCommittedIsReadAgainWithTheSameIdentities() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        addRows(T0.minus(Duration.ofMinutes(40)), Duration.ofMinutes(1), 30, Duration.ZERO);
        DeliveryLoop loop = new DeliveryLoop(sources.create(TABLE, HuntingOptions.fromMap(Map.of("backfill", "1h"))));

        Batch lost = loop.cycleWithoutCommit();
        Batch again = loop.cycle();

        assertThat(again.records()).isEqualTo(lost.records());
        assertThat(loop.repeatedUids()).hasSize(30); // the sink's uid upsert drops them
        assertThat(loop.cycle().records()).isEmpty();
    }

    @Test
    void anExhaustedServiceQuotaSlowsCollectionDownAndNothingIsLost() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        Set<String> expected = addRows(T0.minus(Duration.ofHours(3)), Duration.ofSeconds(30), 300, Duration.ZERO);
        service.cpuPerCycle = 2.0;
        service.secondsPerQuery = 0.5;
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("rowCap", "30", "targetRows", "15",
                "backfill", "4h", "initialWindow", "20m")));
        DeliveryLoop loop = new DeliveryLoop(source);

        for (int i = 0; i < 400 && loop.delivered().size() < 300; i++) {
            Batch batch = loop.cycle(); // never throws: the quota is waited for, not failed on
            if (!batch.more()) {
                time.advance(Duration.ofMinutes(1)); // the engine's interval
            }
        }

        assertThat(ids(loop.delivered())).isEqualTo(expected);
        assertThat(loop.repeatedUids()).isEmpty();
        List<FakeHuntingService.Seen> queries = service.queries();
        assertThat(queries).anySatisfy(q -> assertThat(q.status()).isEqualTo(429));
        for (int i = 0; i < queries.size() - 1; i++) {
            if (queries.get(i).status() == 429) {
                // After a 429 the next query waits for the start of the next 15-minute cycle.
                Instant reset = Instant.ofEpochSecond((queries.get(i).at().getEpochSecond() / 900 + 1) * 900);
                assertThat(queries.get(i + 1).at()).isAfterOrEqualTo(reset);
            }
        }
    }

    @Test
    void theConnectorsOwnRunningTimeBudgetKeepsQueriesUnderTheQuotaBeforeAny429() throws Exception {
        start(new HuntingQuotaLimits(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(3),
                Duration.ofSeconds(30)));
        Set<String> expected = addRows(T0.minus(Duration.ofHours(3)), Duration.ofSeconds(30), 300, Duration.ZERO);
        service.cpuPerCycle = 2.0;
        service.secondsPerQuery = 0.5; // reported by XDR in Stats.ExecutionTime
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("api", "xdr", "rowCap", "30",
                "targetRows", "15", "backfill", "4h", "initialWindow", "20m")));
        DeliveryLoop loop = new DeliveryLoop(source);

        for (int i = 0; i < 400 && loop.delivered().size() < 300; i++) {
            if (!loop.cycle().more()) {
                time.advance(Duration.ofMinutes(1));
            }
        }

        assertThat(ids(loop.delivered())).isEqualTo(expected);
        assertThat(service.queries()).allSatisfy(q -> {
            assertThat(q.status()).isEqualTo(200);
            assertThat(q.path()).isEqualTo("/api/advancedhunting/run");
        });
        Map<Long, Long> perCycle = new java.util.TreeMap<>();
        service.queries().forEach(q -> perCycle.merge(q.at().getEpochSecond() / 900, 1L, Long::sum));
        assertThat(perCycle.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4L));
        assertThat(perCycle).hasSizeGreaterThan(1);
    }

    @Test
    void aShortRetryAfterIsWaitedInPlace() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        addRows(T0.minus(Duration.ofMinutes(40)), Duration.ofMinutes(1), 10, Duration.ZERO);
        service.script(429, Map.of("Retry-After", "7"), "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}");
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("backfill", "1h")));

        Batch batch = source.poll(Position.START);

        assertThat(batch.records()).hasSize(10);
        assertThat(time.pauses()).contains(Duration.ofSeconds(7));
        assertThat(service.queries().get(1).at()).isAfterOrEqualTo(T0.plusSeconds(7));
    }

    @Test
    void aLongRetryAfterEndsThePollWithoutErrorAndNoQueryRunsBeforeIt() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        addRows(T0.minus(Duration.ofMinutes(40)), Duration.ofMinutes(1), 10, Duration.ZERO);
        service.script(429, Map.of("Retry-After", "600"), "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"quota\"}}");
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("backfill", "1h")));

        Batch throttled = source.poll(Position.START);
        time.advance(Duration.ofMinutes(5));
        Batch stillWaiting = source.poll(throttled.next());
        time.advance(Duration.ofMinutes(6));
        Batch resumed = source.poll(stillWaiting.next());

        assertThat(throttled.records()).isEmpty();
        assertThat(throttled.more()).isFalse();
        assertThat(stillWaiting.records()).isEmpty();
        assertThat(resumed.records()).hasSize(10);
        assertThat(service.queries()).hasSize(2);
        assertThat(service.queries().get(1).at()).isAfterOrEqualTo(T0.plusSeconds(600));
    }

    @Test
    void aResetTimeInThe429BodyIsHonouredWithoutRetryAfter() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        addRows(T0.minus(Duration.ofMinutes(40)), Duration.ofMinutes(1), 10, Duration.ZERO);
        Instant reset = T0.plus(Duration.ofMinutes(20));
        for (int i = 0; i < 6; i++) { // more than the client retries in place
            service.script(429, Map.of(), "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Running time quota"
                    + " reached. The quota resets at " + reset + ".\",\"target\":\"c\"}}");
        }
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("backfill", "1h")));

        Batch throttled = source.poll(Position.START);
        time.set(reset.minusSeconds(60));
        Batch early = source.poll(throttled.next());
        time.set(reset);
        Batch resumed = source.poll(early.next());

        assertThat(throttled.records()).isEmpty();
        assertThat(early.records()).isEmpty();
        assertThat(resumed.records()).hasSize(10);
        assertThat(service.queries()).hasSize(7);
        assertThat(service.queries().get(6).at()).isAfterOrEqualTo(reset);
    }

    @Test
    void legacyMdeApiIsAskedWithoutTimespanAndItsSchemaResultsShapeIsRead() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        Set<String> expected = addRows(T0.minus(Duration.ofMinutes(40)), Duration.ofMinutes(1), 12, Duration.ZERO);
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("api", "mde", "backfill", "1h")));

        Batch batch = source.poll(Position.START);

        assertThat(ids(batch.records())).isEqualTo(expected);
        assertThat(service.queries().get(0).path()).isEqualTo("/api/advancedqueries/run");
        assertThat(service.queries().get(0).timespan()).isNull();
        JsonNode raw = FakeHuntingService.JSON.readTree(batch.records().get(0).rawJson());
        assertThat(raw.get("ReportId").asLong()).isEqualTo(1000);
        assertThat(batch.records().get(0).time()).isEqualTo(ODataTime.parse(raw.get("Timestamp").asText()));
    }

    @Test
    void aTableTheTenantDoesNotHaveFailsWithTheFix() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        HuntingSource source = sources.create(HuntingTable.of("EmailEvents"), HuntingOptions.defaults());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.poll(Position.START))
                .isInstanceOf(org.defenderconnector.api.SourceException.class)
                .hasMessageContaining("Failed to resolve table")
                .satisfies(e -> {
                    assertThat(((org.defenderconnector.api.SourceException) e).retryable()).isFalse();
                    assertThat(((org.defenderconnector.api.SourceException) e).fix()).contains("defender-connector hunt");
                });
    }

    @Test
    void serverErrorsAreRetriedByLaterPollsThenTheWindowIsHalvedAndNothingIsSkipped() throws Exception {
        start(HuntingQuotaLimits.DOCUMENTED);
        Set<String> expected = addRows(T0.minus(Duration.ofMinutes(50)), Duration.ofMinutes(1), 20, Duration.ZERO);
        for (int i = 0; i < 6; i++) { // two polls' worth of 3 attempts each
            service.script(500, Map.of(), "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}");
        }
        HuntingSource source = sources.create(TABLE, HuntingOptions.fromMap(Map.of("backfill", "1h")));
        DeliveryLoop loop = new DeliveryLoop(source);

        for (int i = 0; i < 2; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(loop::cycle)
                    .isInstanceOf(org.defenderconnector.api.SourceException.class)
                    .satisfies(e -> assertThat(((org.defenderconnector.api.SourceException) e).retryable()).isTrue());
        }
        loop.drain(20);

        assertThat(ids(loop.delivered())).isEqualTo(expected);
        FakeHuntingService.Seen firstAnswered = service.answered().get(0);
        assertThat(Duration.between(firstAnswered.from(), firstAnswered.to())).isEqualTo(Duration.ofSeconds(55 * 30));
    }
}
