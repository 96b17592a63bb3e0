package org.defenderconnector.app.e2e;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.limits.RateLimitSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The emulator's demo tenant with generated data, started for one end-to-end test, and the secret file
 * a connector configuration refers to (as {@code RunningEmulator} writes it for users).
 *
 * <p>The data is frozen ({@code live: false}) so that the emulator's answer is the same at every request
 * and the test can ask {@link DataControl} for the truth. The emulator clock runs two minutes behind the
 * system clock: every generated record is then older than the connector's sweep end (now - 30 s lag), so
 * one collection reaches all of it, while rate-limit windows still move in real time.
 */
final class EmulatedTenant implements AutoCloseable {
    static final Duration CLOCK_BEHIND = Duration.ofMinutes(2);

    private final Emulator emulator;
    private final Path dir;
    private final Path secretFile;

    private EmulatedTenant(Emulator emulator, Path dir, Path secretFile) {
        this.emulator = emulator;
        this.dir = dir;
        this.secretFile = secretFile;
    }

    /** Frozen data from {@code data}, the documented rate limits. */
    static EmulatedTenant start(Path dir, DataSettings data) throws IOException {
        return start(dir, data, RateLimitSettings.documented());
    }

    static EmulatedTenant start(Path dir, DataSettings data, RateLimitSettings limits) throws IOException {
        EmulatorConfig config = EmulatorConfig.demo().withData(DemoCredentials.TENANT_ID, data.withLive(false))
                .withLimits(limits);
        Clock behind = Clock.offset(Clock.systemUTC(), CLOCK_BEHIND.negated());
        Emulator emulator = Emulator.start(config, EmulatorOptions.defaults().withClock(behind));
        try {
            Files.createDirectories(dir);
            Path secret = dir.resolve("client-secret.txt");
            Files.deleteIfExists(secret);
            Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secret, DemoCredentials.SECRET_VALUE + "\n");
            return new EmulatedTenant(emulator, dir, secret);
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** No call quotas at all: for tests whose subject is not throttling and that make many calls. */
    static RateLimitSettings noLimits() {
        return new RateLimitSettings(false, Map.of());
    }

    Emulator emulator() {
        return emulator;
    }

    DataControl data() {
        return emulator.admin().data(DemoCredentials.TENANT_ID);
    }

    /** A connector configuration for this tenant, written into the test directory. */
    ConnectorYaml config() {
        return new ConnectorYaml(emulator, secretFile, dir);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
