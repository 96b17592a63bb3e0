package org.defenderconnector.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.app.Main;
import org.defenderconnector.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dead-letters} reads the store a configuration names and shows the lines its streams could not read. */
class DeadLettersCommandTest {
    private static final String BLOB = "insights-logs-advancedhunting-devicenetworkevents/tenantId=t/y=2025/m=03/d=04"
            + "/h=10/m=00/PT1H.json";
    private static final Instant FIRST = Instant.parse("2025-03-04T10:15:00Z");
    private static final StreamId CONTOSO = new StreamId("contoso", "streaming-storage");
    private static final StreamId FABRIKAM = new StreamId("fabrikam", "streaming-storage");

    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine command = new CommandLine(new DeadLettersCommand(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return new Run(command.execute(args), out.toString(StandardCharsets.UTF_8));
    }

    private Path config(String contosoStreams) throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "app-secret\n");
        Files.writeString(dir.resolve("storage.txt"), "DefaultEndpointsProtocol=https;AccountName=contosostreaming;"
                + "AccountKey=a2V5LXRoYXQtaXMtbm90LXByaW50ZWQ=;EndpointSuffix=core.windows.net\n");
        String tenant = """
                  - name: %s
                    tenantId: 11111111-2222-3333-4444-555555555555
                    clientId: 66666666-7777-8888-9999-000000000000
                    clientSecret: ${file:secret.txt}
                    streams: [%s]
                %s""";
        String storage = """
                    storage: {connectionString: "${file:storage.txt}", queue: defender-streaming}
                """;
        Path yaml = dir.resolve("connector.yaml");
        Files.writeString(yaml, "store: {path: data/connector.db}\ntenants:\n"
                + tenant.formatted("contoso", contosoStreams, contosoStreams.contains("streaming") ? storage : "")
                + tenant.formatted("fabrikam", "alerts, streaming-storage", storage));
        return yaml;
    }

    private void deadLetters() {
        try (EventStore store = EventStore.open(dir.resolve("data/connector.db"))) {
            store.recordDeadLetter(CONTOSO, BLOB, 0, "not JSON: Unexpected character ('t')", "{this is not json", FIRST);
            String longLine = "{\"time\":\"2025-03-04T10:16:00Z\",\"category\":\"AdvancedHunting-DeviceNetworkEvents\","
                    + "\"note\":\"" + "x".repeat(400) + "\"}";
            store.recordDeadLetter(CONTOSO, BLOB, 19, "no properties object", longLine, FIRST.plusSeconds(60));
            store.recordDeadLetter(CONTOSO, BLOB, 465, "not JSON: control character", "{\"a\":\u001b[31m}\r",
                    FIRST.plusSeconds(120));
            store.recordDeadLetter(FABRIKAM, "defender-all/3", 1042, "not JSON: end of input", "{\"records\":[", FIRST);
        }
    }

    @Test
    void listsEveryStreamingStreamsDeadLettersWithWhereWhyWhenAndHowTheLineStarts() throws Exception {
        Path config = config("alerts, streaming-storage");
        deadLetters();

        Run run = run("--config", config.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("contoso/streaming-storage: 3 dead letters")
                .contains("fabrikam/streaming-storage: 1 dead letter\n")
                .contains("2025-03-04T10:15:00Z  " + BLOB + "  offset 0")
                .contains("error: not JSON: Unexpected character ('t')")
                .contains("line:  {this is not json")
                .contains("2025-03-04T10:16:00Z  " + BLOB + "  offset 19")
                .contains("defender-all/3  offset 1042");
        String longLine = run.out().lines().filter(l -> l.contains("AdvancedHunting-DeviceNetworkEvents")).findFirst()
                .orElseThrow();
        assertThat(longLine).endsWith("... (490 characters)");
        assertThat(longLine.length()).isLessThan(DeadLetterReport.LINE_START + 40);
        assertThat(run.out()).as("control characters are shown, not sent to the terminal")
                .contains("line:  {\"a\":\\u001b[31m}\\r").doesNotContain("\u001b");
        // The order is the store's: oldest first.
        assertThat(run.out().indexOf("offset 0")).isLessThan(run.out().indexOf("offset 19"));
    }

    @Test
    void narrowsToAStreamAndALimitAndPrintsJson() throws Exception {
        Path config = config("alerts, streaming-storage");
        deadLetters();

        Run fabrikam = run("--config", config.toString(), "--stream", "fabrikam/streaming-storage", "--json");
        JsonNode letters = new ObjectMapper().readTree(fabrikam.out());
        assertThat(fabrikam.exit()).isEqualTo(1);
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("tenant").asText()).isEqualTo("fabrikam");
        assertThat(letter.get("stream").asText()).isEqualTo("streaming-storage");
        assertThat(letter.get("location").asText()).isEqualTo("defender-all/3");
        assertThat(letter.get("offset").asLong()).isEqualTo(1042);
        assertThat(letter.get("error").asText()).isEqualTo("not JSON: end of input");
        assertThat(letter.get("time").asText()).isEqualTo("2025-03-04T10:15:00Z");
        assertThat(letter.get("lineStart").asText()).isEqualTo("{\"records\":[");
        assertThat(letter.get("lineLength").asLong()).isEqualTo(12);

        Run limited = run("--config", config.toString(), "--stream", "streaming-storage", "--limit", "2", "--json");
        JsonNode both = new ObjectMapper().readTree(limited.out());
        assertThat(both).hasSize(3);
        assertThat(both.findValuesAsText("offset")).containsExactly("0", "19", "1042");
        assertThat(both.get(1).get("lineStart").asText()).hasSize(DeadLetterReport.LINE_START);
        assertThat(both.get(1).get("lineLength").asLong()).isEqualTo(490);

        Run text = run("--config", config.toString(), "--stream", "contoso/streaming-storage", "--limit", "2");
        assertThat(text.out()).contains("contoso/streaming-storage: 2 dead letters (the oldest 2; there may be more")
                .doesNotContain("fabrikam");
    }

    @Test
    void nothingToShowIsExitZeroAndNoStoreIsCreatedToSaySo() throws Exception {
        Path config = config("alerts, streaming-storage");

        Run run = run("--config", config.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("contoso/streaming-storage: no dead letters")
                .contains("fabrikam/streaming-storage: no dead letters");
        assertThat(dir.resolve("data/connector.db")).doesNotExist();
        assertThat(new ObjectMapper().readTree(run("--config", config.toString(), "--json").out())).isEmpty();
    }

    @Test
    void aStreamThatKeepsNoDeadLettersOrABadLimitIsAUsageError() throws Exception {
        Path config = config("alerts");

        Run alerts = run("--config", config.toString(), "--stream", "streaming-eventhubs");
        assertThat(alerts.exit()).isEqualTo(2);
        assertThat(alerts.out()).contains("no configured stream matches 'streaming-eventhubs'");
        assertThat(run("--config", config.toString(), "--limit", "0").exit()).isEqualTo(2);
    }

    @Test
    void theCommandIsPartOfDefenderConnector() {
        assertThat(Main.commandLine().getSubcommands()).containsKey("dead-letters");
        assertThat(Main.commandLine().getSubcommands().get("dead-letters").getUsageMessage())
                .contains("--stream").contains("--limit").contains("--json").contains("--config");
    }
}
