package org.defenderconnector.microsoft.hunting;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three documented response shapes (Microsoft's own samples) and broken or oversized bodies. */
class HuntingResultReaderTest {
    final HuntingResultReader reader = new HuntingResultReader(1024 * 1024);

    static InputStream sample(String name) throws IOException {
        return Files.newInputStream(Path.of(System.getProperty("defender.shared.dir"), "reference", "samples", name));
    }

    static InputStream text(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void graphResultsWithLowerCaseSchema() throws IOException {
        HuntingResult result = reader.read(sample("graph-runhuntingquery-response.json"), System.nanoTime());

        assertThat(result.columns()).containsExactly(new HuntingColumn("Timestamp", "DateTime"),
                new HuntingColumn("FileName", "String"), new HuntingColumn("InitiatingProcessFileName", "String"));
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).get("Timestamp").asText()).isEqualTo("2024-03-26T09:39:50.7688641Z");
        assertThat(result.reported()).isNull();
        assertThat(result.executionTime()).isEqualTo(result.measured());
        assertThat(result.bytes()).isPositive();
    }

    @Test
    void legacyMdeSchemaAndResults() throws IOException {
        HuntingResult result = reader.read(sample("mde-advancedqueries-run-response.json"), System.nanoTime());

        assertThat(result.columns()).extracting(HuntingColumn::name)
                .containsExactly("Timestamp", "FileName", "InitiatingProcessFileName", "DeviceId");
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(1).get("DeviceId").asText()).isEqualTo("10cbf9182d4e95660362f65cfa67c7731f62fdb3");
    }

    @Test
    void legacyXdrStatsGiveTheExecutionTime() throws IOException {
        HuntingResult result = reader.read(sample("xdr-advancedhunting-run-response.json"), System.nanoTime());

        assertThat(result.rows()).hasSize(2);
        assertThat(result.columns()).hasSize(3);
        assertThat(result.reported()).isEqualTo(Duration.ofNanos(4_621_215_000L));
        assertThat(result.executionTime()).isEqualTo(result.reported());
    }

    @Test
    void pascalCaseSchemaInAGraphAnswerAndResultsBeforeSchema() throws IOException {
        HuntingResult result = reader.read(text("{\"results\":[{\"A\":1,\"Timestamp\":\"2025-01-01T00:00:00Z\"}],"
                + "\"schema\":[{\"Name\":\"A\",\"Type\":\"Int64\"},{\"Name\":\"Timestamp\",\"Type\":\"DateTime\"}]}"),
                System.nanoTime());

        assertThat(result.columns()).containsExactly(new HuntingColumn("A", "Int64"),
                new HuntingColumn("Timestamp", "DateTime"));
        assertThat(HuntingResultReader.timestamp(result.rows().get(0))).hasToString("2025-01-01T00:00:00Z");
    }

    @Test
    void emptyResults() throws IOException {
        HuntingResult result = reader.read(text("{\"schema\":[],\"results\":[]}"), System.nanoTime());

        assertThat(result.rows()).isEmpty();
        assertThat(result.columns()).isEmpty();
    }

    @Test
    void brokenBodiesAreIoErrors() {
        assertThatThrownBy(() -> reader.read(text("{\"schema\":[],\"results\":[{\"A\":1},"), System.nanoTime()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> reader.read(text("[1,2]"), System.nanoTime()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> reader.read(text("{\"value\":[]}"), System.nanoTime()))
                .isInstanceOf(IOException.class).hasMessageContaining("no results");
        assertThatThrownBy(() -> reader.read(text("{\"results\":[1]}"), System.nanoTime()))
                .isInstanceOf(IOException.class).hasMessageContaining("not an object");
    }

    @Test
    void aBodyPastTheLimitIsAbandonedWithTheLastTimestampReached() {
        StringBuilder json = new StringBuilder("{\"results\":[");
        for (int i = 0; i < 200; i++) {
            json.append(i == 0 ? "" : ",").append("{\"Timestamp\":\"2025-01-01T00:00:").append(String.format("%02d", i % 60))
                    .append("Z\",\"Pad\":\"").append("x".repeat(40)).append("\"}");
        }
        json.append("]}");

        assertThatThrownBy(() -> new HuntingResultReader(2_000).read(text(json.toString()), System.nanoTime()))
                .isInstanceOfSatisfying(HuntingResultReader.TooLarge.class,
                        e -> assertThat(e.lastTimestamp).isNotNull().isBefore(java.time.Instant.parse("2025-01-01T00:01:00Z")));
    }
}
