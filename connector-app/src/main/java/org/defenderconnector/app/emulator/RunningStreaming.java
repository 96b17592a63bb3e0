package org.defenderconnector.app.emulator;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.defenderconnector.emulator.streaming.DefenderRowGenerator;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Streaming API played for people ({@code emulator --streaming}): Azurite on loopback, the streaming
 * emulator appending the demo tenant's advanced hunting records to hourly blobs and announcing each new
 * blob in a queue, as Defender and Event Grid do, and optionally the same kind of records published to a
 * Kafka topic as Event Hubs messages. The storage connection string goes to an owner-only file that the
 * connector configuration refers to.
 */
public final class RunningStreaming implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningStreaming.class);
    /** From the repository root; the tests and the build install Azurite the same way. */
    public static final String INSTALL_AZURITE = "npm install --no-save --no-audit --no-fund --prefix . azurite@3.35.0";
    public static final String QUEUE = "defender-streaming";
    /** Event Hubs messages of this many records (Defender batches records into each message). */
    private static final int RECORDS_PER_MESSAGE = 50;

    private final AzuriteProcess azurite;
    private final StreamingEmulator emulator;
    private final Path connectionStringFile;
    private final double rate;
    private final String kafkaTopic;
    private final ScheduledExecutorService kafkaPublisher;

    private RunningStreaming(AzuriteProcess azurite, StreamingEmulator emulator, Path connectionStringFile, double rate,
                             String kafkaTopic, ScheduledExecutorService kafkaPublisher) {
        this.azurite = azurite;
        this.emulator = emulator;
        this.connectionStringFile = connectionStringFile;
        this.rate = rate;
        this.kafkaTopic = kafkaTopic;
        this.kafkaPublisher = kafkaPublisher;
    }

    /** Whether Azurite can be started (installed under a {@code node_modules} above the working directory). */
    public static boolean azuriteInstalled() {
        return AzuriteProcess.findInstallation().isPresent();
    }

    /**
     * Starts Azurite with its data in {@code dir/azurite} and generates {@code rate} records a second.
     *
     * @param kafkaBootstrap a Kafka broker to publish to as well, or null
     * @param kafkaTopic     the topic (standing in for an Event Hub) when publishing to Kafka
     */
    public static RunningStreaming start(Path dir, double rate, String kafkaBootstrap, String kafkaTopic)
            throws IOException {
        AzuriteProcess azurite = AzuriteProcess.start(dir.resolve("azurite").toAbsolutePath());
        StreamingEmulator emulator = null;
        try {
            StreamingEmulatorConfig config = StreamingEmulatorConfig.forAzurite(azurite).withQueue(QUEUE)
                    .withTenant(DemoCredentials.TENANT_ID).withRate(rate);
            if (kafkaBootstrap != null) {
                config = config.withKafka(kafkaBootstrap, RECORDS_PER_MESSAGE);
            }
            emulator = StreamingEmulator.start(config);
            Path secret = dir.resolve("storage-connection-string.txt").toAbsolutePath();
            Files.deleteIfExists(secret);
            Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secret, azurite.connectionString() + "\n");
            emulator.startGenerating();
            ScheduledExecutorService publisher = kafkaBootstrap == null ? null : publishEverySecond(emulator, kafkaTopic, rate);
            return new RunningStreaming(azurite, emulator, secret, rate, kafkaBootstrap == null ? null : kafkaTopic, publisher);
        } catch (IOException | RuntimeException e) {
            if (emulator != null) {
                emulator.close();
            }
            azurite.close();
            throw e;
        }
    }

    /** Once a second, {@code rate} records spread over the tables, as {"records":[...]} messages. */
    private static ScheduledExecutorService publishEverySecond(StreamingEmulator emulator, String topic, double rate) {
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kafka-publisher");
            thread.setDaemon(true);
            return thread;
        });
        publisher.scheduleAtFixedRate(() -> {
            try {
                List<String> tables = DefenderRowGenerator.TABLES;
                int perTable = (int) Math.ceil(rate / tables.size());
                for (String table : tables) {
                    if (perTable > 0) {
                        emulator.publish(topic, table, perTable);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("streaming emulator: publishing to Kafka topic {} failed: {}", topic, e.getMessage());
            }
        }, 0, 1, TimeUnit.SECONDS);
        return publisher;
    }

    public AzuriteProcess azurite() {
        return azurite;
    }

    public StreamingEmulator emulator() {
        return emulator;
    }

    public Path connectionStringFile() {
        return connectionStringFile;
    }

    public double rate() {
        return rate;
    }

    /** The Kafka topic records are also published to, or null. */
    public String kafkaTopic() {
        return kafkaTopic;
    }

    /** The tenant's {@code storage:} section for the connector configuration (4-space tenant indent). */
    String storageSection() {
        return """
                    storage:
                      connectionString: ${file:%s}
                      queue: %s
                """.formatted(connectionStringFile, QUEUE);
    }

    @Override
    public void close() {
        if (kafkaPublisher != null) {
            kafkaPublisher.shutdownNow();
        }
        emulator.close();
        azurite.close();
    }
}
