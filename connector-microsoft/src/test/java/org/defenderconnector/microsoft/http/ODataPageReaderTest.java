package org.defenderconnector.microsoft.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ODataPageReaderTest {
    static ODataPageReader reader(String json, String... fields) throws IOException {
        return new ODataPageReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Set.of(fields));
    }

    static List<JsonRecord> all(ODataPageReader reader) throws IOException {
        List<JsonRecord> records = new ArrayList<>();
        JsonRecord r;
        while ((r = reader.next()) != null) {
            records.add(r);
        }
        return records;
    }

    @Test
    void recordsComeOutExactlyAsReceivedWithTheAskedFields() throws Exception {
        Path sample = Path.of(System.getProperty("defender.shared.dir"), "reference/samples/mde-alerts-list-expand-evidence.json");
        String page = Files.readString(sample);
        try (ODataPageReader reader = reader(page, "id", "lastUpdateTime", "evidence")) {
            List<JsonRecord> records = all(reader);
            assertThat(records).isNotEmpty();
            JsonRecord first = records.get(0);
            assertThat(first.field("id")).isEqualTo("da637472900382838869_1364969609");
            assertThat(first.field("lastUpdateTime")).isEqualTo("2021-01-26T20:33:59.2Z");
            assertThat(first.field("evidence")).as("structures are not fields").isNull();
            assertThat(page).contains(first.json());
            assertThat(first.json()).startsWith("{").endsWith("}").contains("\"evidence\"");
            assertThat(reader.nextLink()).isNull();
            assertThat(reader.finished()).isTrue();
        }
    }

    @Test
    void theNextLinkIsFoundBeforeOrAfterTheValue() throws Exception {
        try (ODataPageReader before = reader("{\"@odata.nextLink\":\"https://h/next?a=1\",\"value\":[{\"id\":1},{\"id\":2}]}", "id")) {
            assertThat(all(before)).extracting(r -> r.field("id")).containsExactly("1", "2");
            assertThat(before.nextLink()).isEqualTo("https://h/next?a=1");
        }
        try (ODataPageReader after = reader("{\"@odata.context\":\"c\",\"value\":[{\"id\":\"é\"}],\"@odata.count\":{\"x\":[1]},"
                + "\"@odata.nextLink\":\"https://h/next?b=2\"}", "id")) {
            List<JsonRecord> records = all(after);
            assertThat(records).extracting(JsonRecord::json).containsExactly("{\"id\":\"é\"}");
            assertThat(after.nextLink()).isEqualTo("https://h/next?b=2");
        }
    }

    @Test
    void skippingResumesInsideAPage() throws Exception {
        StringBuilder page = new StringBuilder("{\"value\":[");
        for (int i = 0; i < 50; i++) {
            page.append(i == 0 ? "" : ",").append("{\"id\":\"r").append(i).append("\",\"nested\":{\"a\":[1,2,{\"b\":null}]}}");
        }
        page.append("]}");
        try (ODataPageReader reader = reader(page.toString(), "id")) {
            assertThat(reader.skip(47)).isEqualTo(47);
            assertThat(all(reader)).extracting(r -> r.field("id")).containsExactly("r47", "r48", "r49");
            assertThat(reader.count()).isEqualTo(50);
        }
    }

    @Test
    void aCutOrWrongBodyIsMalformed() {
        assertThatThrownBy(() -> all(reader("{\"value\":[{\"id\":1},{\"id\"")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> all(reader("{\"value\":[{\"id\":1}]")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> all(reader("{\"error\":{\"code\":\"x\"}}")))
                .isInstanceOf(ODataPageReader.MalformedPageException.class).hasMessageContaining("no 'value'");
        assertThatThrownBy(() -> all(reader("<html>proxy error</html>")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> all(reader("")))
                .isInstanceOf(ODataPageReader.MalformedPageException.class);
    }

    @Test
    void aByteOrderMarkDoesNotShiftTheRecordText() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"value\":[{\"id\":\"ü1\"},{\"id\":\"2\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(json, 0, body, bom.length, json.length);
        try (ODataPageReader reader = new ODataPageReader(new ByteArrayInputStream(body), Set.of("id"))) {
            assertThat(all(reader)).extracting(JsonRecord::json).containsExactly("{\"id\":\"ü1\"}", "{\"id\":\"2\"}");
        }
    }

    @Test
    void largeRecordsAcrossManyReadBuffersComeOutWhole() throws Exception {
        String big = "x".repeat(100_000);
        StringBuilder page = new StringBuilder("{\"value\":[");
        for (int i = 0; i < 20; i++) {
            page.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"blob\":\"").append(big).append("\"}");
        }
        page.append("]}");
        try (ODataPageReader reader = reader(page.toString(), "id")) {
            List<JsonRecord> records = all(reader);
            assertThat(records).hasSize(20);
            assertThat(records).allSatisfy(r -> assertThat(r.json()).hasSize(big.length() + 19 + r.field("id").length()));
        }
    }
}
