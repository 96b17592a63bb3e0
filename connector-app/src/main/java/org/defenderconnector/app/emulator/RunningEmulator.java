package org.defenderconnector.app.emulator;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

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

    private RunningEmulator(Emulator emulator, Path secretFile, Path connectorConfig) {
        this.emulator = emulator;
        this.secretFile = secretFile;
        this.connectorConfig = connectorConfig;
    }

    public static RunningEmulator start(EmulatorConfig config, EmulatorOptions options, Path dir) throws IOException {
        Files.createDirectories(dir);
        Emulator emulator = Emulator.start(config, options);
        Path secret = dir.resolve("demo-client-secret.txt").toAbsolutePath();
        Files.deleteIfExists(secret);
        Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secret, DemoCredentials.SECRET_VALUE + "\n");
        Path connector = dir.resolve("connector.yaml").toAbsolutePath();
        Files.writeString(connector, connectorYaml(emulator, secret, dir.toAbsolutePath().resolve("data")));
        return new RunningEmulator(emulator, secret, connector);
    }

    private static String connectorYaml(Emulator emulator, Path secret, Path data) {
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
                secret, emulator.baseUrl(), emulator.caCertificatePath(), String.join(", ", DEMO_STREAMS.stream()
                        // Two hours of hunting rows keep one demo pass within the documented hunting quota.
                        .map(s -> s.equals("hunting") ? "{name: hunting, backfill: 2h}" : s).toList()));
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
    }
}
