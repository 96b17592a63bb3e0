package org.defenderconnector.emulator.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.http.Exchanges;
import org.defenderconnector.emulator.hunting.AdvancedHunting;
import org.defenderconnector.emulator.hunting.HuntingQuota;
import org.defenderconnector.emulator.hunting.HuntingTable;
import org.defenderconnector.emulator.hunting.KqlException;
import org.defenderconnector.emulator.hunting.Timespans;
import org.defenderconnector.emulator.odata.TimeWindow;
import org.defenderconnector.emulator.views.JsonTime;

/**
 * Advanced hunting, three ways: Graph {@code POST /v1.0/security/runHuntingQuery} (ThreatHunting.Read.All;
 * {@code {"Query","Timespan"}} in, {@code {"@odata.context","schema":[{"name","type"}],"results"}} out) and the
 * two legacy APIs being retired, MDE {@code POST /api/advancedqueries/run} (AdvancedQuery.Read.All) and XDR
 * {@code POST /api/advancedhunting/run} (AdvancedHunting.Read.All), {@code {"Query"}} in and
 * {@code {["Stats",] "Schema":[{"Name","Type"}], "Results"}} out, over the last 30 days.
 */
public final class HuntingEndpoints {

    public static final List<String> GRAPH_ROLES = GraphEndpoints.HUNTING_ROLES;
    public static final List<String> MDE_ROLES = List.of("AdvancedQuery.Read.All");
    public static final List<String> XDR_ROLES = XdrEndpoints.HUNTING_ROLES;
    /** The legacy APIs query "the last 30 days" only. */
    static final Duration LEGACY_RANGE = Duration.ofDays(30);

    private enum Shape { GRAPH, MDE, XDR }

    private HuntingEndpoints() {
    }

    public static void register(ApiRoutes routes, EmulatorData data, AdvancedHunting hunting) {
        routes.register(ApiRoute.post("/v1.0/security/runHuntingQuery", ApiFamily.GRAPH, GRAPH_ROLES,
                request -> run(request, data, hunting, Shape.GRAPH)));
        routes.register(ApiRoute.post("/api/advancedqueries/run", ApiFamily.MDE, MDE_ROLES,
                request -> run(request, data, hunting, Shape.MDE)));
        routes.register(ApiRoute.post("/api/advancedhunting/run", ApiFamily.XDR, XDR_ROLES,
                request -> run(request, data, hunting, Shape.XDR)));
    }

    /** The query text of a hunting request, or null. Graph also accepts lower-case keys. */
    public static String queryText(JsonNode body, boolean graph) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode query = body.has("Query") || !graph ? body.get("Query") : body.get("query");
        return query != null && query.isTextual() && !query.asText().isBlank() ? query.asText() : null;
    }

    /** The time range a hunting request covers (Graph's Timespan or the legacy 30 days, narrowed by the query). */
    public static java.util.Optional<TimeWindow> window(ApiRequest request, AdvancedHunting hunting, Instant now) {
        boolean graph = request.family() == ApiFamily.GRAPH;
        JsonNode body = request.jsonBody();
        String query = queryText(body, graph);
        if (query == null) {
            return java.util.Optional.empty();
        }
        try {
            return hunting.window(query, base(body, graph, now));
        } catch (KqlException e) {
            return java.util.Optional.empty();
        }
    }

    private static TimeWindow base(JsonNode body, boolean graph, Instant now) {
        if (graph) {
            JsonNode timespan = body.has("Timespan") ? body.get("Timespan") : body.get("timespan");
            return Timespans.parse(timespan == null || timespan.isNull() ? null : timespan.asText(), now);
        }
        return new TimeWindow(now.minus(LEGACY_RANGE), true, now, true);
    }

    private static ApiResponse run(ApiRequest request, EmulatorData data, AdvancedHunting hunting, Shape shape)
            throws ApiRejection {
        JsonNode body = request.jsonBody();
        String query = queryText(body, shape == Shape.GRAPH);
        if (query == null) {
            throw shape == Shape.GRAPH
                    ? new ApiRejection(400, "BadRequest", "The request body must contain a non-empty 'Query'.")
                    : new ApiRejection(400, "InvalidRequestBody", "Request body is incorrect: expected "
                    + "{\"Query\": \"<KQL>\"}");
        }
        TenantData tenant = MdeEndpoints.tenant(request, data);
        HuntingQuota quota = hunting.quota();
        var blocked = quota.blockedUntil(tenant.tenantId());
        if (blocked.isPresent()) {
            long seconds = Math.max(1, Duration.between(request.receivedAt(), blocked.get()).toSeconds());
            return request.error(429, "TooManyRequests", "The tenant has used its advanced hunting CPU quota of "
                            + hunting.settings().cpuSecondsPer15Minutes() + " seconds for the current 15-minute cycle. "
                            + "The quota resets at " + JsonTime.seconds(blocked.get()) + " (in " + seconds
                            + " seconds).")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        AdvancedHunting.Result result;
        try {
            if (!tenant.provisioned()) {
                // A tenant without generated data has no hunting tables: queries are checked, the answer is empty.
                hunting.check(query);
                result = new AdvancedHunting.Result(List.of(), List.of(), 0, false, 0);
            } else {
                Instant now = tenant.clockNow();
                result = hunting.run(query, base(body, shape == Shape.GRAPH, now), tenant);
            }
        } catch (KqlException e) {
            throw new ApiRejection(400, "BadRequest", e.getMessage());
        }
        quota.charge(tenant.tenantId(), result.cpuSeconds());
        ObjectNode response = render(request, result, shape);
        byte[] bytes = Exchanges.bytes(response);
        if (bytes.length > hunting.settings().maxResultBytes()) {
            throw new ApiRejection(400, "BadRequest", "Query execution has exceeded the allowed result size. "
                    + "Optimize your query by limiting the number of results and try again.");
        }
        return new ApiResponse(200, java.util.Map.of(), Exchanges.JSON_UTF8, bytes, null);
    }

    private static ObjectNode render(ApiRequest request, AdvancedHunting.Result result, Shape shape) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        boolean graph = shape == Shape.GRAPH;
        if (graph) {
            body.put("@odata.context", request.baseUrl()
                    + "/v1.0/$metadata#microsoft.graph.security.huntingQueryResults");
        }
        if (shape == Shape.XDR) {
            ObjectNode stats = body.putObject("Stats");
            stats.put("ExecutionTime", result.cpuSeconds());
            ObjectNode usage = stats.putObject("resource_usage");
            ObjectNode cache = usage.putObject("cache");
            cache.putObject("memory").put("hits", result.scanned()).put("misses", 0).put("total", result.scanned());
            cache.putObject("disk").put("hits", 0).put("misses", 0).put("total", 0);
            String cpu = cpu(result.cpuSeconds());
            usage.putObject("cpu").put("user", cpu).put("kernel", "00:00:00.0000000").put("total cpu", cpu);
            usage.putObject("memory").put("peak_per_node", 1_048_576 + result.scanned() * 1_024);
            stats.putArray("dataset_statistics").addObject().put("table_row_count", result.rows().size())
                    .put("table_size", result.rows().size() * 1_024L);
        }
        ArrayNode schema = body.putArray(graph ? "schema" : "Schema");
        for (HuntingTable.Column column : result.columns()) {
            schema.addObject().put(graph ? "name" : "Name", column.name())
                    .put(graph ? "type" : "Type", column.type().schemaName());
        }
        ArrayNode results = body.putArray(graph ? "results" : "Results");
        for (Object[] row : result.rows()) {
            ObjectNode item = results.addObject();
            for (int i = 0; i < row.length; i++) {
                put(item, result.columns().get(i).name(), row[i]);
            }
        }
        return body;
    }

    private static void put(ObjectNode item, String name, Object value) {
        if (value == null) {
            item.putNull(name);
        } else if (value instanceof Instant instant) {
            item.put(name, JsonTime.precise(instant));
        } else if (value instanceof Long number) {
            item.put(name, number);
        } else if (value instanceof Integer number) {
            item.put(name, number);
        } else if (value instanceof Double number) {
            item.put(name, number);
        } else if (value instanceof Boolean flag) {
            item.put(name, flag);
        } else if (value instanceof JsonNode node) {
            item.set(name, node);
        } else {
            item.put(name, value.toString());
        }
    }

    /** {@code 00:00:19.0468750}, as XDR's Stats show CPU time. */
    private static String cpu(double seconds) {
        long ticks = Math.round(seconds * 10_000_000);
        long totalSeconds = ticks / 10_000_000;
        return String.format("%02d:%02d:%02d.%07d", totalSeconds / 3600, totalSeconds / 60 % 60, totalSeconds % 60,
                ticks % 10_000_000);
    }
}
