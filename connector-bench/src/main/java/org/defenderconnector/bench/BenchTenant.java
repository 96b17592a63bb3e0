package org.defenderconnector.bench;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.limits.RateLimitSettings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The emulator's demo tenant with frozen generated data and no call quotas (the emulator's quotas would
 * measure the wait, not the work; the connector still keeps to its own documented budget), and a
 * connector configuration pointing at it, written the way {@code RunningEmulator} writes it for users.
 * The emulator clock runs two minutes behind, so every record is older than the connector's sweep end.
 */
final class BenchTenant implements AutoCloseable {
    private final Emulator emulator;
    private final Path dir;
    private final Path secretFile;

    private BenchTenant(Emulator emulator, Path dir, Path secretFile) {
        this.emulator = emulator;
        this.dir = dir;
        this.secretFile = secretFile;
    }

    static BenchTenant start(Path dir, DataSettings data) throws IOException {
        EmulatorConfig config = EmulatorConfig.demo().withData(DemoCredentials.TENANT_ID, data.withLive(false))
                .withLimits(new RateLimitSettings(false, Map.of()));
        Emulator emulator = Emulator.start(config, EmulatorOptions.defaults()
                .withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2))));
        Files.createDirectories(dir);
        Path secret = dir.resolve("client-secret.txt");
        Files.deleteIfExists(secret);
        Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secret, DemoCredentials.SECRET_VALUE + "\n");
        return new BenchTenant(emulator, dir, secret);
    }

    Emulator emulator() {
        return emulator;
    }

    DataControl data() {
        return emulator.admin().data(DemoCredentials.TENANT_ID);
    }

    /**
     * Writes a {@code run} configuration collecting one stream into {@code store} (and, when
     * {@code ndjson} is set, to that file instead of the store's events) and returns its path.
     */
    Path connectorConfig(String name, Path store, String stream, int pageSize, Path ndjson) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        String sinks = ndjson == null ? "" : "sinks:\n  - {type: ndjson, path: " + ndjson + "}\n";
        Files.writeString(file, """
                store:
                  path: %s
                %stenants:
                  - name: bench
                    tenantId: %s
                    clientId: %s
                    clientSecret: ${file:%s}
                    allowCustomEndpoints: true
                    endpoints:
                      all: %s
                    caCertificate: %s
                    backfill: 7d
                    streams:
                      - {name: %s, pageSize: %d}
                """.formatted(store, sinks, DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID, secretFile,
                emulator.baseUrl(), emulator.caCertificatePath(), stream, pageSize));
        return file;
    }

    /** TLS trusting the emulator's certificate, for plain HTTP clients. */
    SSLContext trust() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("emulator", emulator.caCertificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the emulator certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
