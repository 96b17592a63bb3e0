package org.defenderconnector.emulator;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.AlertUpdate;
import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.data.NewAlert;
import org.defenderconnector.emulator.data.ServiceSource;
import org.defenderconnector.emulator.faults.FaultRule;
import org.defenderconnector.emulator.faults.Faults;
import org.defenderconnector.emulator.http.Exchanges;
import org.defenderconnector.emulator.hunting.HuntingSettings;
import org.defenderconnector.emulator.limits.LimitBucket;
import org.defenderconnector.emulator.limits.RateLimitSettings;
import org.defenderconnector.emulator.odata.ODataLiterals;
import org.defenderconnector.emulator.views.JsonTime;

/**
 * The admin operations on data, faults, quotas and hunting over HTTP (see docs/emulator.md, "Run-time
 * control"). Bodies are JSON; times are ISO-8601 ({@code 2024-01-01T00:00:00.1234567Z}).
 */
final class DataAdminEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final EmulatorAdmin admin;

    DataAdminEndpoints(EmulatorAdmin admin) {
        this.admin = admin;
    }

    /** Serves {@code operation} ("METHOD /path"); false when it is not one of these. */
    boolean handle(String operation, HttpExchange exchange) throws IOException {
        switch (operation) {
            case "POST /data/alerts" -> addAlerts(exchange);
            case "POST /data/alerts/update" -> updateAlert(exchange);
            case "POST /data/machineActions/update" -> {
                JsonNode body = AdminEndpoints.body(exchange);
                admin.data(AdminEndpoints.text(body, "tenantId")).updateMachineAction(AdminEndpoints.text(body, "id"),
                        AdminEndpoints.text(body, "status"), time(body, "time"));
                AdminEndpoints.noContent(exchange);
            }
            case "POST /data/settings" -> {
                JsonNode body = AdminEndpoints.body(exchange);
                JsonNode settings = body.get("settings");
                DataSettings parsed = settings == null || settings.isNull() ? null : read(settings, DataSettings.class);
                if (parsed != null) {
                    List<String> problems = parsed.problems("settings");
                    if (!problems.isEmpty()) {
                        throw new IllegalArgumentException(String.join("; ", problems));
                    }
                }
                admin.data(AdminEndpoints.text(body, "tenantId")).configure(parsed);
                AdminEndpoints.noContent(exchange);
            }
            case "GET /data/summary" -> summary(exchange);
            case "GET /faults" -> faults(exchange);
            case "POST /faults" -> {
                String id = admin.faults().add(read(AdminEndpoints.body(exchange), FaultRule.class));
                AdminEndpoints.reply(exchange, 201, JsonNodeFactory.instance.objectNode().put("id", id));
            }
            case "POST /faults/remove" -> {
                String id = AdminEndpoints.text(AdminEndpoints.body(exchange), "id");
                if (!admin.faults().remove(id)) {
                    throw new IllegalArgumentException("no fault with id '" + id + "'");
                }
                AdminEndpoints.noContent(exchange);
            }
            case "POST /faults/clear" -> {
                admin.faults().clear();
                AdminEndpoints.noContent(exchange);
            }
            case "POST /tokens/expire" -> {
                JsonNode body = AdminEndpoints.body(exchange);
                Instant cutoff = time(body, "issuedBefore");
                String tenant = body.hasNonNull("tenantId") ? AdminEndpoints.text(body, "tenantId") : null;
                if (cutoff == null && tenant == null) {
                    admin.faults().expireTokensNow();
                } else if (cutoff == null) {
                    admin.faults().expireTokensNow(tenant);
                } else if (tenant == null) {
                    admin.faults().expireTokensIssuedBefore(cutoff);
                } else {
                    admin.faults().expireTokensIssuedBefore(tenant, cutoff);
                }
                AdminEndpoints.noContent(exchange);
            }
            case "GET /limits" -> limits(exchange);
            case "POST /limits" -> {
                RateLimitSettings settings = read(AdminEndpoints.body(exchange), RateLimitSettings.class);
                List<String> problems = settings.problems("limits");
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException(String.join("; ", problems));
                }
                admin.limits().setEnabled(settings.enabled());
                settings.buckets().forEach((key, limit) -> admin.limits().set(LimitBucket.byKey(key),
                        limit.perMinute(), limit.perHour()));
                AdminEndpoints.noContent(exchange);
            }
            case "POST /limits/reset" -> {
                admin.limits().reset();
                AdminEndpoints.noContent(exchange);
            }
            case "GET /hunting" -> hunting(exchange);
            case "POST /hunting" -> {
                JsonNode body = AdminEndpoints.body(exchange);
                ObjectNode merged = JSON.valueToTree(admin.hunting().settings());
                body.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
                admin.hunting().update(read(merged, HuntingSettings.class));
                AdminEndpoints.noContent(exchange);
            }
            case "POST /hunting/resetQuota" -> {
                admin.hunting().quota().reset();
                AdminEndpoints.noContent(exchange);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void addAlerts(HttpExchange exchange) throws IOException {
        JsonNode body = AdminEndpoints.body(exchange);
        DataControl data = admin.data(AdminEndpoints.text(body, "tenantId"));
        Instant time = time(body, "time");
        if (time == null) {
            throw new IllegalArgumentException("'time' is required");
        }
        int count = body.hasNonNull("count") ? body.get("count").asInt() : 1;
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("'count' must be between 1 and 100000");
        }
        NewAlert spec = new NewAlert(time, body.hasNonNull("serviceSource")
                ? serviceSource(body.get("serviceSource").asText()) : null, optional(body, "severity"),
                optional(body, "status"), optional(body, "title"), optional(body, "machineId"),
                body.hasNonNull("incidentId") ? body.get("incidentId").asLong() : null);
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        ArrayNode ids = reply.putArray("ids");
        for (int i = 0; i < count; i++) {
            ids.add(data.addAlert(spec));
        }
        AdminEndpoints.reply(exchange, 200, reply);
    }

    private void updateAlert(HttpExchange exchange) throws IOException {
        JsonNode body = AdminEndpoints.body(exchange);
        DataControl data = admin.data(AdminEndpoints.text(body, "tenantId"));
        AlertUpdate update = new AlertUpdate(optional(body, "status"), optional(body, "assignedTo"),
                optional(body, "classification"), optional(body, "determination"), optional(body, "comment"),
                optional(body, "severity"), body.hasNonNull("incidentId") ? body.get("incidentId").asLong() : null,
                time(body, "time"));
        Alert alert = data.updateAlert(AdminEndpoints.text(body, "id"), update);
        AdminEndpoints.reply(exchange, 200, JsonNodeFactory.instance.objectNode().put("id", alert.id())
                .put("status", alert.status()).put("lastUpdateTime", JsonTime.precise(alert.lastUpdate())));
    }

    private void summary(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = Exchanges.parseQuery(exchange.getRequestURI().getRawQuery());
        if (!query.containsKey("tenantId")) {
            throw new IllegalArgumentException("'tenantId' is required");
        }
        DataControl data = admin.data(query.get("tenantId").get(0));
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.put("now", JsonTime.precise(data.now()));
        reply.put("machines", data.machines().size());
        reply.put("alerts", data.alerts().size());
        reply.put("incidents", data.incidents().size());
        reply.put("machineActions", data.machineActions().size());
        reply.set("settings", JSON.valueToTree(data.settings()));
        AdminEndpoints.reply(exchange, 200, reply);
    }

    private void faults(HttpExchange exchange) throws IOException {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        ArrayNode list = reply.putArray("faults");
        for (Faults.Status status : admin.faults().rules()) {
            ObjectNode item = JSON.valueToTree(status.rule());
            item.put("injected", status.injected());
            if (status.remaining() != null) {
                item.put("remaining", status.remaining());
            }
            list.add(item);
        }
        AdminEndpoints.reply(exchange, 200, reply);
    }

    private void limits(HttpExchange exchange) throws IOException {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.put("enabled", admin.limits().enabled());
        ObjectNode buckets = reply.putObject("buckets");
        for (LimitBucket bucket : LimitBucket.values()) {
            buckets.set(bucket.key(), JSON.valueToTree(admin.limits().limit(bucket)));
        }
        AdminEndpoints.reply(exchange, 200, reply);
    }

    private void hunting(HttpExchange exchange) throws IOException {
        ObjectNode reply = JSON.valueToTree(admin.hunting().settings());
        Map<String, List<String>> query = Exchanges.parseQuery(exchange.getRequestURI().getRawQuery());
        if (query.containsKey("tenantId")) {
            reply.put("cpuSecondsUsed", admin.hunting().quota().used(query.get("tenantId").get(0)));
        }
        AdminEndpoints.reply(exchange, 200, reply);
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + ": " + message);
        }
    }

    private static ServiceSource serviceSource(String name) {
        for (ServiceSource source : ServiceSource.values()) {
            if (source.name().equalsIgnoreCase(name)) {
                return source;
            }
        }
        throw new IllegalArgumentException("'serviceSource' must be ENDPOINT, OFFICE or CLOUD_APPS, got '" + name + "'");
    }

    private static String optional(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode body, String field) {
        String text = optional(body, field);
        if (text == null) {
            return null;
        }
        Instant instant = ODataLiterals.parseInstant(text);
        if (instant == null) {
            throw new IllegalArgumentException("'" + field + "' is not an ISO-8601 time: " + text);
        }
        return instant;
    }
}
