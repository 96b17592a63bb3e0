package org.defenderconnector.emulator.api;

import static org.defenderconnector.emulator.odata.FieldType.DATETIME;
import static org.defenderconnector.emulator.odata.FieldType.ENUM;
import static org.defenderconnector.emulator.odata.FieldType.STRING;

import java.time.Clock;
import java.util.List;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.odata.CollectionSpec;
import org.defenderconnector.emulator.odata.EntityFields;
import org.defenderconnector.emulator.odata.ODataQuery;
import org.defenderconnector.emulator.views.GraphViews;

/**
 * Microsoft Graph security incidents and alerts_v2 (reference §4.4, §4.5) with {@code $filter}, {@code $top},
 * {@code $skip}, {@code $count}, {@code $expand=alerts} (incidents), and {@code @odata.nextLink} carrying
 * {@code $skip}. The docs give no maximum {@code $top}: the emulator pages incidents by 50 and alerts by 2,000
 * (its own choice) and caps larger values. Incidents come newest first (the list doc: "The most recent incidents
 * are displayed at the top of the list"); alerts in a stable order not by time. runHuntingQuery is served by
 * {@link HuntingEndpoints}.
 */
public final class GraphEndpoints {

    public static final List<String> INCIDENT_ROLES = List.of("SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All");
    public static final List<String> ALERT_ROLES = List.of("SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All");
    public static final List<String> HUNTING_ROLES = List.of("ThreatHunting.Read.All");

    public static final CollectionSpec INCIDENTS = CollectionSpec.graph("security/incidents", EntityFields.of(
            "assignedTo", STRING, "classification", ENUM, "createdDateTime", DATETIME, "determination", ENUM,
            "lastUpdateDateTime", DATETIME, "severity", ENUM, "status", ENUM), 50, 50, "alerts");
    public static final CollectionSpec ALERTS = CollectionSpec.graph("security/alerts_v2", EntityFields.of(
            "assignedTo", STRING, "classification", ENUM, "determination", ENUM, "createdDateTime", DATETIME,
            "lastUpdateDateTime", DATETIME, "severity", ENUM, "serviceSource", ENUM, "status", ENUM), 2_000, 2_000);

    private GraphEndpoints() {
    }

    public static void register(ApiRoutes routes) {
        register(routes, new EmulatorData(Clock.systemUTC()));
    }

    public static void register(ApiRoutes routes, EmulatorData data) {
        ApiFamily graph = ApiFamily.GRAPH;
        routes.register(ApiRoute.get("/v1.0/security/incidents", graph, INCIDENT_ROLES, request -> {
            TenantData tenant = MdeEndpoints.tenant(request, data);
            ODataQuery query = ODataLists.query(request, INCIDENTS);
            boolean alerts = query.expands("alerts");
            return ApiResponse.json(200, ODataLists.page(request, query, tenant.incidents(),
                    incident -> GraphViews.incident(incident, tenant.tenantId(), false),
                    incident -> GraphViews.incident(incident, tenant.tenantId(), alerts), XdrEndpoints.newestFirst(),
                    context(request, "security/incidents")));
        }));
        routes.register(ApiRoute.get("/v1.0/security/incidents/{id}", graph, INCIDENT_ROLES, request -> {
            String id = request.pathParams().get("id");
            ODataQuery query = ODataLists.query(request, INCIDENTS);
            TenantData tenant = MdeEndpoints.tenant(request, data);
            return XdrEndpoints.incidentId(id).flatMap(tenant::incident)
                    .map(incident -> ApiResponse.json(200, GraphViews.incident(incident, tenant.tenantId(),
                            query.expands("alerts"))))
                    .orElseGet(() -> request.error(404, "NotFound", "Incident " + id + " was not found."));
        }));
        routes.register(ApiRoute.get("/v1.0/security/alerts_v2", graph, ALERT_ROLES, request -> {
            TenantData tenant = MdeEndpoints.tenant(request, data);
            ODataQuery query = ODataLists.query(request, ALERTS);
            return ApiResponse.json(200, ODataLists.page(request, query, tenant.alerts(),
                    alert -> GraphViews.alert(alert, tenant.tenantId(), false),
                    alert -> GraphViews.alert(alert, tenant.tenantId()), MdeEndpoints.byIdHash(Alert::id),
                    context(request, "security/alerts_v2")));
        }));
        routes.register(ApiRoute.get("/v1.0/security/alerts_v2/{id}", graph, ALERT_ROLES, request -> {
            String id = request.pathParams().get("id");
            TenantData tenant = MdeEndpoints.tenant(request, data);
            return tenant.alert(id).map(alert -> ApiResponse.json(200, GraphViews.alert(alert, tenant.tenantId())))
                    .orElseGet(() -> request.error(404, "NotFound", "Alert " + id + " was not found."));
        }));
    }

    static String context(ApiRequest request, String entitySet) {
        return request.baseUrl() + "/v1.0/$metadata#" + entitySet;
    }
}
