package org.defenderconnector.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterFileTest {
    @TempDir
    Path dir;

    @Test
    void lettersAreAppendedAsJsonLinesAndSurviveReopening() throws Exception {
        Path file = dir.resolve("dead/letters.jsonl");
        DeadLetter first = new DeadLetter("t/s", "c/p.json", 42, "not valid JSON", "{\"broken\"\r", Instant.EPOCH);
        try (JsonlDeadLetterFile letters = new JsonlDeadLetterFile(file)) {
            letters.deadLetter(first);
        }
        try (JsonlDeadLetterFile letters = new JsonlDeadLetterFile(file)) {
            letters.deadLetter(new DeadLetter("t/s", "hub/0", 7, "record #1: no category", "{}", Instant.EPOCH));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("location").asText()).isEqualTo("c/p.json");
        assertThat(line.get("offset").asLong()).isEqualTo(42);
        assertThat(line.get("payload").asText()).isEqualTo("{\"broken\"\r");
        assertThat(line.get("error").asText()).isEqualTo("not valid JSON");
    }

    @Test
    void inMemoryLettersAreBounded() {
        InMemoryDeadLetters letters = new InMemoryDeadLetters(2);
        for (int i = 0; i < 3; i++) {
            letters.deadLetter(new DeadLetter("t/s", "c/p", i, "e", "x", Instant.EPOCH));
        }
        assertThat(letters.letters()).extracting(DeadLetter::offset).containsExactly(1L, 2L);
        assertThat(letters.dropped()).isEqualTo(1);
    }
}
