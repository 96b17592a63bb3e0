package org.defenderconnector.microsoft.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesReaderTest {
    static final Set<String> WANTED = Set.of("id", "lastSeenTimestamp");

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static List<JsonRecord> readAll(byte[] file) throws IOException {
        List<JsonRecord> records = new ArrayList<>();
        try (JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(file), WANTED)) {
            JsonRecord r;
            while ((r = reader.next()) != null) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void eachLineIsOneRecordPassedOnAsReceivedBlankLinesAndCrlfIgnored() throws Exception {
        String first = "{\"id\":\"a\",\"cvssScore\":6.20,\"diskPaths\":[\"C:\\\\x\"],\"lastSeenTimestamp\":\"2020-12-30 13:18:33\"}";
        String second = "{\"id\":\"b\",\"cveId\":null}";
        List<JsonRecord> records = readAll(gzip(first + "\r\n\n" + second));

        assertThat(records).extracting(JsonRecord::json).containsExactly(first, second);
        assertThat(records.get(0).fields()).containsEntry("id", "a").containsEntry("lastSeenTimestamp",
                "2020-12-30 13:18:33");
        assertThat(records.get(1).fields()).containsOnlyKeys("id");
    }

    @Test
    void pascalCaseKeysAreGivenTheJsonExportsCamelCaseSpelling() throws Exception {
        List<JsonRecord> records = readAll(gzip("{\"ID\":\"a\",\"OSPlatform\":\"Windows11\",\"CveId\":\"CVE-1\","
                + "\"LastSeenTimestamp\":\"2020-12-30 13:18:33\",\"DiskPaths\":[\"p\"],\"RbacGroupName\":{\"x\":1}}\n"));

        assertThat(records.get(0).json()).isEqualTo("{\"id\":\"a\",\"osPlatform\":\"Windows11\",\"cveId\":\"CVE-1\","
                + "\"lastSeenTimestamp\":\"2020-12-30 13:18:33\",\"diskPaths\":[\"p\"],\"rbacGroupName\":{\"x\":1}}");
        assertThat(records.get(0).fields()).containsEntry("id", "a").containsEntry("lastSeenTimestamp",
                "2020-12-30 13:18:33");
        assertThat(JsonLinesReader.camelCase("IsOnboarded")).isEqualTo("isOnboarded");
        assertThat(JsonLinesReader.camelCase("deviceId")).isEqualTo("deviceId");
    }

    @Test
    void skipReadsPastRecordsForAResumeMidFile() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            text.append("{\"id\":\"").append(i).append("\"}\n");
        }
        try (JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(gzip(text.toString())), WANTED)) {
            assertThat(reader.skip(3)).isEqualTo(3);
            assertThat(reader.next().field("id")).isEqualTo("3");
            assertThat(reader.skip(10)).isEqualTo(1);
            assertThat(reader.next()).isNull();
            assertThat(reader.count()).isEqualTo(5);
        }
    }

    @Test
    void aLineThatIsNotOneJsonObjectOrACutFileIsABrokenBody() throws Exception {
        assertThatThrownBy(() -> readAll(gzip("{\"id\":\"a\"}\n[1,2]\n")))
                .isInstanceOf(JsonLinesReader.MalformedLineException.class).hasMessageContaining("record 2 of the file");
        assertThatThrownBy(() -> readAll(gzip("{\"id\":\"a\"} {\"id\":\"b\"}\n")))
                .isInstanceOf(JsonLinesReader.MalformedLineException.class);
        byte[] whole = gzip("{\"id\":\"a\"}\n{\"id\":\"b\"}\n".repeat(100));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 12);
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> readAll("not gzip".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }
}
