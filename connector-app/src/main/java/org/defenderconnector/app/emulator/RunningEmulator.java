package org.defenderconnector.app.emulator;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.engine.config.ConnectorConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An emulator started for people (the emulator and demo commands), with the files a client needs
 * written beside it: the demo secret in an owner-only file, and a connector configuration that
 * refers to that file, so the secret is never printed.
 */
public final class RunningEmulator implements AutoCloseable {
    /** Every stream the demo app is granted. */
    public static final List<String> DEMO_STREAMS = List.of("alerts", "machines", "machine-actions", "vulnerabilities",
            "software", "incidents", "graph-alerts", "scores", "hunting");

    private final Emulator emulator;
    private final Path secretFile;
    private final Path connectorConfig;
    private final RunningStreaming streaming;

    private RunningEmulator(Emulator emulator, Path secretFile, Path connectorConfig, RunningStreaming streaming) {
        this.emulator = emulator;
        this.secretFile = secretFile;
        this.connectorConfig = connectorConfig;
        this.streaming = streaming;
    }

    public static RunningEmulator start(EmulatorConfig config, EmulatorOptions options, Path dir) throws IOException {
        return start(config, options, dir, null);
    }

    /**
     * As {@link #start(EmulatorConfig, EmulatorOptions, Path)}, with the Streaming API played into Azurite as
     * well: the configuration then has the storage section and the {@code streaming-storage} stream. The
     * streaming part is closed with this emulator (also when starting fails).
     */
    public static RunningEmulator start(EmulatorConfig config, EmulatorOptions options, Path dir,
                                        RunningStreaming streaming) throws IOException {
        try {
            Files.createDirectories(dir);
            Emulator emulator = Emulator.start(config, options);
            try {
                Path secret = dir.resolve("demo-client-secret.txt").toAbsolutePath();
                Files.deleteIfExists(secret);
                Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(secret, DemoCredentials.SECRET_VALUE + "\n");
                Path connector = dir.resolve("connector.yaml").toAbsolutePath();
                Files.writeString(connector, connectorYaml(emulator, secret, dir.toAbsolutePath().resolve("data"), streaming));
                return new RunningEmulator(emulator, secret, connector, streaming);
            } catch (IOException | RuntimeException e) {
                emulator.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            if (streaming != null) {
                streaming.close();
            }
            throw e;
        }
    }

    private static String connectorYaml(Emulator emulator, Path secret, Path data, RunningStreaming streaming) {
        List<String> streams = new ArrayList<>(DEMO_STREAMS.stream()
                // Two hours of hunting rows keep one demo pass within the documented hunting quota.
                .map(s -> s.equals("hunting") ? "{name: hunting, backfill: 2h}" : s).toList());
        if (streaming != null) {
            streams.add(ConnectorConfig.STREAMING_STORAGE);
        }
        return """
                # Written by defender-connector for its emulator. Secrets are references, never values.
                store:
                  path: %s
                tenants:
                  - name: demo
                    tenantId: %s
                    clientId: %s
                    clientSecret: ${file:%s}
                    allowCustomEndpoints: true
                    endpoints:
                      all: %s
                    caCertificate: %s
                    interval: 1m
                    backfill: 7d
                    streams: [%s]
                """.formatted(data.resolve("defender-connector.db"), DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID,
                secret, emulator.baseUrl(), emulator.caCertificatePath(), String.join(", ", streams))
                + (streaming == null ? "" : streaming.storageSection());
    }

    /** The Streaming API part, when started with it. */
    public Optional<RunningStreaming> streaming() {
        return Optional.ofNullable(streaming);
    }

    public Emulator emulator() {
        return emulator;
    }

    public String tenantId() {
        return DemoCredentials.TENANT_ID;
    }

    public String clientId() {
        return DemoCredentials.CLIENT_ID;
    }

    public Path secretFile() {
        return secretFile;
    }

    public Path connectorConfig() {
        return connectorConfig;
    }

    @Override
    public void close() {
        emulator.close();
        if (streaming != null) {
            streaming.close();
        }
    }
}
