package org.defenderconnector.emulator.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Microsoft Graph security operations (reference §4.3–4.5); empty results in the documented shapes for now. */
public final class GraphEndpoints {

    public static final List<String> INCIDENT_ROLES = List.of("SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All");
    public static final List<String> ALERT_ROLES = List.of("SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All");
    public static final List<String> HUNTING_ROLES = List.of("ThreatHunting.Read.All");

    private GraphEndpoints() {
    }

    public static void register(ApiRoutes routes) {
        ApiFamily graph = ApiFamily.GRAPH;
        routes.register(ApiRoute.get("/v1.0/security/incidents", graph, INCIDENT_ROLES,
                request -> ApiResponse.json(200, ODataBodies.graphCollection(request, "security/incidents"))));
        routes.register(ApiRoute.get("/v1.0/security/incidents/{id}", graph, INCIDENT_ROLES,
                request -> request.error(404, "NotFound", "Incident " + request.pathParams().get("id")
                        + " was not found.")));
        routes.register(ApiRoute.get("/v1.0/security/alerts_v2", graph, ALERT_ROLES,
                request -> ApiResponse.json(200, ODataBodies.graphCollection(request, "security/alerts_v2"))));
        routes.register(ApiRoute.get("/v1.0/security/alerts_v2/{id}", graph, ALERT_ROLES,
                request -> request.error(404, "NotFound", "Alert " + request.pathParams().get("id")
                        + " was not found.")));
        routes.register(ApiRoute.post("/v1.0/security/runHuntingQuery", graph, HUNTING_ROLES,
                GraphEndpoints::runHuntingQuery));
    }

    /** Body {@code {"Query": "<KQL>", "Timespan": "..."}}; answers huntingQueryResults. */
    private static ApiResponse runHuntingQuery(ApiRequest request) {
        JsonNode body = request.jsonBody();
        JsonNode query = body == null ? null : body.has("Query") ? body.get("Query") : body.get("query");
        if (query == null || !query.isTextual() || query.asText().isBlank()) {
            return request.error(400, "BadRequest", "The request body must contain a non-empty 'Query'.");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("@odata.context", request.baseUrl()
                + "/v1.0/$metadata#microsoft.graph.security.huntingQueryResults");
        result.putArray("schema");
        result.putArray("results");
        return ApiResponse.json(200, result);
    }
}
