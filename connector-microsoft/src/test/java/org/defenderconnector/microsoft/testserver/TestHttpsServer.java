package org.defenderconnector.microsoft.testserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTPS server on 127.0.0.1 with a free port, for unit tests of the client and the sources.
 * Routes are exact paths; every request is logged so tests can assert what the client asked.
 */
public final class TestHttpsServer implements AutoCloseable {
    /** Handles one request to a route. */
    @FunctionalInterface
    public interface Route {
        void handle(Exchange exchange) throws IOException;
    }

    /** A request as the test sees it, and the means to answer it. */
    public static final class Exchange {
        private final HttpExchange http;
        private String body;

        Exchange(HttpExchange http) {
            this.http = http;
        }

        public URI uri() {
            return http.getRequestURI();
        }

        public Map<String, String> query() {
            return Query.parse(http.getRequestURI().getRawQuery());
        }

        /** The request body as UTF-8 text (read once, then kept). */
        public synchronized String body() throws IOException {
            if (body == null) {
                body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            }
            return body;
        }

        public String method() {
            return http.getRequestMethod();
        }

        public String header(String name) {
            return http.getRequestHeaders().getFirst(name);
        }

        public void respond(int status, String json) throws IOException {
            respond(status, json, Map.of());
        }

        public void respond(int status, String json, Map<String, String> headers) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            headers.forEach((k, v) -> http.getResponseHeaders().add(k, v));
            http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }

        /** Sends headers for a chunked body and returns the body stream (for generated, streamed bodies). */
        public OutputStream streamBody(int status) throws IOException {
            http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            http.sendResponseHeaders(status, 0);
            return http.getResponseBody();
        }

        /** Promises a body of the given length but sends only part of it, then drops the connection. */
        public void respondTruncated(String json, int sendBytes) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            http.sendResponseHeaders(200, body.length);
            OutputStream out = http.getResponseBody();
            out.write(body, 0, Math.min(sendBytes, body.length));
            out.flush();
            http.close();
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-https");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public TestHttpsServer() throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestCertificate.shared().serverContext()));
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public TestHttpsServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<URI> requests() {
        return List.copyOf(requests);
    }

    public List<URI> requests(String path) {
        return requests.stream().filter(u -> u.getPath().equals(path)).toList();
    }

    /** The Authorization headers received, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void dispatch(HttpExchange http) throws IOException {
        try {
            requests.add(http.getRequestURI());
            String auth = http.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            Route route = routes.get(http.getRequestURI().getPath());
            Exchange exchange = new Exchange(http);
            if (route == null) {
                exchange.respond(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no route "
                        + http.getRequestURI().getPath() + "\",\"target\":\"test\"}}");
                return;
            }
            route.handle(exchange);
        } catch (IOException | RuntimeException e) {
            // The client sees a dropped connection; the test sees the assertion that follows.
            http.close();
        } finally {
            http.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
