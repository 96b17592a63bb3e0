package org.defenderconnector.emulator.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Defender XDR operations (reference §4.1, §4.2); empty results in the documented shapes for now. */
public final class XdrEndpoints {

    public static final List<String> INCIDENT_ROLES = List.of("Incident.ReadWrite.All", "Incident.Read.All");
    public static final List<String> HUNTING_ROLES = List.of("AdvancedHunting.Read.All");

    private XdrEndpoints() {
    }

    public static void register(ApiRoutes routes) {
        routes.register(ApiRoute.get("/api/incidents", ApiFamily.XDR, INCIDENT_ROLES,
                request -> MdeEndpoints.collection(request, "Incidents")));
        routes.register(ApiRoute.get("/api/incidents/{id}", ApiFamily.XDR, INCIDENT_ROLES,
                request -> MdeEndpoints.notFound(request, "Incident " + request.pathParams().get("id")
                        + " was not found")));
        routes.register(ApiRoute.post("/api/advancedhunting/run", ApiFamily.XDR, HUNTING_ROLES,
                XdrEndpoints::runHunting));
    }

    /** Body {@code {"Query": "<KQL>"}}; answers {@code {"Stats", "Schema", "Results"}}. */
    private static ApiResponse runHunting(ApiRequest request) {
        JsonNode body = request.jsonBody();
        JsonNode query = body == null ? null : body.get("Query");
        if (query == null || !query.isTextual() || query.asText().isBlank()) {
            return request.error(400, "InvalidRequestBody", "Request body is incorrect: expected {\"Query\": \"<KQL>\"}");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode stats = result.putObject("Stats");
        stats.put("ExecutionTime", 0.0);
        stats.putArray("dataset_statistics").addObject().put("table_row_count", 0).put("table_size", 0);
        result.putArray("Schema");
        result.putArray("Results");
        return ApiResponse.json(200, result);
    }
}
