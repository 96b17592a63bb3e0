package org.defenderconnector.app.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the server under test, as a browser (cookies + CSRF header) or as automation (Bearer
 * token). Records every response body so leak tests can search them.
 */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final URI base;
    private final HttpClient client;
    private final List<String> bodies;
    private String csrf;
    private String bearer;

    private Http(URI base, HttpClient client, List<String> bodies) {
        this.base = base;
        this.client = client;
        this.bodies = bodies;
    }

    public static Http to(URI base) {
        return to(base, null, new ArrayList<>());
    }

    /** A client recording every response body into {@code bodies}. */
    public static Http to(URI base, SSLContext tls, List<String> bodies) {
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        return new Http(base, builder.build(), bodies);
    }

    /** Signs in; afterwards changing requests carry the session's CSRF token. */
    public Http login(String username, String password) {
        Response r = post("/api/v1/session", JSON.createObjectNode().put("username", username).put("password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        csrf = r.json().get("csrfToken").asText();
        return this;
    }

    public Http bearer(String token) {
        this.bearer = token;
        return this;
    }

    public Http csrf(String token) {
        this.csrf = token;
        return this;
    }

    public String csrf() {
        return csrf;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, null);
    }

    /** A POST with a raw body and content type (null: application/json). */
    public Response post(String path, String body, String contentType) {
        return send("POST", path, body, contentType);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response send(String method, String path, Object body, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
            if (body != null) {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.method(method, HttpRequest.BodyPublishers.ofString(text));
                request.header("Content-Type", contentType == null ? "application/json" : contentType);
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            if (csrf != null) {
                request.header("X-CSRF-Token", csrf);
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            synchronized (bodies) {
                bodies.add(response.body());
                response.headers().map().forEach((k, v) -> bodies.add(k + ": " + String.join(",", v)));
            }
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
