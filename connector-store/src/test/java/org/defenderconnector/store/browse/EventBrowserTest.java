package org.defenderconnector.store.browse;

import org.defenderconnector.api.Event;
import org.defenderconnector.api.EventUid;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBrowserTest {
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private EventStore store;
    private EventBrowser browser;

    /** 1,200 events: two tenants, two streams, one event per second; every 100th on host "web-01". */
    @BeforeEach
    void fill() {
        store = EventStore.open(dir.resolve("events.db"));
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String tenant = i % 2 == 0 ? "contoso" : "fabrikam";
            String stream = i % 3 == 0 ? "alerts" : "machines";
            int classUid = stream.equals("alerts") ? 2004 : 5001;
            int severity = 1 + i % 5;
            String host = i % 100 == 0 ? "WEB-01.contoso.local" : "pc-" + i;
            String id = "id-" + i;
            String ocsf = "{\"class_uid\":" + classUid + ",\"severity_id\":" + severity + ",\"device\":{\"hostname\":\""
                    + host + "\",\"uid\":\"dev-" + i + "\"},\"finding_info\":{\"title\":\"Title " + i + "\"}}";
            String raw = "{\"id\":\"" + id + "\",\"note\":\"" + (i == 7 ? "needle 50% here" : "hay") + "\"}";
            events.add(new Event(EventUid.of(tenant, stream, id, "1"), tenant, stream, "kind", id,
                    BASE.plusSeconds(i), raw, ocsf));
        }
        store.write(events);
        browser = EventBrowser.open(dir.resolve("events.db"), 2, 300);
    }

    @AfterEach
    void close() {
        browser.close();
        store.close();
    }

    private List<EventSummary> all(EventFilter filter, int pageSize) {
        List<EventSummary> seen = new ArrayList<>();
        PageCursor cursor = null;
        do {
            EventPage page = browser.page(filter, cursor, pageSize);
            seen.addAll(page.events());
            cursor = page.next();
        } while (cursor != null);
        return seen;
    }

    @Test
    void keysetPagesCoverEveryEventOnceNewestFirst() {
        List<EventSummary> seen = all(EventFilter.ALL, 97);
        assertThat(seen).hasSize(1200);
        assertThat(new HashSet<>(seen.stream().map(EventSummary::uid).toList())).hasSize(1200);
        assertThat(seen.get(0).naturalId()).isEqualTo("id-1199");
        assertThat(seen.get(1199).naturalId()).isEqualTo("id-0");
        assertThat(seen.get(0).title()).isEqualTo("Title 1199");
        assertThat(seen.get(0).classUid()).isEqualTo(5001);
    }

    @Test
    void filtersNarrowTheResult() {
        EventFilter alertsOfContoso = new EventFilter(null, null, "contoso", "alerts", null, Set.of(), null, null);
        assertThat(all(alertsOfContoso, 50)).hasSize(200)
                .allSatisfy(e -> assertThat(e.tenant() + "/" + e.stream()).isEqualTo("contoso/alerts"));

        EventFilter machinesClass = new EventFilter(null, null, null, null, 5001, Set.of(), null, null);
        assertThat(all(machinesClass, 200)).hasSize(800);

        EventFilter severe = new EventFilter(null, null, "fabrikam", null, null, Set.of(4, 5), null, null);
        assertThat(all(severe, 100)).hasSize(240).allSatisfy(e -> assertThat(e.severityId()).isIn(4, 5));

        EventFilter window = new EventFilter(BASE.plusSeconds(100), BASE.plusSeconds(110), null, null, null, Set.of(),
                null, null);
        assertThat(all(window, 3)).extracting(EventSummary::naturalId).hasSize(10).first().isEqualTo("id-109");

        EventFilter device = new EventFilter(null, null, null, null, null, Set.of(), "web-01", null);
        assertThat(all(device, 5)).hasSize(12).allSatisfy(e -> assertThat(e.device()).isEqualTo("WEB-01.contoso.local"));

        EventFilter deviceUid = new EventFilter(null, null, null, null, null, Set.of(), "dev-42", null);
        assertThat(all(deviceUid, 5)).singleElement().extracting(EventSummary::naturalId).isEqualTo("id-42");

        // LIKE wildcards in the text are taken literally.
        EventFilter text = new EventFilter(null, null, null, null, null, Set.of(), null, "NEEDLE 50%");
        assertThat(all(text, 10)).singleElement().extracting(EventSummary::naturalId).isEqualTo("id-7");
        assertThat(all(new EventFilter(null, null, null, null, null, Set.of(), null, "needle_50"), 10)).isEmpty();
    }

    @Test
    void aRareMatchIsReachedThroughBoundedScansThatSayTheyAreIncomplete() {
        EventFilter text = new EventFilter(null, null, null, null, null, Set.of(), null, "needle");
        EventPage first = browser.page(text, null, 10);
        assertThat(first.events()).isEmpty();
        assertThat(first.complete()).isFalse();
        assertThat(first.scanned()).isEqualTo(300);
        assertThat(first.next()).isNotNull();
        List<EventSummary> found = new ArrayList<>();
        PageCursor cursor = first.next();
        int pages = 1;
        while (cursor != null) {
            EventPage page = browser.page(text, cursor, 10);
            found.addAll(page.events());
            cursor = page.next();
            pages++;
        }
        assertThat(found).extracting(EventSummary::naturalId).containsExactly("id-7");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void everyPageQuerySeeksAnIndexAndNeverSorts() {
        PageCursor cursor = new PageCursor(BASE.plusSeconds(500).toEpochMilli(), "ffff");
        List<EventFilter> filters = List.of(EventFilter.ALL,
                new EventFilter(BASE, BASE.plusSeconds(60), null, null, null, Set.of(), null, null),
                new EventFilter(null, null, "contoso", "alerts", 2004, Set.of(3), "web", "x"),
                new EventFilter(null, null, "contoso", null, null, Set.of(), null, null),
                new EventFilter(null, null, null, "alerts", null, Set.of(), null, null),
                new EventFilter(null, null, null, null, 2004, Set.of(1, 2), null, null));
        for (EventFilter filter : filters) {
            List<String> plan = browser.plan(filter, cursor, 51);
            assertThat(plan).as("plan for %s", filter).noneMatch(line -> line.contains("TEMP B-TREE"))
                    .anyMatch(line -> line.contains("USING INDEX events_browse_") || line.contains("USING COVERING INDEX events_browse_"));
            assertThat(String.join(" ", plan)).as("plan for %s", filter).contains("<");
        }
    }

    @Test
    void exportStreamsEveryMatchInChunks() throws Exception {
        List<StoredEvent> exported = new ArrayList<>();
        long count = browser.export(new EventFilter(null, null, "contoso", null, null, Set.of(), null, null),
                Long.MAX_VALUE, exported::add);
        assertThat(count).isEqualTo(600);
        assertThat(exported).hasSize(600).allSatisfy(e -> assertThat(e.rawJson()).startsWith("{\"id\""));
        assertThat(browser.export(EventFilter.ALL, 1500, e -> { })).isEqualTo(1200);
        assertThat(browser.export(EventFilter.ALL, 10, e -> { })).isEqualTo(10);
    }

    @Test
    void oneEventAndPerStreamFacts() {
        EventSummary newest = browser.page(EventFilter.ALL, null, 1).events().get(0);
        StoredEvent event = browser.event(newest.uid()).orElseThrow();
        assertThat(event.ocsfJson()).contains("\"class_uid\":5001");
        assertThat(browser.event("nope")).isEmpty();
        assertThat(browser.countPerStream("contoso")).containsEntry("alerts", 200L).containsEntry("machines", 400L);
        assertThat(browser.newestPerStream("fabrikam")).containsEntry("machines", BASE.plusSeconds(1199));
        assertThat(browser.isHealthy()).isTrue();
    }

    @Test
    void cursorsRoundTripAndForgedOnesAreRefused() {
        PageCursor cursor = new PageCursor(123L, "abc");
        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThatThrownBy(() -> PageCursor.decode("not a cursor")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.decode(java.util.Base64.getUrlEncoder().encodeToString("1~' OR 1=1".getBytes())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
