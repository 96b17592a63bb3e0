package org.defenderconnector.app.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizeCommandTest {
    private static final Path SAMPLES = Path.of(System.getProperty("defender.shared.dir", "../../shared"), "reference", "samples");
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    record Run(int exit, List<JsonNode> events, String stderr) {
    }

    private Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new NormalizeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        return new Run(exit, events, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void apiPagesBecomeOneEventPerRecord() throws Exception {
        Path page = SAMPLES.resolve("mde-alerts-list-expand-evidence.json");
        int records = JSON.readTree(page.toFile()).get("value").size();
        Run run = run("--source", "alerts", page.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.events()).hasSize(records);
        assertThat(run.events()).allSatisfy(e -> assertThat(e.at("/metadata/version").asText()).isEqualTo("1.8.0"));
    }

    @Test
    void storageLinesAreRoutedByCategoryAndEventHubMessagesUnwrapped() throws Exception {
        Path pt1h = SAMPLES.resolve("streaming-PT1H-jsonlines-example.txt");
        long lines = Files.readAllLines(pt1h).stream().filter(l -> !l.isBlank()).count();
        Run storage = run("--source", "storage", pt1h.toString());
        assertThat(storage.exit()).isZero();
        assertThat(storage.events()).hasSize((int) lines);
        assertThat(storage.events()).allSatisfy(e -> assertThat(e.at("/metadata/log_name").asText()).startsWith("Device"));

        Path message = dir.resolve("message.json");
        StringBuilder records = new StringBuilder();
        for (String line : Files.readAllLines(pt1h)) {
            if (!line.isBlank()) {
                records.append(records.length() == 0 ? "" : ",").append(line);
            }
        }
        Files.writeString(message, "{\"records\":[" + records + "]}\n");
        Run eventHub = run("--source", "eventhub", message.toString());
        assertThat(eventHub.exit()).isZero();
        assertThat(eventHub.events()).hasSize((int) lines);
    }

    @Test
    void aBadLineIsReportedWithItsNumberAndTheRestIsProcessed() throws Exception {
        Path input = dir.resolve("rows.ndjson");
        Files.writeString(input, """
                {"Timestamp":"2024-05-01T10:00:00Z","DeviceId":"d1","ReportId":1}
                {"Timestamp": broken
                
                {"Timestamp":"2024-05-01T10:00:01Z","DeviceId":"d1","ReportId":2}
                [1,2]
                """);
        Run run = run("--source", "hunting", "--table", "DeviceProcessEvents", input.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.events()).hasSize(2);
        assertThat(run.stderr()).contains("line 2: not valid JSON").contains("line 5: expected a JSON object");
    }

    @Test
    void usageErrorsSayWhatToDo() throws Exception {
        assertThat(run("--source", "hunting", "-").exit()).isEqualTo(2);
        Run unknown = run("--source", "splunk", "-");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("alerts|machines");
    }
}
