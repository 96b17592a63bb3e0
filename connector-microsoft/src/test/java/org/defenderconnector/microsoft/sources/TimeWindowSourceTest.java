package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.HttpSettings;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.http.RateLimit;
import org.defenderconnector.microsoft.http.RequiredPermission;
import org.defenderconnector.microsoft.http.RetryPolicy;
import org.defenderconnector.microsoft.testserver.DeliveryLoop;
import org.defenderconnector.microsoft.testserver.Query;
import org.defenderconnector.microsoft.testserver.ScriptedCollection;
import org.defenderconnector.microsoft.testserver.SimulatedTime;
import org.defenderconnector.microsoft.testserver.TestCertificate;
import org.defenderconnector.microsoft.testserver.TestHttpsServer;
import org.defenderconnector.microsoft.testserver.TestToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowSourceTest {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final StreamId ID = new StreamId("contoso", "alerts");

    final SimulatedTime time = new SimulatedTime(T0);
    final List<String> skippedWindows = new CopyOnWriteArrayList<>();
    TestHttpsServer server;
    ScriptedCollection alerts;
    ApiClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    TimeWindowSource source(int pageSize, boolean nextLinks) throws Exception {
        return source(pageSize, nextLinks, pageSize);
    }

    TimeWindowSource source(int pageSize, boolean nextLinks, int serverMaxPage) throws Exception {
        server = new TestHttpsServer();
        alerts = new ScriptedCollection("id", "lastUpdateTime", serverMaxPage, nextLinks);
        server.route("/api/alerts", alerts);
        RateBudget budget = new RateBudget("contoso", Map.of(ApiFamily.MDE_REST, new RateLimit(1_000_000, 10_000_000)),
                Duration.ofMinutes(1), time, time);
        client = new ApiClient(TestCertificate.shared().clientContext(), HttpSettings.DEFAULT
                .withRetry(new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), 1, Duration.ofSeconds(1))),
                budget, time, time);
        CollectionSpec spec = new CollectionSpec("MDE alerts", "mde-alert", URI.create(server.baseUrl()), "/api/alerts",
                Map.of("$expand", "evidence"), List.of("id"), List.of("lastUpdateTime"), "lastUpdateTime", 10_000,
                ApiFamily.MDE_REST, RequiredPermission.mde("Alert.Read.All"), new TestToken());
        WindowSettings settings = new WindowSettings(pageSize, Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofSeconds(30), 2, Duration.ofSeconds(1), 50);
        return new TimeWindowSource(ID, new ODataWindowQuery(client, spec), spec, settings, time,
                (stream, start, end, error) -> skippedWindows.add(stream + " " + start + " " + end));
    }

    /** "id@version" of the current state of every record of the server. */
    Set<String> currentState() {
        Set<String> keys = new HashSet<>();
        for (ScriptedCollection.Item item : alerts.items()) {
            keys.add(item.id + "@" + item.time);
        }
        return keys;
    }

    @Test
    void manyRecordsAreReadInWindowsThatFitOnePageWithoutSkip() throws Exception {
        TimeWindowSource source = source(10, false);
        for (int i = 0; i < 57; i++) {
            alerts.add("a" + i, T0.minusSeconds(60L * 50).plusSeconds(i * 37L));
        }
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(100);
        assertThat(loop.deliveredKeys()).containsExactlyInAnyOrderElementsOf(currentState());
        assertThat(loop.repeatedUids()).isEmpty();
        assertThat(loop.batchSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(10));
        assertThat(server.requests("/api/alerts")).allSatisfy(uri -> {
            Map<String, String> q = Query.parse(uri.getRawQuery());
            assertThat(q).doesNotContainKey("$skip");
            assertThat(q).containsEntry("$expand", "evidence").containsEntry("$top", "10");
            assertThat(q.get("$filter")).matches("lastUpdateTime ge \\S+ and lastUpdateTime lt \\S+");
        });
        assertThat(loop.delivered()).allSatisfy(r -> assertThat(r.kind()).isEqualTo("mde-alert"));
    }

    @Test
    void oneTimestampHoldingMoreThanAPageIsPagedBySkip() throws Exception {
        TimeWindowSource source = source(5, false);
        Instant same = T0.minusSeconds(600);
        for (int i = 0; i < 23; i++) {
            alerts.add("s" + i, same);
        }
        alerts.add("before", same.minusNanos(100));
        alerts.add("after", same.plusNanos(100));
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(100);
        assertThat(loop.deliveredKeys()).containsExactlyInAnyOrderElementsOf(currentState());
        assertThat(loop.repeatedUids()).isEmpty();
        assertThat(server.requests("/api/alerts")).anySatisfy(uri ->
                assertThat(Query.parse(uri.getRawQuery())).containsEntry("$skip", "5"));
    }

    @Test
    void oneTimestampHoldingMoreThanAPageFollowsTheNextLink() throws Exception {
        TimeWindowSource source = source(5, true);
        Instant same = T0.minusSeconds(600);
        for (int i = 0; i < 12; i++) {
            alerts.add("n" + i, same);
        }
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(100);
        assertThat(loop.deliveredKeys()).containsExactlyInAnyOrderElementsOf(currentState());
        assertThat(loop.repeatedUids()).isEmpty();
    }

    @Test
    void aServerCappingPagesBelowTopIsStillReadCompletely() throws Exception {
        // The client asks $top=50 but the server answers 7 at most, with a next link.
        TimeWindowSource source = source(50, true, 7);
        for (int i = 0; i < 40; i++) {
            alerts.add("c" + i, T0.minusSeconds(1200).plusSeconds(i));
        }
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(200);
        assertThat(loop.deliveredKeys()).containsExactlyInAnyOrderElementsOf(currentState());
        assertThat(loop.repeatedUids()).isEmpty();
    }

    /** The hazard itself, shown with a plain $skip pager against the same server and the same update. */
    @Test
    void plainSkipPagingLosesARecordUpdatedBetweenPages() throws Exception {
        source(10, false);
        for (int i = 0; i < 30; i++) {
            alerts.add(String.format("r%02d", i), T0.minusSeconds(1800).plusSeconds(i));
        }
        alerts.beforeRequest(n -> {
            if (n == 2) {
                alerts.update("r03", T0);
            }
        });
        HttpClient http = HttpClient.newBuilder().sslContext(TestCertificate.shared().clientContext()).build();
        String filter = URLEncoder.encode("lastUpdateTime ge " + T0.minusSeconds(3600) + " and lastUpdateTime lt "
                + T0.minusSeconds(30), StandardCharsets.UTF_8);
        Set<String> read = new HashSet<>();
        for (int skip = 0; ; skip += 10) {
            String body = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/alerts?$filter=" + filter
                    + "&$top=10&$skip=" + skip)).build(), HttpResponse.BodyHandlers.ofString()).body();
            int before = read.size();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"(r\\d+)\"").matcher(body);
            while (m.find()) {
                read.add(m.group(1));
            }
            if (read.size() - before < 10) {
                break;
            }
        }
        assertThat(read).hasSize(29).doesNotContain("r10");
    }

    @Test
    void theSplittingCursorLosesNothingWhenARecordIsUpdatedBetweenRequests() throws Exception {
        TimeWindowSource source = source(10, false);
        for (int i = 0; i < 30; i++) {
            alerts.add(String.format("r%02d", i), T0.minusSeconds(1800).plusSeconds(i));
        }
        alerts.beforeRequest(n -> {
            if (n == 2) {
                alerts.update("r03", T0);
            }
            if (n == 4) {
                alerts.update("r17", T0.plusMillis(5));
            }
        });
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(100);
        time.advance(Duration.ofMinutes(1));
        loop.drain(100);
        // Every record in its latest state; nothing twice.
        assertThat(loop.deliveredKeys()).containsAll(currentState());
        assertThat(loop.repeatedUids()).isEmpty();
    }

    @Test
    void aRecordThatShiftsWhilePagingOneTimestampIsCaughtByTheSecondPass() throws Exception {
        TimeWindowSource source = source(5, false);
        Instant same = T0.minusSeconds(900);
        for (int i = 0; i < 12; i++) {
            alerts.add(String.format("s%02d", i), same);
        }
        List<Integer> pagedRequests = new ArrayList<>();
        alerts.beforeRequest(n -> {
            // Once the client pages with $skip, the first record of the first page is updated.
            List<ScriptedCollection.Window> windows = alerts.windows();
            if (!windows.isEmpty() && pagedRequests.isEmpty() && alerts.item("s00").time.equals(same)
                    && server.requests("/api/alerts").get(n - 1).getRawQuery().contains("skip=5")) {
                pagedRequests.add(n);
                alerts.update("s00", T0);
            }
        });
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(100);
        assertThat(pagedRequests).as("the update happened between pages").hasSize(1);
        Set<String> firstSweep = new HashSet<>(loop.deliveredKeys());
        for (int i = 1; i < 12; i++) {
            assertThat(firstSweep).contains(String.format("s%02d", i) + "@" + same);
        }
        time.advance(Duration.ofMinutes(1));
        loop.drain(100);
        assertThat(loop.deliveredKeys()).containsAll(currentState());
        assertThat(loop.repeatedUids()).isEmpty();
    }

    @Test
    void recordsSharingATimestampAtPollBoundariesAreNeitherLostNorRepeated() throws Exception {
        TimeWindowSource source = source(4, false);
        Instant sweepEnd = T0.minusSeconds(30);
        alerts.add("at-end-1", sweepEnd);          // belongs to the next sweep (lt end)
        alerts.add("at-end-2", sweepEnd);
        alerts.add("just-before", sweepEnd.minusNanos(100));
        for (int i = 0; i < 6; i++) {
            alerts.add("shared" + i, sweepEnd.minusSeconds(1));
        }
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(100);
        assertThat(loop.deliveredKeys()).extracting(k -> k.substring(0, k.indexOf('@')))
                .containsExactlyInAnyOrder("just-before", "shared0", "shared1", "shared2", "shared3", "shared4", "shared5");

        // Late arrival: a record whose timestamp is inside the region already read (within the overlap).
        alerts.add("late", sweepEnd.minusSeconds(90));
        alerts.add("shared6", sweepEnd.minusSeconds(1));
        time.advance(Duration.ofMinutes(1));
        alerts.add("next", T0.plusSeconds(10));
        loop.drain(100);

        assertThat(loop.deliveredKeys()).containsExactlyInAnyOrderElementsOf(currentState());
        assertThat(loop.repeatedUids()).isEmpty();
        // The position stays a small flat map.
        assertThat(loop.committed().values()).allSatisfy((k, v) -> assertThat(v).isInstanceOfAny(String.class, Number.class));
        assertThat(loop.committed().values().toString().length()).isLessThan(600);
    }

    @Test
    void aPollRepeatedAfterACrashReadsTheSameRecordsAgain() throws Exception {
        TimeWindowSource source = source(5, false);
        for (int i = 0; i < 12; i++) {
            alerts.add("x" + i, T0.minusSeconds(2000).plusSeconds(i * 60L));
        }
        DeliveryLoop loop = new DeliveryLoop(source);
        Batch first = loop.cycleWithoutCommit();
        Batch again = loop.cycle();
        assertThat(again.records()).extracting(SourceRecord::naturalId)
                .containsExactlyElementsOf(first.records().stream().map(SourceRecord::naturalId).toList());
        loop.drain(100);
        // Only the uncommitted batch was delivered twice; the uid makes the repeat harmless in the store.
        assertThat(new HashSet<>(loop.deliveredKeys())).containsExactlyInAnyOrderElementsOf(currentState());
        assertThat(loop.repeatedUids()).hasSize(first.records().size());
    }

    @Test
    void anUpdatedAlertYieldsANewVersion() throws Exception {
        TimeWindowSource source = source(100, false);
        alerts.add("da637472900382838869_1364969609", T0.minusSeconds(3000));
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(10);
        time.advance(Duration.ofMinutes(2));
        alerts.update("da637472900382838869_1364969609", T0.plusSeconds(30));
        loop.drain(10);
        assertThat(loop.delivered()).extracting(SourceRecord::naturalId)
                .containsExactly("da637472900382838869_1364969609", "da637472900382838869_1364969609");
        assertThat(loop.delivered()).extracting(SourceRecord::version).doesNotHaveDuplicates();
        assertThat(loop.delivered().get(1).time()).isEqualTo(T0.plusSeconds(30));
        assertThat(loop.delivered().get(1).rawJson()).contains("\"revision\":1");
    }

    @Test
    void aWindowThatAlwaysFailsIsSplitThenSkippedAndReportedAndCanBeReplayed() throws Exception {
        TimeWindowSource source = source(100, false);
        for (int i = 0; i < 58; i++) {
            alerts.add("m" + i, T0.minusSeconds(3540).plusSeconds(i * 60L));
        }
        Instant poison = alerts.item("m30").time;
        alerts.failWhen(w -> w.contains(poison));
        DeliveryLoop loop = new DeliveryLoop(source);
        int failures = 0;
        for (int i = 0; i < 400; i++) {
            try {
                if (!loop.cycle().more()) {
                    break;
                }
            } catch (SourceException e) {
                assertThat(e.retryable()).isTrue();
                failures++;
            }
        }
        assertThat(failures).isGreaterThan(2);
        assertThat(skippedWindows).hasSize(1);
        String[] parts = skippedWindows.get(0).split(" ");
        Instant start = Instant.parse(parts[1]);
        Instant end = Instant.parse(parts[2]);
        assertThat(poison).isBetween(start, end.minusNanos(1));
        assertThat(Duration.between(start, end)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        Set<String> expected = new HashSet<>(currentState());
        expected.remove("m30@" + poison);
        assertThat(loop.deliveredKeys()).containsExactlyInAnyOrderElementsOf(expected);

        // The fault is gone: the recorded window is replayed on its own cursor.
        alerts.failWhen(w -> false);
        List<SourceRecord> replayed = new ArrayList<>();
        Position replay = Position.START;
        for (int i = 0; i < 10; i++) {
            Batch batch = source.replay(start, end, replay);
            replayed.addAll(batch.records());
            replay = batch.next();
            if (!batch.more()) {
                break;
            }
        }
        assertThat(replayed).extracting(SourceRecord::naturalId).containsExactly("m30");
    }

    @Test
    void aWindowThatFailsFromTheFirstPollIsSplitAndSkippedWhileTheClockMoves() throws Exception {
        // Nothing is committed before the first success, so the first sweep must keep its start across
        // retries even though "now - backfill" moves with every poll.
        TimeWindowSource source = source(100, false);
        for (int i = 0; i < 58; i++) {
            alerts.add("f" + i, T0.minusSeconds(3540).plusSeconds(i * 60L));
        }
        Instant poison = alerts.item("f30").time;
        alerts.failWhen(w -> w.contains(poison));
        DeliveryLoop loop = new DeliveryLoop(source);
        for (int i = 0; i < 400 && skippedWindows.isEmpty(); i++) {
            time.advance(Duration.ofSeconds(2));
            try {
                loop.cycle();
            } catch (SourceException e) {
                assertThat(e.retryable()).isTrue();
            }
        }
        assertThat(skippedWindows).hasSize(1);
        loop.drain(400);
        Set<String> expected = new HashSet<>(currentState());
        expected.remove("f30@" + poison);
        assertThat(loop.deliveredKeys()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anOutageIsWaitedOutNotSkipped() throws Exception {
        TimeWindowSource source = source(100, false);
        for (int i = 0; i < 10; i++) {
            alerts.add("o" + i, T0.minusSeconds(3000).plusSeconds(i * 100L));
        }
        alerts.failWhen(w -> true);
        DeliveryLoop loop = new DeliveryLoop(source);
        for (int i = 0; i < 80; i++) {
            assertThatThrownBy(loop::cycle).isInstanceOfSatisfying(SourceException.class,
                    e -> assertThat(e.retryable()).isTrue());
        }
        assertThat(skippedWindows).isEmpty();
        alerts.failWhen(w -> false);
        loop.drain(100);
        assertThat(loop.deliveredKeys()).containsExactlyInAnyOrderElementsOf(currentState());
    }

    @Test
    void aQuietStreamCostsOneCallPerSweep() throws Exception {
        TimeWindowSource source = source(100, false);
        alerts.add("q1", T0.minusSeconds(100));
        DeliveryLoop loop = new DeliveryLoop(source);
        loop.drain(10);
        int before = alerts.requestCount();
        for (int i = 0; i < 5; i++) {
            time.advance(Duration.ofMinutes(1));
            loop.drain(10);
        }
        assertThat(alerts.requestCount() - before).isEqualTo(5);
        assertThat(loop.deliveredKeys()).containsExactly("q1@" + T0.minusSeconds(100));
    }

    @Test
    void aMissingPermissionStopsTheStreamWithTheFixAndSkipsNothing() throws Exception {
        TimeWindowSource source = source(100, false);
        alerts.add("p1", T0.minusSeconds(100));
        server.route("/api/alerts", ex -> ex.respond(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"The application"
                + " does not have any of the required application permissions (Alert.ReadWrite.All, Alert.Read.All) to access"
                + " the resource.\",\"target\":\"c0ffee00-0000-4000-8000-000000000000\"}}"));
        DeliveryLoop loop = new DeliveryLoop(source);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(loop::cycle).isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("Alert.ReadWrite.All, Alert.Read.All");
                assertThat(e.fix()).contains("Alert.Read.All").contains("Grant admin consent");
            });
        }
        assertThat(skippedWindows).isEmpty();
        // Consent granted: the stream resumes where it was, nothing lost.
        server.route("/api/alerts", alerts);
        loop.drain(10);
        assertThat(loop.deliveredKeys()).containsExactly("p1@" + T0.minusSeconds(100));
    }
}
