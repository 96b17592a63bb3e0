package org.defenderconnector.app.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * {@code defender-connector serve}: the server with the web console and the REST API, running the
 * activated integrations' collection, until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the server: web console, REST API under /api/v1 (OpenAPI at /api/v1/openapi.json), "
                + "/healthz, /readyz and /metrics, and collection for the integrations activated in it.",
                "On first start it creates user 'admin' and prints its password once "
                        + "(or takes it from DEFENDER_CONNECTOR_ADMIN_PASSWORD).",
                "Secrets are encrypted with the key in DEFENDER_CONNECTOR_KEY (base64, 32 bytes) or in DATA_DIR/secret.key."})
public final class ServeCommand implements Callable<Integer> {
    /** Read when --tls-keystore-password-file is not given, so the password never appears in a process list. */
    public static final String TLS_PASSWORD_ENV = "DEFENDER_CONNECTOR_TLS_PASSWORD";

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 for a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Other than loopback needs TLS or --allow-plain-http.")
    String bind;

    @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR",
            description = "Event store, server database and key file (default: ./${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 (or JKS) keystore with the server's key and certificate: serve HTTPS")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-type", defaultValue = "PKCS12", paramLabel = "TYPE", description = "PKCS12 or JKS (default: ${DEFAULT-VALUE})")
    String tlsKeystoreType;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "File holding the keystore password (default: environment variable " + TLS_PASSWORD_ENV + ")")
    Path tlsPasswordFile;

    @Option(names = "--allow-plain-http", description = "Allow plain HTTP on a non-loopback address (not recommended)")
    boolean allowPlainHttp;

    @Option(names = "--secret-expiry-warning-days", defaultValue = "30", paramLabel = "DAYS",
            description = "Warn this many days before a client secret or certificate expires (default: ${DEFAULT-VALUE})")
    int expiryWarningDays;

    private final PrintStream out;
    private final Function<String, String> environment;
    private final CountDownLatch stop;

    public ServeCommand() {
        this(System.out, System::getenv, null);
    }

    /** @param stop when given, the server stops when it counts down (tests); otherwise on JVM shutdown */
    ServeCommand(PrintStream out, Function<String, String> environment, CountDownLatch stop) {
        this.out = out;
        this.environment = environment;
        this.stop = stop;
    }

    @Override
    public Integer call() throws Exception {
        if (expiryWarningDays < 0 || expiryWarningDays > 3650) {
            throw new IllegalArgumentException("--secret-expiry-warning-days must be 0 to 3650");
        }
        ServerOptions options = ServerOptions.defaults(dataDir).withBind(bind, port).withAllowPlainHttp(allowPlainHttp)
                .withExpiryWarningDays(expiryWarningDays).withEnvironment(environment).withOut(out);
        if (tlsKeystore != null) {
            options = options.withTls(tlsKeystore, tlsPassword(), tlsKeystoreType);
        }
        ServerHandle server = Server.start(options);
        CountDownLatch stopped = stop != null ? stop : new CountDownLatch(1);
        if (stop == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "serve-shutdown"));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        } else {
            try {
                stopped.await();
            } finally {
                server.close();
            }
        }
        return 0;
    }

    private char[] tlsPassword() throws IOException {
        if (!Files.isReadable(tlsKeystore)) {
            throw new IllegalArgumentException("--tls-keystore " + tlsKeystore + " cannot be read");
        }
        if (tlsPasswordFile != null) {
            return Files.readString(tlsPasswordFile).strip().toCharArray();
        }
        String fromEnv = environment.apply(TLS_PASSWORD_ENV);
        if (fromEnv == null) {
            throw new IllegalArgumentException("the keystore password is missing: set " + TLS_PASSWORD_ENV
                    + " or pass --tls-keystore-password-file");
        }
        return fromEnv.toCharArray();
    }
}
