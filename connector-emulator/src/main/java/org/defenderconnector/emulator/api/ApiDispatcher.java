package org.defenderconnector.emulator.api;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import org.defenderconnector.emulator.http.ConnectionAbort;
import org.defenderconnector.emulator.http.Exchanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /api/...} and {@code /v1.0/...}: finds the route, runs the {@link ApiGate}, the
 * {@link ApiPolicy policies} (rate limits, faults), then the handler, and writes the response with the request ids
 * every answer carries.
 */
public final class ApiDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final Pattern VERSIONED_MDE_PATH = Pattern.compile("(?i)^/api/v1\\.0(/.*)?$");

    private final ApiRoutes routes;
    private final ApiGate gate;
    private final Clock clock;
    private final List<ApiPolicy> policies;

    public ApiDispatcher(ApiRoutes routes, ApiGate gate, Clock clock) {
        this(routes, gate, clock, List.of());
    }

    public ApiDispatcher(ApiRoutes routes, ApiGate gate, Clock clock, List<ApiPolicy> policies) {
        this.routes = routes;
        this.gate = gate;
        this.clock = clock;
        this.policies = List.copyOf(policies);
    }

    public void handle(HttpExchange exchange, String baseUrl) throws IOException {
        Instant now = clock.instant();
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = exchange.getRequestHeaders().getFirst("client-request-id");
        String correlation = clientRequestId == null ? requestId : clientRequestId;
        String path = normalize(exchange.getRequestURI().getPath());
        String method = exchange.getRequestMethod();
        ApiRoutes.Lookup lookup = routes.find(method, path);
        ApiFamily family = lookup instanceof ApiRoutes.Match match ? match.route().family()
                : lookup instanceof ApiRoutes.MethodNotAllowed notAllowed ? notAllowed.family()
                : ApiFamily.forPath(path);
        ApiResponse response;
        try {
            Caller caller = gate.authenticate(exchange.getRequestHeaders().getFirst("Authorization"), family);
            if (lookup instanceof ApiRoutes.Match match) {
                gate.authorize(caller, match.route());
                byte[] body = Exchanges.readBody(exchange, MAX_BODY_BYTES);
                ApiRequest request = new ApiRequest(method, path, match.pathParams(),
                        Exchanges.parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(),
                        body, caller, family, baseUrl, requestId, correlation, now);
                response = null;
                for (ApiPolicy policy : policies) {
                    response = policy.before(request, match.route());
                    if (response != null) {
                        break;
                    }
                }
                if (response == null) {
                    response = invoke(match.route(), request);
                }
                for (ApiPolicy policy : policies) {
                    response = policy.after(request, match.route(), response);
                }
            } else if (lookup instanceof ApiRoutes.MethodNotAllowed notAllowed) {
                response = ApiErrors.error(family, 405, family == ApiFamily.GRAPH ? "BadRequest" : "MethodNotAllowed",
                        "The requested resource does not support http method '" + method + "'.", requestId,
                        correlation, now).withHeader("Allow", String.join(", ", notAllowed.allowed()));
            } else {
                response = notFound(family, path, requestId, correlation, now);
            }
        } catch (ApiRejection rejection) {
            response = ApiErrors.error(family, rejection.status(), rejection.code(), rejection.getMessage(), requestId,
                    correlation, now);
            if (rejection.status() == 401) {
                response = response.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
        } catch (Exchanges.BodyTooLargeException e) {
            response = ApiErrors.error(family, 413, "BadRequest", "The request body is too large.", requestId,
                    correlation, now);
        }
        send(exchange, response.withHeader("request-id", requestId).withHeader("client-request-id", correlation));
    }

    private ApiResponse invoke(ApiRoute route, ApiRequest request) {
        try {
            return route.handler().handle(request);
        } catch (ApiRejection rejection) {
            return request.error(rejection.status(), rejection.code(), rejection.getMessage());
        } catch (Exception e) {
            LOG.warn("Handler for {} {} failed", route.method(), route.template(), e);
            return request.error(500, "InternalServerError", "An internal error occurred; retry the operation.");
        }
    }

    private static ApiResponse notFound(ApiFamily family, String path, String requestId, String correlation,
                                        Instant now) {
        if (family == ApiFamily.GRAPH) {
            String[] segments = path.split("/");
            return ApiErrors.error(family, 400, "BadRequest", "Resource not found for the segment '"
                    + segments[segments.length - 1] + "'.", requestId, correlation, now);
        }
        return ApiErrors.error(family, 404, "NotFound", "No API at " + path + ".", requestId, correlation, now);
    }

    /** Drops a trailing slash; MDE serves {@code /api/v1.0/x} as {@code /api/x} (the current version). */
    static String normalize(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        var versioned = VERSIONED_MDE_PATH.matcher(normalized);
        if (versioned.matches()) {
            normalized = "/api" + (versioned.group(1) == null ? "" : versioned.group(1));
        }
        return normalized;
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        if (response.stream() == null) {
            Exchanges.send(exchange, response.status(), response.contentType(), response.body(), headers);
            return;
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        exchange.sendResponseHeaders(response.status(), 0);
        OutputStream out = exchange.getResponseBody();
        try {
            response.stream().writeTo(out);
        } catch (ConnectionAbort abort) {
            // Leave the response unfinished: closing it would end the chunked body cleanly.
            out.flush();
            throw abort;
        } catch (IOException e) {
            // Usually the client went away. Either way the body cannot be completed: drop the connection.
            LOG.debug("Writing the body of {} failed: {}", exchange.getRequestURI().getPath(), e.toString());
            throw new ConnectionAbort("the response body could not be completed: " + e);
        } catch (RuntimeException e) {
            // The status line is gone already: dropping the connection is the only honest way to say the body
            // is incomplete (ending the chunked body would hand the client broken JSON as if complete).
            LOG.warn("Writing the body of {} failed; dropping the connection", exchange.getRequestURI().getPath(), e);
            throw new ConnectionAbort("the response body could not be completed: " + e);
        }
        out.close();
        exchange.close();
    }
}
