package org.defenderconnector.engine.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonSinkTest {
    @TempDir
    Path dir;

    @Test
    void writesOneLinePerEventWithOcsfAndRawSideBySide() throws Exception {
        Path file = dir.resolve("out/events.ndjson");
        try (NdjsonSink sink = NdjsonSink.toFile(file)) {
            sink.write(List.of(new Event("u1", "t\"1", "alerts", "mde-alert", "a1", Instant.ofEpochMilli(1500),
                    "{\"id\":\"a1\"}", "{\"class_uid\":2004}")));
            sink.write(List.of(new Event("u2", "t1", "alerts", "mde-alert", "a2", Instant.ofEpochMilli(2500),
                    "{\"id\":\"a2\"}", null)));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("tenant").asText()).isEqualTo("t\"1");
        assertThat(first.at("/ocsf/class_uid").asInt()).isEqualTo(2004);
        assertThat(first.at("/raw/id").asText()).isEqualTo("a1");
        assertThat(first.get("time").asText()).isEqualTo("1970-01-01T00:00:01.500Z");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("ocsf").isNull()).isTrue();
    }
}
