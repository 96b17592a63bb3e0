package org.defenderconnector.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.limits.RateLimitSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.Test;

/** The vulnerability export APIs: paging as documented, a million rows streamed, the delta's sinceTime rules. */
class ExportTest {

    private static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A page of a streamed export: how many rows, the first and last id, the next link. */
    private record Page(int status, long rows, String firstId, String lastId, String nextLink) {
    }

    @Test
    void aMillionRowExportIsStreamedPageByPageWithoutBeingHeld() {
        DataSettings million = new DataSettings(3L, 50_000, 0, 1, 1, false, 20, 200, 40, 0, 0, 0, 0);
        try (DataEmulator emu = DataEmulator.start(million)) {
            long rows = 0;
            String next = "/api/machines/SoftwareVulnerabilitiesByMachine?pageSize=500000";
            List<String> boundaries = new ArrayList<>();
            int pages = 0;
            while (next != null) {
                Page page = emu.client.stream(next, emu.token(WDATP), ExportTest::countRows);
                assertThat(page.status()).isEqualTo(200);
                // pageSize above the documented 200,000 is capped.
                assertThat(page.rows()).isLessThanOrEqualTo(200_000);
                rows += page.rows();
                boundaries.add(page.firstId());
                boundaries.add(page.lastId());
                next = page.nextLink() == null ? null : page.nextLink().substring(emu.emulator.baseUrl().length());
                pages++;
            }

            assertThat(rows).isEqualTo(1_000_000);
            assertThat(pages).isEqualTo(5);
            assertThat(boundaries).doesNotHaveDuplicates();
        }
    }

    @Test
    void smallExportsPageWithASkiptokenAndTopReturnsWithoutNextLink() {
        DataSettings small = new DataSettings(3L, 7, 0, 1, 2, true, 9, 30, 12, 0, 0, 0, 5);
        try (DataEmulator emu = DataEmulator.start(small, c -> c.withLimits(new RateLimitSettings(false, null)))) {
            List<JsonNode> all = follow(emu, "/api/machines/SoftwareVulnerabilitiesByMachine?pageSize=10");
            EmulatorClient.Response top = emu.get(WDATP, "/api/machines/SoftwareVulnerabilitiesByMachine?$top=5");
            EmulatorClient.Response defaults = emu.get(WDATP, "/api/machines/SoftwareVulnerabilitiesByMachine");

            assertThat(all).hasSize(63);
            assertThat(all.stream().map(row -> row.get("id").asText())).doesNotHaveDuplicates();
            assertThat(top.json().get("value")).hasSize(5);
            assertThat(top.json().has("@odata.nextLink")).isFalse();
            assertThat(defaults.json().get("value")).hasSize(63);
            assertThat(all).allSatisfy(row -> assertThat(row.get("lastSeenTimestamp").asText())
                    .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        }
    }

    @Test
    void aPagedExportStaysOnItsSnapshotWhenANewOneIsMade() {
        DataSettings small = new DataSettings(3L, 7, 0, 1, 2, true, 9, 30, 12, 0, 0, 0, 5);
        try (DataEmulator emu = DataEmulator.start(small, c -> c.withLimits(new RateLimitSettings(false, null)))) {
            EmulatorClient.Response first = emu.get(WDATP, "/api/machines/SoftwareVulnerabilitiesByMachine?pageSize=30");
            Instant snapshot = Instant.parse("2025-03-04T06:00:00Z");
            emu.clock.advance(Duration.ofHours(12));

            String next = first.json().get("@odata.nextLink").asText().substring(emu.emulator.baseUrl().length());
            EmulatorClient.Response second = emu.get(WDATP, next);
            EmulatorClient.Response fresh = emu.get(WDATP, "/api/machines/SoftwareVulnerabilitiesByMachine");

            assertThat(second.json().get("value")).allSatisfy(row -> assertThat(time(row, "lastSeenTimestamp"))
                    .isBeforeOrEqualTo(snapshot));
            assertThat(fresh.json().get("value")).anySatisfy(row -> assertThat(time(row, "lastSeenTimestamp"))
                    .isAfter(snapshot));
        }
    }

    @Test
    void theDeltaNeedsARecentSinceTimeAndPagesItsChanges() {
        DataSettings small = new DataSettings(3L, 7, 0, 1, 2, true, 9, 30, 12, 0, 0, 0, 5);
        try (DataEmulator emu = DataEmulator.start(small, c -> c.withLimits(new RateLimitSettings(false, null)))) {
            String path = "/api/machines/SoftwareVulnerabilityChangesByMachine";
            EmulatorClient.Response missing = emu.get(WDATP, path);
            EmulatorClient.Response tooOld = emu.get(WDATP, path + "?sinceTime=2025-02-10T00:00:00Z");
            String since = "2025-03-02T10:00:00Z";
            List<JsonNode> changes = follow(emu, path + "?sinceTime=" + since + "&pageSize=4");
            List<JsonNode> unpaged = follow(emu, path + "?sinceTime=" + since);

            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("error").get("code").asText()).isEqualTo("MissingRequiredParameter");
            assertThat(tooOld.status()).isEqualTo(400);
            assertThat(tooOld.json().get("error").get("message").asText()).contains("14 days");
            assertThat(changes).isNotEmpty();
            assertThat(changes.toString()).isEqualTo(unpaged.toString());
            assertThat(changes).allSatisfy(change -> {
                assertThat(change.get("status").asText()).isIn("New", "Fixed", "Updated");
                assertThat(change.get("eventTimestamp").asText()).matches(
                        "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{7}");
                assertThat(change.get("eventTimestamp").asText()).isGreaterThanOrEqualTo("2025-03-02 10:00:00");
            });
        }
    }

    private static Instant time(JsonNode row, String field) {
        return LocalDateTime.parse(row.get(field).asText(), EXPORT_TIME).toInstant(ZoneOffset.UTC);
    }

    private static List<JsonNode> follow(DataEmulator emu, String first) {
        List<JsonNode> rows = new ArrayList<>();
        String next = first;
        while (next != null) {
            EmulatorClient.Response response = emu.get(WDATP, next);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            response.json().get("value").forEach(rows::add);
            JsonNode link = response.json().get("@odata.nextLink");
            next = link == null ? null : link.asText().substring(emu.emulator.baseUrl().length());
        }
        return rows;
    }

    /** Counts the rows of {@code value} with a streaming parser: nothing but the counters is kept. */
    private static Page countRows(int status, java.io.InputStream body) throws Exception {
        long rows = 0;
        String first = null;
        String last = null;
        String next = null;
        try (JsonParser parser = EmulatorClient.JSON.getFactory().createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if (field.equals("value") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        rows++;
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.getCurrentName();
                            parser.nextToken();
                            if (name.equals("id")) {
                                last = parser.getText();
                                first = first == null ? last : first;
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                } else if (field.equals("@odata.nextLink")) {
                    next = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new Page(status, rows, first, last, next);
    }
}
