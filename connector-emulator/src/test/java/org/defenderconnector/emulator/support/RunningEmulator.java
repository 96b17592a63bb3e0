package org.defenderconnector.emulator.support;

import java.nio.file.Path;

import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts one emulator per test class on a free loopback port with {@link TestDirectory}'s config, a
 * registered test certificate and a movable clock, and stops it afterwards.
 */
public abstract class RunningEmulator {

    @TempDir
    protected static Path directory;

    protected static final MutableClock CLOCK = new MutableClock();
    /** Registered on {@link TestDirectory#APP}. */
    protected static TestCertificates.Credential registeredCertificate;
    protected static Emulator emulator;
    protected static EmulatorClient client;

    @BeforeAll
    static void startEmulator() throws Exception {
        registeredCertificate = TestCertificates.generate("registered test certificate");
        EmulatorConfig config = EmulatorConfig.parse(TestDirectory.yaml(registeredCertificate.certificatePem()));
        emulator = Emulator.start(config, EmulatorOptions.defaults().withDirectory(directory).withClock(CLOCK));
        client = new EmulatorClient(emulator.baseUrl(), emulator.caCertificatePath());
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
        CLOCK.reset();
    }
}
