package org.defenderconnector.emulator;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import org.defenderconnector.emulator.http.Exchanges;

/**
 * {@code /_emulator/admin/...}: the {@link EmulatorAdmin} operations over HTTP with JSON bodies, for pipelines
 * that drive the emulator from another process. Answers loopback callers only, whatever address is bound.
 */
final class AdminEndpoints {

    static final String PREFIX = "/_emulator/admin";

    private final EmulatorAdmin admin;
    private final DataAdminEndpoints operations;

    AdminEndpoints(EmulatorAdmin admin) {
        this.admin = admin;
        this.operations = new DataAdminEndpoints(admin);
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            reply(exchange, 403, error("admin endpoints answer loopback callers only"));
            return;
        }
        String operation = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        try {
            switch (method + " " + operation) {
                case "POST /revokeSecret" -> {
                    JsonNode body = body(exchange);
                    admin.revokeSecret(text(body, "clientId"), text(body, "secretId"));
                    noContent(exchange);
                }
                case "POST /removePermission" -> {
                    JsonNode body = body(exchange);
                    admin.removePermission(text(body, "tenantId"), text(body, "clientId"), text(body, "api"),
                            text(body, "role"));
                    noContent(exchange);
                }
                case "POST /grantPermission" -> {
                    JsonNode body = body(exchange);
                    admin.grantPermission(text(body, "tenantId"), text(body, "clientId"), text(body, "api"),
                            text(body, "role"));
                    noContent(exchange);
                }
                case "POST /tokenLifetime" -> {
                    JsonNode seconds = body(exchange).get("seconds");
                    if (seconds == null || !seconds.canConvertToLong() || seconds.asLong() < 1) {
                        throw new IllegalArgumentException("'seconds' must be a positive number");
                    }
                    admin.setTokenLifetime(Duration.ofSeconds(seconds.asLong()));
                    noContent(exchange);
                }
                case "GET /tokenLifetime" -> reply(exchange, 200,
                        JsonNodeFactory.instance.objectNode().put("seconds", admin.tokenLifetime().toSeconds()));
                case "GET /tokenRequests" -> reply(exchange, 200, counters(exchange));
                case "POST /resetCounters" -> {
                    admin.resetCounters();
                    noContent(exchange);
                }
                default -> {
                    if (!operations.handle(method + " " + operation, exchange)) {
                        reply(exchange, 404, error("unknown admin operation " + method + " " + operation
                                + "; see docs/emulator.md"));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            reply(exchange, 400, error(e.getMessage()));
        }
    }

    private ObjectNode counters(HttpExchange exchange) {
        Map<String, java.util.List<String>> query = Exchanges.parseQuery(exchange.getRequestURI().getRawQuery());
        if (query.containsKey("tenantId") && query.containsKey("clientId") && query.containsKey("resource")) {
            long count = admin.tokenRequestCount(query.get("tenantId").get(0), query.get("clientId").get(0),
                    query.get("resource").get(0));
            return JsonNodeFactory.instance.objectNode().put("count", count);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode counters = body.putArray("counters");
        admin.tokenRequestCounters().forEach((key, count) -> counters.addObject()
                .put("tenantId", key.tenant()).put("clientId", key.clientId())
                .put("resource", key.resource()).put("count", count));
        return body;
    }

    static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = Exchanges.readBody(exchange, 64 * 1024);
        try {
            JsonNode body = Exchanges.JSON.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value.asText();
    }

    static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    static void noContent(HttpExchange exchange) throws IOException {
        Exchanges.send(exchange, 204, null, new byte[0], Map.of());
    }

    static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        Exchanges.sendJson(exchange, status, body, Map.of("Cache-Control", "no-store"));
    }
}
