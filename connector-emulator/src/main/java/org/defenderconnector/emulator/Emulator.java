package org.defenderconnector.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.defenderconnector.emulator.api.ApiDispatcher;
import org.defenderconnector.emulator.api.ApiGate;
import org.defenderconnector.emulator.api.ApiRoutes;
import org.defenderconnector.emulator.api.ExportFileEndpoints;
import org.defenderconnector.emulator.api.GraphEndpoints;
import org.defenderconnector.emulator.api.HuntingEndpoints;
import org.defenderconnector.emulator.api.MdeEndpoints;
import org.defenderconnector.emulator.api.XdrEndpoints;
import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.directory.TenantDirectory;
import org.defenderconnector.emulator.entra.ClientAuthenticator;
import org.defenderconnector.emulator.entra.TokenEndpoint;
import org.defenderconnector.emulator.entra.TokenIssuer;
import org.defenderconnector.emulator.entra.TokenRequestCounter;
import org.defenderconnector.emulator.exportfiles.ExportFiles;
import org.defenderconnector.emulator.faults.FaultPolicy;
import org.defenderconnector.emulator.faults.Faults;
import org.defenderconnector.emulator.hunting.AdvancedHunting;
import org.defenderconnector.emulator.limits.RateLimitPolicy;
import org.defenderconnector.emulator.limits.RateLimits;
import org.defenderconnector.emulator.jwt.JwtSigner;
import org.defenderconnector.emulator.tls.EmulatorCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running emulator: one HTTPS server serving Entra ID's token endpoint and the Defender for Endpoint,
 * Defender XDR and Microsoft Graph security APIs, routed by path, and the storage host of the vulnerability
 * export's files ({@code /tvm-export/...}). A client points its login authority and all
 * three API base URLs at {@link #baseUrl()}, trusts {@link #caCertificatePath()}, and asks for tokens for the
 * real resource URIs.
 */
public final class Emulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

    static {
        // The JDK server reads this once per JVM, when its first server is created. Without it every keep-alive
        // request waits ~40 ms for Nagle + delayed ACK (shared/reference/dependencies.md).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // The JDK server drops a connection that has not delivered a request within its idle interval (30 s),
        // which a starved CI machine can exceed during a TLS handshake; an emulator can afford to wait longer.
        if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
            System.setProperty("sun.net.httpserver.idleInterval", "300");
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor;
    private final EmulatorCertificate certificate;
    private final EmulatorAdmin admin;
    private final ApiRoutes routes;
    private final String baseUrl;
    private final Path temporaryDirectory;

    private Emulator(HttpsServer server, ExecutorService executor, EmulatorCertificate certificate,
                     EmulatorAdmin admin, ApiRoutes routes, String baseUrl, Path temporaryDirectory) {
        this.server = server;
        this.executor = executor;
        this.certificate = certificate;
        this.admin = admin;
        this.routes = routes;
        this.baseUrl = baseUrl;
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * Validates the config, generates the TLS certificate and signing key, and starts serving.
     *
     * @throws EmulatorConfigException when the config is inconsistent
     * @throws IOException             when the port cannot be bound or the certificate not written
     */
    public static Emulator start(EmulatorConfig config, EmulatorOptions options) throws IOException {
        EmulatorConfigValidator.requireValid(config);
        Path temporary = options.directory() == null ? Files.createTempDirectory("defender-emulator-") : null;
        Path directory = options.directory() == null ? temporary : options.directory();

        TenantDirectory tenants = new TenantDirectory(config);
        JwtSigner signer = JwtSigner.generate();
        TokenIssuer issuer = new TokenIssuer(signer, options.clock(), config.tokenLifetime());
        TokenRequestCounter counter = new TokenRequestCounter();
        TokenEndpoint tokenEndpoint = new TokenEndpoint(tenants, new ClientAuthenticator(options.clock()), issuer,
                counter, options.clock());
        EmulatorData data = new EmulatorData(options.clock());
        for (EmulatorConfig.Tenant tenant : config.tenants()) {
            if (tenant.data() != null) {
                data.configure(tenant.id(), tenant.data());
            }
        }
        AdvancedHunting hunting = new AdvancedHunting(config.hunting(), options.clock());
        RateLimits limits = new RateLimits(config.limits(), options.clock());
        Faults faults = new Faults(config.faults(), options.clock(), issuer.ledger());
        ApiRoutes routes = new ApiRoutes();
        MdeEndpoints.register(routes, data);
        ExportFiles exportFiles = new ExportFiles(data, options.clock());
        ExportFileEndpoints.register(routes, data, exportFiles);
        XdrEndpoints.register(routes, data);
        GraphEndpoints.register(routes, data);
        HuntingEndpoints.register(routes, data, hunting);
        ApiDispatcher apis = new ApiDispatcher(routes, new ApiGate(signer, options.clock()), options.clock(),
                List.of(new FaultPolicy(faults, new FaultWindows(hunting, options.clock())),
                        new RateLimitPolicy(limits)));
        EmulatorAdmin admin = new EmulatorAdmin(tenants, issuer, counter, data, faults, limits, hunting, exportFiles);
        EmulatorRouter router = new EmulatorRouter(tokenEndpoint, apis, new AdminEndpoints(admin), signer,
                exportFiles);

        InetAddress address = InetAddress.getByName(options.host());
        List<String> extraIps = address.isLoopbackAddress() || address.isAnyLocalAddress()
                ? List.of() : List.of(address.getHostAddress());
        EmulatorCertificate certificate = EmulatorCertificate.create(directory, List.of(), extraIps);

        HttpsServer server;
        try {
            server = HttpsServer.create(new InetSocketAddress(address, options.port()), 64);
        } catch (java.net.BindException e) {
            throw new IOException("Cannot listen on " + options.host() + ":" + options.port() + " (" + e.getMessage()
                    + "); choose another port, or 0 for a free one", e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        // Unbounded on purpose: a fixed pool lets held-open responses (streamed exports a client reads across
        // polls) occupy every thread, and the JDK server then closes waiting connections as idle after ~40 s.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();

        int port = server.getAddress().getPort();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : hostForUrl(options.host(), address);
        String baseUrl = "https://" + host + ":" + port;
        router.bound(baseUrl, port);
        if (!address.isLoopbackAddress()) {
            LOG.warn("The emulator listens on {}, not only on loopback; its admin endpoints still answer loopback "
                    + "callers only", options.host());
        }
        LOG.info("Emulator serving Entra ID, Defender for Endpoint, Defender XDR and Microsoft Graph at {}; "
                + "clients must trust {}", baseUrl, certificate.pemFile());
        return new Emulator(server, executor, certificate, admin, routes, baseUrl, temporary);
    }

    /** {@code https://127.0.0.1:PORT}: the login authority host and the base of every API. */
    public String baseUrl() {
        return baseUrl;
    }

    public URI baseUri() {
        return URI.create(baseUrl);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** PEM of the self-signed certificate the server presents; clients trust exactly this. */
    public Path caCertificatePath() {
        return certificate.pemFile();
    }

    public X509Certificate caCertificate() {
        return certificate.certificate();
    }

    /** Run-time control: revoke secrets, change grants, token lifetime, token request counters. */
    public EmulatorAdmin admin() {
        return admin;
    }

    /** The API route registry; register a route to add or replace an operation's handler. */
    public ApiRoutes routes() {
        return routes;
    }

    /** Stops serving at once and removes the temporary directory if the emulator created one. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        if (temporaryDirectory != null) {
            try {
                Files.deleteIfExists(certificate.pemFile());
                Files.deleteIfExists(temporaryDirectory);
            } catch (IOException e) {
                // Someone put more files there (e.g. demo credentials); leave them for their owner.
                LOG.debug("Left {} in place: {}", temporaryDirectory, e.toString());
            }
        }
        LOG.info("Emulator at {} stopped", baseUrl);
    }

    private static String hostForUrl(String configured, InetAddress address) {
        String host = address.isLoopbackAddress() && !"localhost".equalsIgnoreCase(configured)
                ? address.getHostAddress() : configured;
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "emulator-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
