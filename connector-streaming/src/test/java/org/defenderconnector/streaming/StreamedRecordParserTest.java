package org.defenderconnector.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.SourceRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamedRecordParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StreamedRecordParser parser = new StreamedRecordParser();

    static Path shared() {
        return Path.of(System.getProperty("defender.shared.dir", "../../shared"));
    }

    private SourceRecord parse(String line) throws MalformedRecordException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, null, Instant.EPOCH);
    }

    @Test
    void theSampleLineBecomesTheRowWithTheEnvelopeKeptBeside() throws Exception {
        List<String> lines = Files.readAllLines(shared().resolve("reference/samples/streaming-PT1H-jsonlines-example.txt"));
        JsonNode original = JSON.readTree(lines.get(0));

        SourceRecord record = parse(lines.get(0));

        assertThat(record.kind()).isEqualTo("DeviceNetworkEvents");
        assertThat(record.version()).isEqualTo("1");
        assertThat(record.time()).isEqualTo(Instant.parse("2025-03-04T10:15:30.1234567Z"));
        assertThat(record.naturalId()).isEqualTo("DeviceNetworkEvents:12345:0123456789abcdef0123456789abcdef01234567"
                + ":2025-03-04T10:15:30.1234567Z");
        JsonNode raw = JSON.readTree(record.rawJson());
        // Every row column is at the top level, unchanged, as the hunting API would return the row.
        Iterator<String> columns = original.get("properties").fieldNames();
        while (columns.hasNext()) {
            String column = columns.next();
            assertThat(raw.get(column)).as(column).isEqualTo(original.get("properties").get(column));
        }
        // Every envelope field is kept under _envelope, and nothing else is added.
        JsonNode envelope = raw.get(StreamedRecordParser.ENVELOPE_KEY);
        assertThat(envelope.size()).isEqualTo(original.size() - 1);
        Iterator<String> fields = original.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("properties")) {
                assertThat(envelope.get(field)).as(field).isEqualTo(original.get(field));
            }
        }
        assertThat(raw.size()).isEqualTo(original.get("properties").size() + 1);
    }

    @Test
    void emptyRowAndEnvelopeOnlyFieldsStillGiveValidJson() throws Exception {
        SourceRecord record = parse("{ \"properties\" : { } , \"category\" : \"AdvancedHunting-AlertInfo\" ,"
                + " \"time\":\"2025-01-01T00:00:00Z\" }");
        JsonNode raw = JSON.readTree(record.rawJson());
        assertThat(raw.get("_envelope").get("category").asText()).isEqualTo("AdvancedHunting-AlertInfo");
        assertThat(raw.get("_envelope").get("time").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(record.kind()).isEqualTo("AlertInfo");
        // No Timestamp: the envelope time is the event time; no ids: the row's hash identifies it.
        assertThat(record.time()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(record.naturalId()).startsWith("AlertInfo:sha256:");
    }

    @Test
    void sameRowRepublishedWithAnotherEnvelopeTimeKeepsItsIdentity() throws Exception {
        String row = "{\"Timestamp\":\"2025-01-01T00:00:01Z\",\"AlertId\":\"da1\",\"Title\":\"x\"}";
        SourceRecord first = parse("{\"time\":\"2025-01-01T00:00:02Z\",\"category\":\"AdvancedHunting-AlertInfo\","
                + "\"properties\":" + row + "}");
        SourceRecord again = parse("{\"time\":\"2025-01-01T00:09:00Z\",\"category\":\"AdvancedHunting-AlertInfo\","
                + "\"properties\":" + row + "}");
        assertThat(again.naturalId()).isEqualTo(first.naturalId());
        assertThat(first.time()).isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
    }

    @Test
    void withoutCategoryTheFallbackKindIsUsedOrTheRecordIsMalformed() throws Exception {
        byte[] line = "{\"properties\":{\"DeviceId\":\"d\",\"ReportId\":7,\"Timestamp\":\"2025-01-01T00:00:00Z\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(line, 0, line.length, "devicefileevents", Instant.EPOCH).kind())
                .isEqualTo("devicefileevents");
        assertThatThrownBy(() -> parser.parse(line, 0, line.length, null, Instant.EPOCH))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("category");
    }

    @Test
    void parsesASliceOfALargerBuffer() throws Exception {
        String line = "{\"category\":\"AdvancedHunting-DeviceInfo\",\"properties\":{\"DeviceId\":\"d1\",\"ReportId\":1,"
                + "\"Timestamp\":\"2025-01-01T00:00:00Z\",\"nested\":{\"a\":[1,2,{\"b\":\"}\"}]}}}";
        byte[] buffer = ("garbage\r\n" + line + "\r\nmore").getBytes(StandardCharsets.UTF_8);
        int from = "garbage\r\n".length();
        SourceRecord record = parser.parse(buffer, from, from + line.length(), null, Instant.EPOCH);
        assertThat(JSON.readTree(record.rawJson()).get("nested").get("a").get(2).get("b").asText()).isEqualTo("}");
        assertThat(record.naturalId()).isEqualTo("DeviceInfo:1:d1:2025-01-01T00:00:00Z");
    }

    @Test
    void nonAsciiTextSurvivesTheByteSplice() throws Exception {
        SourceRecord record = parse("{\"category\":\"AdvancedHunting-DeviceFileEvents\",\"Tenant\":\"Défaut\","
                + "\"properties\":{\"FileName\":\"résumé – 日本.docx\"}}");
        JsonNode raw = JSON.readTree(record.rawJson());
        assertThat(raw.get("FileName").asText()).isEqualTo("résumé – 日本.docx");
        assertThat(raw.get("_envelope").get("Tenant").asText()).isEqualTo("Défaut");
    }

    @Test
    void malformedLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("{\"category\":\"AdvancedHunting-X\",\"properties\":{\"a\":1"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("{\"category\":\"AdvancedHunting-X\"}"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("no 'properties'");
        assertThatThrownBy(() -> parse("{\"category\":\"AdvancedHunting-X\",\"properties\":[1]}"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> parse("{\"properties\":{},\"category\":\"AdvancedHunting-X\"} trailing"))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void timesWithoutZoneAreReadAsUtc() {
        assertThat(StreamedRecordParser.parseTime("2026-07-22T10:43:05.0000000"))
                .isEqualTo(Instant.parse("2026-07-22T10:43:05Z"));
        assertThat(StreamedRecordParser.parseTime("yesterday")).isNull();
    }

    @Test
    void theFastTimePathAgreesWithTheJdkParser() {
        for (String text : new String[] {"2025-03-04T10:15:30Z", "2025-03-04T10:15:30.1Z", "2025-03-04T10:15:30.1234567Z",
                "2024-02-29T23:59:59.999999999Z", "1999-12-31T00:00:00.0000000Z"}) {
            assertThat(StreamedRecordParser.parseTime(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(StreamedRecordParser.parseTime("2025-02-30T10:15:30Z")).isNull();
        assertThat(StreamedRecordParser.parseTime("2025-03-04T10:15:30+01:00"))
                .isEqualTo(Instant.parse("2025-03-04T09:15:30Z"));
    }
}
