package org.defenderconnector.emulator.api;

import static org.defenderconnector.emulator.odata.FieldType.BOOLEAN;
import static org.defenderconnector.emulator.odata.FieldType.DATETIME;
import static org.defenderconnector.emulator.odata.FieldType.ENUM;
import static org.defenderconnector.emulator.odata.FieldType.NUMBER;
import static org.defenderconnector.emulator.odata.FieldType.NUMBER_LIST;
import static org.defenderconnector.emulator.odata.FieldType.STRING;
import static org.defenderconnector.emulator.odata.FieldType.STRING_LIST;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.data.Indicator;
import org.defenderconnector.emulator.data.Machine;
import org.defenderconnector.emulator.data.MachineAction;
import org.defenderconnector.emulator.data.Seeds;
import org.defenderconnector.emulator.data.ServiceSource;
import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.data.Vulnerabilities;
import org.defenderconnector.emulator.odata.CollectionSpec;
import org.defenderconnector.emulator.odata.EntityFields;
import org.defenderconnector.emulator.odata.ODataQuery;
import org.defenderconnector.emulator.views.MdeViews;

/**
 * The Defender for Endpoint operations the connector reads (reference §2.1), with the application permissions
 * each accepts, serving the caller's tenant's data with the documented OData options.
 *
 * <p>MDE documents no {@code $orderby} and no order: lists come in a stable order that is not by time (by a hash
 * of the id), so that a client cannot come to rely on an order the service does not promise.
 */
public final class MdeEndpoints {

    /** Accepted roles, in the order MDE's 403 message lists them. */
    public static final List<String> ALERT_ROLES = List.of("Alert.ReadWrite.All", "Alert.Read.All");
    public static final List<String> MACHINE_ROLES = List.of("Machine.ReadWrite.All", "Machine.Read.All");
    public static final List<String> VULNERABILITY_ROLES = List.of("Vulnerability.Read.All");
    public static final List<String> SOFTWARE_ROLES = List.of("Software.Read.All");
    public static final List<String> SCORE_ROLES = List.of("Score.Read.All");
    public static final List<String> INDICATOR_ROLES = List.of("Ti.ReadWrite", "Ti.ReadWrite.All");

    /** get-alerts.md; {@code asssignedTo} (sic) in the doc is taken to mean assignedTo. */
    public static final CollectionSpec ALERTS = CollectionSpec.mde("Alerts", EntityFields.of(
            "alertCreationTime", DATETIME, "lastUpdateTime", DATETIME, "incidentId", NUMBER, "investigationId", NUMBER,
            "id", STRING, "assignedTo", STRING, "detectionSource", ENUM, "lastEventTime", DATETIME, "status", ENUM,
            "severity", ENUM, "category", STRING), 10_000, "evidence");
    /** get-machines.md. */
    public static final CollectionSpec MACHINES = CollectionSpec.mde("Machines", EntityFields.of(
            "computerDnsName", STRING, "id", STRING, "version", STRING, "deviceValue", ENUM, "aadDeviceId", STRING,
            "machineTags", STRING_LIST, "lastSeen", DATETIME, "exposureLevel", ENUM, "onboardingStatus", ENUM,
            "lastIpAddress", STRING, "healthStatus", ENUM, "osPlatform", STRING, "riskScore", ENUM,
            "rbacGroupId", NUMBER), 10_000);
    /** get-machineactions-collection.md ("$stop" with max value of 10,000, sic). */
    public static final CollectionSpec MACHINE_ACTIONS = CollectionSpec.mde("MachineActions", EntityFields.of(
            "id", STRING, "status", ENUM, "machineId", STRING, "type", ENUM, "requestor", STRING,
            "creationDateTimeUtc", DATETIME), 10_000);
    /** get-all-vulnerabilities.md: $top max 8,000. */
    public static final CollectionSpec VULNERABILITIES = CollectionSpec.mde("Vulnerabilities", EntityFields.of(
            "id", STRING, "name", STRING, "description", STRING, "cvssV3", NUMBER, "publishedOn", DATETIME,
            "severity", ENUM, "updatedOn", DATETIME), 8_000);
    /** get-all-vulnerabilities-by-machines.md. */
    public static final CollectionSpec MACHINE_VULNERABILITIES = CollectionSpec.mde(
            "Collection(microsoft.windowsDefenderATP.api.PublicAssetVulnerabilityDto)", EntityFields.of(
                    "id", STRING, "cveId", STRING, "machineId", STRING, "fixingKbId", STRING, "productName", STRING,
                    "productVersion", STRING, "severity", ENUM, "productVendor", STRING), 10_000);
    /** get-software.md. */
    public static final CollectionSpec SOFTWARE = CollectionSpec.mde("Software", EntityFields.of(
            "id", STRING, "name", STRING, "vendor", STRING), 10_000);
    /** get-ti-indicators-collection.md. */
    public static final CollectionSpec INDICATORS = CollectionSpec.mde("Indicators", EntityFields.of(
            "application", STRING, "createdByDisplayName", STRING, "expirationTime", DATETIME,
            "generateAlert", BOOLEAN, "title", STRING, "rbacGroupNames", STRING_LIST, "rbacGroupIds", NUMBER_LIST,
            "indicatorValue", STRING, "indicatorType", ENUM, "creationTimeDateTimeUtc", DATETIME, "createdBy", STRING,
            "action", ENUM, "severity", ENUM), 10_000);

    private MdeEndpoints() {
    }

    /** Registers the routes over a data store with no generated data (every tenant empty). */
    public static void register(ApiRoutes routes) {
        register(routes, new EmulatorData(Clock.systemUTC()));
    }

    public static void register(ApiRoutes routes, EmulatorData data) {
        ApiFamily mde = ApiFamily.MDE;
        routes.register(ApiRoute.get("/api/alerts", mde, ALERT_ROLES, request -> alerts(request, data, null)));
        routes.register(ApiRoute.get("/api/alerts/{id}", mde, ALERT_ROLES, request -> {
            TenantData tenant = tenant(request, data);
            return tenant.alert(request.pathParams().get("id")).filter(a -> a.source() == ServiceSource.ENDPOINT)
                    .map(alert -> ApiResponse.json(200, MdeViews.alert(alert, tenant.tenantId(), true)))
                    .orElseGet(() -> notFound(request, "Alert " + request.pathParams().get("id") + " was not found"));
        }));
        // Documented quirk: "If there are no recent machines, you see 404 Not Found". The emulator answers 404
        // whenever nothing matches (also after a $filter); a page past the end is an empty 200.
        routes.register(ApiRoute.get("/api/machines", mde, MACHINE_ROLES, request -> machines(request, data)));
        routes.register(ApiRoute.get("/api/machines/{id}", mde, MACHINE_ROLES, request -> {
            TenantData tenant = tenant(request, data);
            return tenant.machine(request.pathParams().get("id"))
                    .map(machine -> ApiResponse.json(200, MdeViews.machine(machine, tenant.now())))
                    .orElseGet(() -> notFound(request, "Machine " + request.pathParams().get("id")
                            + " was not found"));
        }));
        routes.register(ApiRoute.get("/api/machines/{id}/alerts", mde, ALERT_ROLES, request -> {
            String machineId = machineOrThrow(request, data);
            return alerts(request, data, machineId);
        }));
        routes.register(ApiRoute.get("/api/machines/{id}/alerts/$count", mde, ALERT_ROLES,
                request -> alertCount(request, data)));
        routes.register(ApiRoute.get("/api/machineactions", mde, MACHINE_ROLES, request -> {
            TenantData tenant = tenant(request, data);
            ODataQuery query = ODataLists.query(request, MACHINE_ACTIONS);
            return ApiResponse.json(200, ODataLists.page(request, query, tenant.machineActions(),
                    MdeViews::machineAction, MdeViews::machineAction, byIdHash(MachineAction::id),
                    context(request, "MachineActions")));
        }));
        routes.register(ApiRoute.get("/api/machineactions/{id}", mde, MACHINE_ROLES, request -> {
            String id = request.pathParams().get("id");
            return tenant(request, data).machineActions().stream().filter(a -> a.id().equalsIgnoreCase(id))
                    .findFirst().map(action -> ApiResponse.json(200, MdeViews.machineAction(action)))
                    .orElseGet(() -> notFound(request, "Machine action " + id + " was not found"));
        }));
        routes.register(ApiRoute.get("/api/vulnerabilities", mde, VULNERABILITY_ROLES, request -> {
            TenantData tenant = tenant(request, data);
            ODataQuery query = ODataLists.query(request, VULNERABILITIES);
            List<Vulnerabilities.Cve> cves = tenant.provisioned() ? tenant.vulnerabilities().cves() : List.of();
            return ApiResponse.json(200, ODataLists.page(request, query, cves, MdeViews::vulnerability,
                    MdeViews::vulnerability, byIdHash(Vulnerabilities.Cve::id), context(request, "Vulnerabilities")));
        }));
        routes.register(ApiRoute.get("/api/vulnerabilities/machinesVulnerabilities", mde, VULNERABILITY_ROLES,
                request -> {
                    TenantData tenant = tenant(request, data);
                    ODataQuery query = ODataLists.query(request, MACHINE_VULNERABILITIES);
                    // Rows are generated device by device while paging: a million rows are never held.
                    return ApiResponse.json(200, ODataLists.<Vulnerabilities.Row>pageStream(request, query,
                            visitor -> tenant.vulnerabilities().machineVulnerabilities(tenant.now(), visitor),
                            MdeViews::machineVulnerability,
                            context(request, MACHINE_VULNERABILITIES.entitySet())));
                }));
        routes.register(ApiRoute.get("/api/Software", mde, SOFTWARE_ROLES, request -> {
            TenantData tenant = tenant(request, data);
            ODataQuery query = ODataLists.query(request, SOFTWARE);
            List<Vulnerabilities.Software> software = tenant.provisioned() ? tenant.vulnerabilities().software()
                    : List.of();
            return ApiResponse.json(200, ODataLists.page(request, query, software, MdeViews::software,
                    MdeViews::software, byIdHash(Vulnerabilities.Software::id), context(request, "Software")));
        }));
        routes.register(ApiRoute.get("/api/exposureScore", mde, SCORE_ROLES, request -> {
            TenantData tenant = tenant(request, data);
            Instant time = scoreTime(tenant);
            double score = tenant.provisioned() ? 20 + Math.floorMod(Seeds.key(tenant.settings().seed(),
                    "exposure-score", time.getEpochSecond()), 4_000_000L) / 100_000.0 : 0.0;
            return ApiResponse.json(200, ODataBodies.score(request, "ExposureScore", time, score));
        }));
        routes.register(ApiRoute.get("/api/configurationScore", mde, SCORE_ROLES, request -> {
            TenantData tenant = tenant(request, data);
            Instant time = scoreTime(tenant);
            ObjectNode body = ODataBodies.score(request, "ConfigurationScore", time, 0.0);
            if (tenant.provisioned()) {
                body.put("score", 200 + Math.floorMod(Seeds.key(tenant.settings().seed(), "configuration-score",
                        time.getEpochSecond()), 400L));
            }
            return ApiResponse.json(200, body);
        }));
        routes.register(ApiRoute.get("/api/indicators", mde, INDICATOR_ROLES, request -> {
            TenantData tenant = tenant(request, data);
            ODataQuery query = ODataLists.query(request, INDICATORS);
            List<Indicator> visible = tenant.indicators();
            // get-ti-indicators-collection.md: with Ti.ReadWrite only, an app sees the indicators it created.
            if (!request.caller().roles().contains("Ti.ReadWrite.All")) {
                visible = visible.stream().filter(i -> i.createdBy().equalsIgnoreCase(request.caller().clientId()))
                        .toList();
            }
            return ApiResponse.json(200, ODataLists.page(request, query, visible, MdeViews::indicator,
                    MdeViews::indicator, byIdHash(Indicator::id), context(request, "Indicators")));
        }));
        ExportEndpoints.register(routes, data);
    }

    private static ApiResponse alerts(ApiRequest request, EmulatorData data, String machineId) throws ApiRejection {
        TenantData tenant = tenant(request, data);
        ODataQuery query = ODataLists.query(request, ALERTS);
        boolean evidence = query.expands("evidence");
        List<Alert> alerts = tenant.alerts().stream().filter(a -> a.source() == ServiceSource.ENDPOINT)
                .filter(a -> machineId == null || a.machine().id().equalsIgnoreCase(machineId)).toList();
        return ApiResponse.json(200, ODataLists.page(request, query, alerts,
                alert -> MdeViews.alert(alert, tenant.tenantId(), false),
                alert -> MdeViews.alert(alert, tenant.tenantId(), evidence), byIdHash(Alert::id),
                context(request, "Alerts")));
    }

    /** {@code GET /api/machines/{id}/alerts/$count?$filter=...}: a bare number (exposed-apis-odata-samples.md). */
    private static ApiResponse alertCount(ApiRequest request, EmulatorData data) throws ApiRejection {
        String machineId = machineOrThrow(request, data);
        ODataQuery query = ODataLists.query(request, ALERTS);
        TenantData tenant = tenant(request, data);
        long count = tenant.alerts().stream().filter(a -> a.source() == ServiceSource.ENDPOINT)
                .filter(a -> a.machine().id().equalsIgnoreCase(machineId))
                .filter(a -> query.filter() == null || query.filter().test(MdeViews.alert(a, tenant.tenantId(), false)))
                .count();
        return ApiResponse.json(200, IntNode.valueOf((int) count));
    }

    private static ApiResponse machines(ApiRequest request, EmulatorData data) throws ApiRejection {
        TenantData tenant = tenant(request, data);
        ODataQuery query = ODataLists.query(request, MACHINES);
        Instant now = tenant.now();
        ObjectNode body = ODataLists.page(request, query, tenant.machines(), m -> MdeViews.machine(m, now),
                m -> MdeViews.machine(m, now), byIdHash(Machine::id), context(request, "Machines"));
        if (body.get("value").isEmpty() && query.skip() == 0) {
            return notFound(request, "No machines were found");
        }
        return ApiResponse.json(200, body);
    }

    private static String machineOrThrow(ApiRequest request, EmulatorData data) throws ApiRejection {
        String id = request.pathParams().get("id");
        return tenant(request, data).machine(id).map(Machine::id).orElseThrow(() ->
                new ApiRejection(404, "ResourceNotFound", "Machine " + id + " was not found"));
    }

    /** Scores are computed hourly. */
    private static Instant scoreTime(TenantData tenant) {
        return tenant.now().truncatedTo(ChronoUnit.HOURS).plusMillis(1_234).plusNanos(5_600);
    }

    static TenantData tenant(ApiRequest request, EmulatorData data) {
        return data.tenant(request.caller().tenantId());
    }

    static <T> Comparator<T> byIdHash(java.util.function.Function<T, String> id) {
        return Comparator.comparingLong((T record) -> Seeds.hash(id.apply(record))).thenComparing(id);
    }

    static String context(ApiRequest request, String entitySet) {
        return request.baseUrl() + "/api/$metadata#" + entitySet;
    }

    static ApiResponse notFound(ApiRequest request, String message) {
        return request.error(404, "ResourceNotFound", message);
    }
}
