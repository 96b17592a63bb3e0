package org.defenderconnector.emulator.support;

import static org.defenderconnector.emulator.support.TestDirectory.APP;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.SECRET;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.directory.ResourceApi;

/**
 * An emulator whose Contoso tenant has generated data, on a {@link ManualClock}, with every permission the
 * emulator knows granted to {@link TestDirectory#APP} in Contoso. Tokens are cached per resource and renewed when
 * the clock has moved past them.
 */
public final class DataEmulator implements AutoCloseable {

    /** Tuesday 2025-03-04 10:15:30.5Z: mid-hour, so the current hour's data is partial. */
    public static final Instant START = Instant.parse("2025-03-04T10:15:30.5Z");
    /** One registered certificate for every data emulator of the run (RSA key generation is slow). */
    private static String certificatePem;

    public final ManualClock clock;
    public final Emulator emulator;
    public final EmulatorClient client;
    private final Path directory;
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();

    private DataEmulator(ManualClock clock, Emulator emulator, Path directory) {
        this.clock = clock;
        this.emulator = emulator;
        this.directory = directory;
        this.client = new EmulatorClient(emulator.baseUrl(), emulator.caCertificatePath());
    }

    /** Starts with {@code settings} for Contoso; {@code customize} may change the rest of the config. */
    public static DataEmulator start(DataSettings settings, UnaryOperator<EmulatorConfig> customize) {
        try {
            ManualClock clock = new ManualClock(START);
            Path directory = Files.createTempDirectory("data-emulator-");
            String pem = certificate();
            EmulatorConfig config = customize.apply(EmulatorConfig.parse(TestDirectory.yaml(pem))
                    .withData(CONTOSO, settings));
            Emulator emulator = Emulator.start(config, EmulatorOptions.defaults().withDirectory(directory)
                    .withClock(clock));
            for (ResourceApi api : ResourceApi.values()) {
                for (String role : api.knownRoles()) {
                    emulator.admin().grantPermission(CONTOSO, APP, api.displayName(), role);
                }
            }
            return new DataEmulator(clock, emulator, directory);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the emulator", e);
        }
    }

    private static synchronized String certificate() {
        if (certificatePem == null) {
            certificatePem = TestCertificates.generate("data tests").certificatePem();
        }
        return certificatePem;
    }

    public static DataEmulator start(DataSettings settings) {
        return start(settings, config -> config);
    }

    /** A Contoso token for {@code resource}, reused while the emulator clock is within its lifetime. */
    public String token(String resource) {
        String[] cached = tokens.get(resource);
        if (cached != null && Long.parseLong(cached[1]) > clock.instant().getEpochSecond() + 60) {
            return cached[0];
        }
        String token = client.accessToken(CONTOSO, APP, SECRET, resource);
        long exp = EmulatorClient.claims(token).get("exp").asLong();
        tokens.put(resource, new String[] {token, Long.toString(exp)});
        return token;
    }

    /** Forgets cached tokens (after tokens were invalidated on purpose). */
    public void forgetTokens() {
        tokens.clear();
    }

    public EmulatorClient.Response get(String resource, String path) {
        return client.get(path, token(resource));
    }

    @Override
    public void close() {
        emulator.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception ignored) {
            // temporary directory; nothing else to do
        }
    }
}
