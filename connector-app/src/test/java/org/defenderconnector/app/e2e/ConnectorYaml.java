package org.defenderconnector.app.e2e;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code run} configuration of an end-to-end test, in the shape {@code RunningEmulator} writes for
 * users (custom endpoints, the emulator's CA, the secret by file reference), with per-stream page sizes
 * small enough to force window splitting and paging.
 */
final class ConnectorYaml {
    static final String TENANT = "demo";

    private final Emulator emulator;
    private final Path secretFile;
    private final Path dir;
    private final List<String> streams = new ArrayList<>();
    private String backfill = "3d";
    private String interval = "1m";

    ConnectorYaml(Emulator emulator, Path secretFile, Path dir) {
        this.emulator = emulator;
        this.secretFile = secretFile;
        this.dir = dir;
    }

    ConnectorYaml stream(String name) {
        streams.add(name);
        return this;
    }

    ConnectorYaml stream(String name, int pageSize) {
        streams.add("{name: " + name + ", pageSize: " + pageSize + "}");
        return this;
    }

    /** A stream polled again after {@code interval}: snapshot streams read a new snapshot no sooner. */
    ConnectorYaml stream(String name, int pageSize, String interval) {
        streams.add("{name: " + name + ", pageSize: " + pageSize + ", interval: " + interval + "}");
        return this;
    }

    ConnectorYaml backfill(String duration) {
        backfill = duration;
        return this;
    }

    ConnectorYaml interval(String duration) {
        interval = duration;
        return this;
    }

    Path store() {
        return dir.resolve("data").resolve("defender-connector.db");
    }

    /** Writes {@code connector.yaml} and returns its path. */
    Path write() throws IOException {
        Path file = dir.resolve("connector.yaml");
        Files.writeString(file, """
                store:
                  path: %s
                tenants:
                  - name: %s
                    tenantId: %s
                    clientId: %s
                    clientSecret: ${file:%s}
                    allowCustomEndpoints: true
                    endpoints:
                      all: %s
                    caCertificate: %s
                    interval: %s
                    backfill: %s
                    streams:
                """.formatted(store(), TENANT, DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID, secretFile,
                emulator.baseUrl(), emulator.caCertificatePath(), interval, backfill)
                + streams.stream().map(s -> "      - " + s + "\n").reduce("", String::concat));
        return file;
    }
}
