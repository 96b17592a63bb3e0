package org.defenderconnector.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.MTP;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.limits.RateLimitSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** $filter, $top, $skip, $expand, $count and @odata.nextLink as the docs describe them, against generated data. */
class ODataTest {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static DataEmulator emu;

    @BeforeAll
    static void start() {
        emu = DataEmulator.start(new DataSettings(11L, 30, 10, 2, 2, false, 5, 8_500, 30, 10, 30, 0, 0),
                config -> config.withLimits(new RateLimitSettings(false, null)));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void filterOnLastUpdateTimeReturnsExactlyTheMatchingAlerts() {
        List<JsonNode> allAlerts = allAlerts();
        Instant cutoff = Instant.parse(allAlerts.get(allAlerts.size() / 2).get("lastUpdateTime").asText());

        List<JsonNode> page = values(get(WDATP, "/api/alerts", "lastUpdateTime ge " + cutoff, "$top=10000"));

        assertThat(ids(page)).isEqualTo(ids(filter(allAlerts,
                alert -> !Instant.parse(alert.get("lastUpdateTime").asText()).isBefore(cutoff))));
        assertThat(page).isNotEmpty();
    }

    @Test
    void sevenDigitDatetimeLiteralsCompareAtFullPrecision() {
        List<JsonNode> allAlerts = allAlerts();
        JsonNode alert = allAlerts.get(3);
        String exact = alert.get("alertCreationTime").asText();

        List<JsonNode> same = values(get(WDATP, "/api/alerts", "alertCreationTime eq " + exact, "$top=10000"));
        List<JsonNode> after = values(get(WDATP, "/api/alerts", "alertCreationTime gt " + exact, "$top=10000"));

        assertThat(ids(same)).contains(alert.get("id").asText());
        assertThat(ids(after)).doesNotContain(alert.get("id").asText());
    }

    @Test
    void filtersCombineWithAndAndMatchEnumsCaseInsensitively() {
        List<JsonNode> allAlerts = allAlerts();
        List<JsonNode> page = values(get(WDATP, "/api/alerts", "Severity eq 'high' and status ne 'Resolved'",
                "$top=10000"));

        assertThat(ids(page)).isEqualTo(ids(filter(allAlerts, alert -> alert.get("severity").asText().equals("High")
                && !alert.get("status").asText().equals("Resolved"))));
        assertThat(page).isNotEmpty();
    }

    @Test
    void machineFiltersSupportStartswithCollectionsNumbersAndDates() {
        List<JsonNode> machines = values(emu.get(WDATP, "/api/machines"));

        List<JsonNode> servers = values(get(WDATP, "/api/machines", "startswith(computerDnsName,'SRV-')", null));
        List<JsonNode> vip = values(get(WDATP, "/api/machines", "machineTags/any(tag: tag eq 'VIP')", null));
        List<JsonNode> group = values(get(WDATP, "/api/machines", "rbacGroupId eq 101", null));
        List<JsonNode> seen = values(get(WDATP, "/api/machines", "lastSeen gt 2018-08-01Z", null));

        assertThat(ids(servers)).isEqualTo(ids(filter(machines, m -> m.get("computerDnsName").asText()
                .startsWith("srv-"))));
        assertThat(ids(vip)).isEqualTo(ids(filter(machines, m -> m.get("machineTags").toString().contains("\"VIP\""))));
        assertThat(ids(group)).isEqualTo(ids(filter(machines, m -> m.get("rbacGroupId").asInt() == 101)));
        assertThat(ids(seen)).isEqualTo(ids(machines));
    }

    @Test
    void anUnsupportedPropertyIs400ODataErrorOnMdeAndBadRequestOnGraph() {
        EmulatorClient.Response mde = get(WDATP, "/api/alerts", "title eq 'x'", null);
        EmulatorClient.Response graph = get(GRAPH, "/v1.0/security/alerts_v2", "title eq 'x'", null);

        assertThat(mde.status()).isEqualTo(400);
        assertThat(mde.json().get("error").get("code").asText()).isEqualTo("ODataError");
        assertThat(mde.json().get("error").get("message").asText()).contains("'title'").contains("lastUpdateTime");
        assertThat(mde.json().get("error").get("target").asText()).matches(GUID);
        assertThat(graph.status()).isEqualTo(400);
        assertThat(graph.json().get("error").get("code").asText()).isEqualTo("BadRequest");
        assertThat(graph.json().get("error").get("innerError").get("request-id").asText()).matches(GUID);
    }

    @Test
    void undocumentedOperatorsFunctionsLiteralsAndOptionsAre400() {
        List<String> filters = List.of("severity eq 'High' or severity eq 'Low'", "contains(title,'x')",
                "lastUpdateTime ge '2025-03-01T00:00:00Z'", "severity eq High", "lastUpdateTime ge",
                "severity has 'High'", "not (severity eq 'High')", "severity eq \"High\"");
        for (String filter : filters) {
            EmulatorClient.Response response = get(WDATP, "/api/alerts", filter, null);
            assertThat(response.status()).as(filter).isEqualTo(400);
            assertThat(response.json().get("error").get("code").asText()).as(filter).isEqualTo("ODataError");
        }
        assertThat(emu.get(WDATP, "/api/alerts?$orderby=lastUpdateTime").status()).isEqualTo(400);
        assertThat(emu.get(WDATP, "/api/alerts?$select=id").status()).isEqualTo(400);
        assertThat(emu.get(WDATP, "/api/alerts?$top=-1").status()).isEqualTo(400);
        assertThat(emu.get(WDATP, "/api/alerts?$count=true").status()).isEqualTo(400);
        assertThat(emu.get(WDATP, "/api/machines?$expand=evidence").status()).isEqualTo(400);
    }

    @Test
    void graphAcceptsOrAndCountsMatches() {
        EmulatorClient.Response response = get(GRAPH, "/v1.0/security/alerts_v2",
                "severity eq 'high' or severity eq 'low'", "$count=true&$top=5");

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> all = values(emu.get(GRAPH, "/v1.0/security/alerts_v2?$top=2000"));
        long expected = all.stream().filter(a -> a.get("severity").asText().matches("high|low")).count();
        assertThat(response.json().get("@odata.count").asLong()).isEqualTo(expected);
        assertThat(values(response)).hasSize(5);
    }

    @Test
    void topIsCappedAtTheDocumentedMaximum() {
        EmulatorClient.Response vulnerabilities = emu.get(WDATP, "/api/vulnerabilities?$top=9000");
        EmulatorClient.Response incidents = emu.get(MTP, "/api/incidents?$top=500");

        assertThat(values(vulnerabilities)).hasSize(8_000);
        assertThat(vulnerabilities.json().get("@odata.nextLink").asText()).contains("$top=8000").contains("$skip=8000");
        assertThat(values(incidents)).hasSize(100);
        assertThat(values(emu.get(WDATP, "/api/vulnerabilities"))).hasSize(8_000);
    }

    @Test
    void skipReturnsTheRestOfTheSameOrder() {
        List<JsonNode> allAlerts = allAlerts();
        List<JsonNode> skipped = values(emu.get(WDATP, "/api/alerts?$top=10000&$skip=25"));

        assertThat(ids(skipped)).isEqualTo(ids(allAlerts.subList(25, allAlerts.size())));
    }

    @Test
    void mdeOrderIsStableButNotByTime() {
        List<JsonNode> allAlerts = allAlerts();
        List<String> times = allAlerts.stream().map(a -> a.get("alertCreationTime").asText()).toList();

        assertThat(ids(values(emu.get(WDATP, "/api/alerts?$top=10000")))).isEqualTo(ids(allAlerts));
        assertThat(times).isNotEqualTo(times.stream().sorted().toList());
        assertThat(times).isNotEqualTo(times.stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void followingNextLinksCoversEveryRecordExactlyOnce() {
        List<JsonNode> allAlerts = allAlerts();
        assertThat(ids(follow(WDATP, "/api/alerts?$top=37&$filter=" + encode("severity ne 'Informational'"))))
                .isEqualTo(ids(filter(allAlerts, a -> !a.get("severity").asText().equals("Informational"))));
        assertThat(ids(follow(WDATP, "/api/machines?$top=7"))).hasSize(30).doesNotHaveDuplicates();
        assertThat(follow(MTP, "/api/incidents?$top=10").stream().map(i -> i.get("incidentId").asText()).toList())
                .doesNotHaveDuplicates().hasSize(emu.emulator.admin().data(CONTOSO).incidents().size());
        assertThat(follow(GRAPH, "/v1.0/security/alerts_v2?$top=50").stream().map(a -> a.get("id").asText()).toList())
                .hasSize(emu.emulator.admin().data(CONTOSO).alerts().size()).doesNotHaveDuplicates();
    }

    @Test
    void alertsSharingATimestampAcrossAPageBoundaryAreEachServedOnce() {
        Instant shared = Instant.parse("2025-03-04T09:00:00.1234567Z");
        List<String> added = emu.emulator.admin().data(CONTOSO).addAlertsWithSameTimestamp(5, shared);

        List<JsonNode> pages = follow(WDATP, "/api/alerts?$top=3&$filter=" + encode("lastUpdateTime ge " + shared));

        assertThat(ids(pages)).containsAll(added).doesNotHaveDuplicates();
        assertThat(filter(pages, a -> a.get("lastUpdateTime").asText().equals("2025-03-04T09:00:00.1234567Z")))
                .hasSize(5);
    }

    @Test
    void aRecordChangingBetweenPagesShiftsTheRestAsOnTheRealService() {
        String filter = "status eq 'New' and severity eq 'Low'";
        List<JsonNode> before = values(get(WDATP, "/api/alerts", filter, "$top=1000"));
        assertThat(before.size()).isGreaterThan(6);
        List<JsonNode> firstPage = values(get(WDATP, "/api/alerts", filter, "$top=3"));

        emu.emulator.admin().data(CONTOSO).updateAlert(firstPage.get(0).get("id").asText(), "Resolved");
        List<JsonNode> secondPage = values(get(WDATP, "/api/alerts", filter, "$top=3&$skip=3"));

        // The record that was fourth is now third, on the page already read: a $skip-paging client misses it.
        assertThat(secondPage.get(0).get("id").asText()).isEqualTo(before.get(4).get("id").asText());
    }

    @Test
    void evidenceOnlyWithExpand() {
        List<JsonNode> allAlerts = allAlerts();
        String id = allAlerts.get(0).get("id").asText();
        JsonNode plain = find(values(emu.get(WDATP, "/api/alerts?$top=10000")), id);
        JsonNode expanded = find(values(emu.get(WDATP, "/api/alerts?$top=10000&$expand=evidence")), id);

        assertThat(plain.get("evidence")).isEmpty();
        assertThat(expanded.get("evidence")).isNotEmpty();
        assertThat(expanded.get("evidence").get(0).has("entityType")).isTrue();
    }

    @Test
    void graphIncidentsExpandAlertsAndComeNewestFirst() {
        List<JsonNode> plain = values(emu.get(GRAPH, "/v1.0/security/incidents"));
        List<JsonNode> expanded = values(emu.get(GRAPH, "/v1.0/security/incidents?$expand=alerts"));

        assertThat(plain).hasSize(50);
        assertThat(plain).allSatisfy(incident -> assertThat(incident.has("alerts")).isFalse());
        assertThat(expanded).allSatisfy(incident -> assertThat(incident.get("alerts")).isNotEmpty());
        List<String> created = plain.stream().map(i -> i.get("createdDateTime").asText()).toList();
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void machinesAnswer404WhenNothingMatchesAndAnEmptyPagePastTheEnd() {
        EmulatorClient.Response none = get(WDATP, "/api/machines", "computerDnsName eq 'nope.contoso.com'", null);
        EmulatorClient.Response past = emu.get(WDATP, "/api/machines?$skip=1000");

        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("error").get("code").asText()).isEqualTo("ResourceNotFound");
        assertThat(past.status()).isEqualTo(200);
        assertThat(values(past)).isEmpty();
    }

    @Test
    void machineAlertCountIsABareNumber() {
        List<JsonNode> allAlerts = allAlerts();
        String machineId = allAlerts.get(0).get("machineId").asText();
        long expected = allAlerts.stream().filter(a -> a.get("machineId").asText().equals(machineId))
                .filter(a -> !a.get("status").asText().equals("Resolved")).count();

        EmulatorClient.Response count = get(WDATP, "/api/machines/" + machineId + "/alerts/$count",
                "status ne 'Resolved'", null);

        assertThat(count.status()).isEqualTo(200);
        assertThat(count.body().trim()).isEqualTo(Long.toString(expected));
    }

    /** Every MDE alert as served now (tests that add or change alerts run in the same emulator). */
    private static List<JsonNode> allAlerts() {
        return values(emu.get(WDATP, "/api/alerts?$top=10000"));
    }

    private static EmulatorClient.Response get(String resource, String path, String filter, String more) {
        StringBuilder url = new StringBuilder(path).append('?');
        if (filter != null) {
            url.append("$filter=").append(encode(filter));
        }
        if (more != null) {
            url.append(filter == null ? "" : "&").append(more);
        }
        return emu.get(resource, url.toString());
    }

    private static List<JsonNode> follow(String resource, String first) {
        List<JsonNode> all = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            EmulatorClient.Response response = emu.get(resource, next);
            assertThat(response.status()).as(next).isEqualTo(200);
            all.addAll(values(response));
            JsonNode link = response.json().get("@odata.nextLink");
            next = link == null ? null : link.asText().substring(emu.emulator.baseUrl().length());
            assertThat(++pages).isLessThan(1_000);
        }
        return all;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> values(EmulatorClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().get("value").forEach(list::add);
        return list;
    }

    private static List<JsonNode> filter(List<JsonNode> records, Predicate<JsonNode> keep) {
        return records.stream().filter(keep).toList();
    }

    private static List<String> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.get("id").asText()).toList();
    }

    private static JsonNode find(List<JsonNode> records, String id) {
        return records.stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

}
