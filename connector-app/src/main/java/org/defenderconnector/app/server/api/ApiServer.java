package org.defenderconnector.app.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.defenderconnector.app.server.audit.AuditTrail;
import org.defenderconnector.app.server.integrations.IntegrationService;
import org.defenderconnector.app.server.integrations.InvalidInputException;
import org.defenderconnector.app.server.ops.Metrics;
import org.defenderconnector.app.server.ops.Readiness;
import org.defenderconnector.app.server.security.Accounts;
import org.defenderconnector.app.server.security.ApiTokens;
import org.defenderconnector.app.server.security.LoginThrottle;
import org.defenderconnector.app.server.security.Role;
import org.defenderconnector.app.server.security.Sessions;
import org.defenderconnector.store.browse.EventBrowser;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * The HTTP side of {@code serve}: the REST API under {@code /api/v1}, its OpenAPI document, the web
 * console (static files from the classpath), and {@code /healthz}, {@code /readyz}, {@code /metrics}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}\\.(js|css|svg)");
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** Everything the routes need. */
    public record Services(Accounts accounts, Sessions sessions, ApiTokens tokens, LoginThrottle throttle,
                           AuditTrail audit, IntegrationService integrations, EventBrowser events, Metrics metrics,
                           Readiness readiness) {
    }

    /** Where to listen; a keystore makes it HTTPS. */
    public record Listen(String host, int port, java.nio.file.Path keystore, char[] keystorePassword, String keystoreType) {
        boolean tls() {
            return keystore != null;
        }

        @Override
        public String toString() {
            return "Listen[" + host + ":" + port + (tls() ? ", TLS " + keystore : "") + "]";
        }
    }

    private final Javalin app;
    private final boolean tls;

    private ApiServer(Javalin app, boolean tls) {
        this.app = app;
        this.tls = tls;
    }

    public static ApiServer start(Listen listen, Services services) {
        ObjectMapper json = Json.mapper();
        Exchange io = new Exchange(json);
        SessionCookie cookie = new SessionCookie(listen.tls());
        AccessGuard guard = new AccessGuard(services.sessions(), services.tokens(), cookie);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            // Exports are streamed; compressing would buffer them. Responses are small otherwise.
            config.http.disableCompression();
            config.http.maxRequestSize = 2_000_000L;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.addConnector((server, http) -> connector(server, http, listen));
        });
        app.before(ctx -> securityHeaders(ctx, listen.tls()));
        app.beforeMatched(guard::check);
        mapExceptions(app, io);
        new SessionRoutes(services.accounts(), services.sessions(), services.throttle(), cookie, io).register(app);
        new IntegrationRoutes(services.integrations(), io).register(app);
        new EventRoutes(services.events(), io).register(app);
        new AdminRoutes(services.accounts(), services.tokens(), services.audit(), io).register(app);
        registerOps(app, services, io);
        registerConsole(app);
        app.start();
        return new ApiServer(app, listen.tls());
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, Listen listen) {
        ServerConnector connector;
        http.setSendServerVersion(false);
        if (listen.tls()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(listen.keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(new String(listen.keystorePassword()));
            ssl.setKeyStoreType(listen.keystoreType());
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Browsers check the certificate's names themselves; refusing IP-address requests here helps nobody.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(listen.host());
        connector.setPort(listen.port());
        return connector;
    }

    private static void securityHeaders(Context ctx, boolean tls) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static void mapExceptions(Javalin app, Exchange io) {
        app.exception(ApiException.class, (e, ctx) -> io.send(ctx, e.status(), e.body()));
        app.exception(InvalidInputException.class, (e, ctx) -> {
            ApiException api = new ApiException(400, "invalid_input", e.getMessage(),
                    "correct the fields listed and submit again", e.errors());
            io.send(ctx, 400, api.body());
        });
        app.exception(IllegalArgumentException.class, (e, ctx) ->
                io.send(ctx, 400, ApiException.badRequest(e.getMessage(), null).body()));
        app.exception(NoSuchElementException.class, (e, ctx) ->
                io.send(ctx, 404, ApiException.notFound(e.getMessage()).body()));
        app.exception(IllegalStateException.class, (e, ctx) ->
                io.send(ctx, 409, new ApiException(409, "conflict", e.getMessage(), null).body()));
        app.exception(SecurityException.class, (e, ctx) ->
                io.send(ctx, 403, ApiException.forbidden(e.getMessage()).body()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
            io.send(ctx, 500, new ApiException(500, "internal", "the server could not complete the request",
                    "see the server log; retry later").body());
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && !isJson(ctx)) {
                io.send(ctx, 404, ApiException.notFound("no such endpoint: " + ctx.method() + " " + ctx.path()
                        + " (see /api/v1/openapi.json)").body());
            }
        });
        app.error(405, ctx -> {
            if (ctx.path().startsWith("/api/") && !isJson(ctx)) {
                io.send(ctx, 405, new ApiException(405, "method_not_allowed", ctx.method() + " is not allowed here",
                        "see /api/v1/openapi.json").body());
            }
        });
    }

    /** Our own errors are JSON already; only the router's plain-text ones are replaced. */
    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private static void registerOps(Javalin app, Services services, Exchange io) {
        app.get("/healthz", ctx -> io.ok(ctx, Map.of("status", "ok")));
        app.get("/readyz", ctx -> {
            Map<String, Boolean> checks = services.readiness().checks();
            boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
            io.send(ctx, ready ? 200 : 503, Map.of("status", ready ? "ready" : "not ready", "checks", checks));
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(services.metrics().scrape()), Role.VIEWER);
        app.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(resource("api/openapi.json")));
    }

    private static void registerConsole(Javalin app) {
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(resource("web/index.html")));
        app.get("/assets/{file}", ctx -> {
            String file = ctx.pathParam("file");
            if (!ASSET.matcher(file).matches()) {
                throw ApiException.notFound("no such file");
            }
            String type = file.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : file.endsWith(".css") ? "text/css; charset=utf-8" : "image/svg+xml";
            ctx.contentType(type).result(resource("web/" + file));
        });
    }

    private static byte[] resource(String path) {
        try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw ApiException.notFound("no such file");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled resource " + path, e);
        }
    }

    public int port() {
        return app.port();
    }

    /** One registered route: what the OpenAPI document must describe. */
    public record Route(String method, String path, String role) {
    }

    /** Every route this server answers, with the role it needs (null for public routes). */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (var parsed : app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            var endpoint = parsed.getEndpoint();
            if (!endpoint.getMethod().isHttpMethod()) {
                continue;
            }
            var roles = endpoint.getRoles();
            String role = roles.contains(Role.ADMIN) ? "admin" : roles.contains(Role.VIEWER) ? "viewer" : null;
            routes.add(new Route(endpoint.getMethod().name(), endpoint.getPath(), role));
        }
        return routes;
    }

    public boolean tls() {
        return tls;
    }

    @Override
    public void close() {
        app.stop();
    }
}
