package org.defenderconnector.app.server;

import org.defenderconnector.app.server.api.ApiServer;
import org.defenderconnector.app.server.audit.AuditTrail;
import org.defenderconnector.app.server.integrations.CredentialTester;
import org.defenderconnector.app.server.integrations.IntegrationService;
import org.defenderconnector.app.server.integrations.OnboardingCheck;
import org.defenderconnector.app.server.ops.Metrics;
import org.defenderconnector.app.server.ops.Readiness;
import org.defenderconnector.app.server.runtime.EngineRuntime;
import org.defenderconnector.app.server.runtime.SourceProvider;
import org.defenderconnector.app.server.security.Accounts;
import org.defenderconnector.app.server.security.ApiTokens;
import org.defenderconnector.app.server.security.LoginThrottle;
import org.defenderconnector.app.server.security.MasterKey;
import org.defenderconnector.app.server.security.PasswordHasher;
import org.defenderconnector.app.server.security.Sessions;
import org.defenderconnector.engine.Engine;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.admin.AdminDatabase;
import org.defenderconnector.store.admin.ApiTokenRecords;
import org.defenderconnector.store.admin.AuditLog;
import org.defenderconnector.store.admin.IntegrationRecords;
import org.defenderconnector.store.admin.SecretVault;
import org.defenderconnector.store.admin.UserAccounts;
import org.defenderconnector.store.browse.EventBrowser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Starts the server in-process: opens the stores in the data directory, creates the first admin when
 * there is none, resumes the integrations that were active, and serves the API and the console.
 * {@code serve} runs it until interrupted; {@code demo} starts it beside the emulator.
 */
public final class Server {
    /** The event store file; the same default as the {@code run} configuration, so both read one store. */
    public static final String EVENT_STORE_FILE = "defender-connector.db";
    public static final String SERVER_DATABASE_FILE = "server.db";
    private static final int BROWSE_CONNECTIONS = 8;

    private Server() {
    }

    /**
     * @throws IOException              when the data directory cannot be created or the port bound
     * @throws IllegalArgumentException for option combinations that would be unsafe or cannot work
     */
    public static ServerHandle start(ServerOptions options) throws IOException {
        refuseUnsafeListen(options);
        Path dataDir = options.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            MasterKey.Loaded key = MasterKey.load(options.environment(), dataDir);
            AdminDatabase admin = AdminDatabase.open(dataDir.resolve(SERVER_DATABASE_FILE));
            opened.add(admin);
            EventStore store = EventStore.open(dataDir.resolve(EVENT_STORE_FILE), options.clock());
            opened.add(store);
            EventBrowser events = EventBrowser.open(dataDir.resolve(EVENT_STORE_FILE), BROWSE_CONNECTIONS);
            opened.add(events);

            AuditTrail audit = new AuditTrail(new AuditLog(admin, options.clock()));
            Sessions sessions = new Sessions(options.clock());
            Accounts accounts = new Accounts(new UserAccounts(admin), new PasswordHasher(), audit, sessions, options.clock());
            Optional<String> firstAdminPassword = accounts.bootstrap(options.environment());
            ApiTokens tokens = new ApiTokens(new ApiTokenRecords(admin), audit, options.clock());

            SourceProvider sources = options.sources() != null ? options.sources() : DefaultSources.provider(dataDir, store);
            EngineRuntime runtime = new EngineRuntime(new Engine(), store, store, sources, Normalizer.withAllMappers());
            opened.add(runtime);
            CredentialTester tester = options.tester() != null ? options.tester() : new OnboardingCheck();
            IntegrationService integrations = new IntegrationService(new IntegrationRecords(admin),
                    new SecretVault(admin, key.key(), options.clock()), audit, runtime, tester, events,
                    dataDir.resolve("ca"), options.expiryWarningDays(), options.clock());
            integrations.resumeActive();

            ApiServer api = ApiServer.start(new ApiServer.Listen(options.bind(), options.port(), options.tlsKeystore(),
                            options.tlsPassword(), options.tlsKeystoreType()),
                    new ApiServer.Services(accounts, sessions, tokens, new LoginThrottle(options.clock()), audit,
                            integrations, events, new Metrics(integrations, runtime, options.clock()),
                            new Readiness(admin, events, runtime)));
            opened.add(api);

            URI url = URI.create((options.tls() ? "https" : "http") + "://" + hostForUrl(options.bind()) + ":"
                    + api.port() + "/");
            announce(options, url, dataDir, key, firstAdminPassword);
            // Close in reverse: stop serving first, then collection, then the stores.
            Collections.reverse(opened);
            return new ServerHandle(url, api.port(), firstAdminPassword.orElse(null), integrations, api.routes(), opened);
        } catch (RuntimeException e) {
            Collections.reverse(opened);
            for (AutoCloseable closeable : opened) {
                try {
                    closeable.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static void refuseUnsafeListen(ServerOptions options) throws IOException {
        if (options.tls() || options.allowPlainHttp()) {
            return;
        }
        InetAddress address = InetAddress.getByName(options.bind());
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing plain HTTP on " + options.bind() + ": passwords and session cookies"
                    + " would cross the network in clear. Use --tls-keystore (see docs/server.md), or bind 127.0.0.1 behind"
                    + " a TLS proxy, or pass --allow-plain-http if you accept the risk");
        }
    }

    private static void announce(ServerOptions options, URI url, Path dataDir, MasterKey.Loaded key,
                                 Optional<String> firstAdminPassword) {
        var out = options.out();
        out.println("defender-connector server is running");
        out.println("  console and API: " + url + "  (OpenAPI: " + url.resolve("api/v1/openapi.json") + ")");
        out.println("  data directory:  " + dataDir);
        out.println("  secrets key:     " + key.origin());
        if (!options.tls()) {
            out.println("  plain HTTP: fine on loopback for development; use --tls-keystore anywhere else");
        }
        firstAdminPassword.ifPresent(password -> {
            out.println();
            out.println("  First start: created user 'admin' with password " + password);
            out.println("  This password is shown only once. Sign in and change it (Settings > Change password).");
        });
        out.flush();
    }

    private static String hostForUrl(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return "127.0.0.1";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
