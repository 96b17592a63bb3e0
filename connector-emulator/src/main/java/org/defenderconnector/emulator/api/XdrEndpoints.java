package org.defenderconnector.emulator.api;

import static org.defenderconnector.emulator.odata.FieldType.DATETIME;
import static org.defenderconnector.emulator.odata.FieldType.ENUM;
import static org.defenderconnector.emulator.odata.FieldType.STRING;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.data.Incident;
import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.odata.CollectionSpec;
import org.defenderconnector.emulator.odata.EntityFields;
import org.defenderconnector.emulator.odata.ODataQuery;
import org.defenderconnector.emulator.views.XdrViews;

/**
 * Defender XDR incidents (reference §4.1): {@code $filter} on lastUpdateTime, createdTime, status, assignedTo;
 * at most 100 per page; "The most recent incidents are displayed at the top of the list" (newest createdTime
 * first). Advanced hunting is served by {@link HuntingEndpoints}.
 */
public final class XdrEndpoints {

    public static final List<String> INCIDENT_ROLES = List.of("Incident.ReadWrite.All", "Incident.Read.All");
    public static final List<String> HUNTING_ROLES = List.of("AdvancedHunting.Read.All");

    public static final CollectionSpec INCIDENTS = CollectionSpec.mde("Incidents", EntityFields.of(
            "lastUpdateTime", DATETIME, "createdTime", DATETIME, "status", ENUM, "assignedTo", STRING), 100);

    private XdrEndpoints() {
    }

    public static void register(ApiRoutes routes) {
        register(routes, new EmulatorData(Clock.systemUTC()));
    }

    public static void register(ApiRoutes routes, EmulatorData data) {
        routes.register(ApiRoute.get("/api/incidents", ApiFamily.XDR, INCIDENT_ROLES, request -> {
            TenantData tenant = MdeEndpoints.tenant(request, data);
            ODataQuery query = ODataLists.query(request, INCIDENTS);
            return ApiResponse.json(200, ODataLists.page(request, query, tenant.incidents(),
                    incident -> XdrViews.incident(incident, false), XdrViews::incident, newestFirst(),
                    MdeEndpoints.context(request, "Incidents")));
        }));
        routes.register(ApiRoute.get("/api/incidents/{id}", ApiFamily.XDR, INCIDENT_ROLES, request -> {
            String id = request.pathParams().get("id");
            return incidentId(id).flatMap(number -> MdeEndpoints.tenant(request, data).incident(number))
                    .map(incident -> ApiResponse.json(200, XdrViews.incident(incident)))
                    .orElseGet(() -> MdeEndpoints.notFound(request, "Incident " + id + " was not found"));
        }));
    }

    static Comparator<Incident> newestFirst() {
        return Comparator.comparing(Incident::created).reversed().thenComparing(Incident::id);
    }

    static java.util.Optional<Long> incidentId(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
