package org.defenderconnector.app.emulator;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code emulator --streaming}: Azurite plus streamed records, and a connector.yaml that collects them. */
class StreamingEmulatorCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CommandLine command(java.util.function.Consumer<RunningEmulator> whileRunning) {
        return new CommandLine(new EmulatorCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), whileRunning));
    }

    @Test
    void theWrittenConfigurationCollectsTheStreamedRecordsWithRunOnce() throws Exception {
        AtomicReference<Map<String, StreamStatus.Snapshot>> collected = new AtomicReference<>();
        AtomicReference<String> yaml = new AtomicReference<>();
        int exit = command(running -> {
            try {
                RunningStreaming streaming = running.streaming().orElseThrow();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (streaming.emulator().emitted() < 100 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                yaml.set(Files.readString(running.connectorConfig()));
                // What run --config F --once does.
                try (Collector collector = Collector.open(ConfigLoader.load(running.connectorConfig()))) {
                    collected.set(collector.collectOnce(10_000));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).execute("--streaming", "--rate", "200", "--dir", dir.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        StreamStatus.Snapshot streamingStatus = collected.get().get("demo/" + ConnectorConfig.STREAMING_STORAGE);
        assertThat(streamingStatus.state()).as(streamingStatus.lastError()).isEqualTo(StreamStatus.State.OK);
        assertThat(streamingStatus.records()).isGreaterThanOrEqualTo(100);
        assertThat(collected.get().get("demo/alerts").state()).isEqualTo(StreamStatus.State.OK);
        assertThat(printed).contains("Streaming API into Azurite").contains("records per second:   200")
                .contains("storage-connection-string.txt (mode 0600)").doesNotContain(AzuriteProcess.ACCOUNT_KEY);

        Path connection = dir.resolve("storage-connection-string.txt");
        assertThat(Files.getPosixFilePermissions(connection))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(yaml.get()).contains("storage:").contains("connectionString: ${file:" + connection.toAbsolutePath() + "}")
                .contains("queue: defender-streaming").contains(ConnectorConfig.STREAMING_STORAGE)
                .doesNotContain(AzuriteProcess.ACCOUNT_KEY).doesNotContain(DemoCredentials.SECRET_VALUE);

        try (EventStore store = EventStore.open(dir.resolve("data/defender-connector.db"))) {
            long streamed = store.queries().count("demo", ConnectorConfig.STREAMING_STORAGE);
            assertThat(streamed).isGreaterThanOrEqualTo(100);
            assertThat(store.queries().count("demo", "alerts")).isPositive();
            List<StoredEvent> events = store.queries().events("demo", ConnectorConfig.STREAMING_STORAGE, 300);
            OcsfValidator validator = OcsfValidator.standard();
            assertThat(events).allSatisfy(e -> {
                assertThat(e.kind()).isIn("DeviceNetworkEvents", "DeviceProcessEvents", "DeviceFileEvents");
                assertThat(e.ocsfJson()).isNotNull();
                assertThat(validator.validate(e.ocsfJson()).isValid()).as(e.naturalId()).isTrue();
            });
        }
    }

    @Test
    void withoutAzuriteTheCommandSaysHowToInstallIt() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("no-node-modules"));
        String before = System.getProperty("azurite.home");
        System.setProperty("azurite.home", empty.toString());
        try {
            int exit = command(running -> {
                throw new AssertionError("must not start");
            }).execute("--streaming", "--dir", dir.toString());
            assertThat(exit).isEqualTo(3);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("npm install --no-save --no-audit --no-fund --prefix . azurite@3.35.0")
                    .contains("repository root");
        } finally {
            if (before == null) {
                System.clearProperty("azurite.home");
            } else {
                System.setProperty("azurite.home", before);
            }
        }
        assertThat(Files.exists(dir.resolve("connector.yaml"))).isFalse();
    }

    @Test
    void streamingOptionsWithoutStreamingAreAUsageError() {
        int exit = command(running -> {
            throw new AssertionError("must not start");
        }).execute("--rate", "5", "--dir", dir.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("go with --streaming");
    }
}
