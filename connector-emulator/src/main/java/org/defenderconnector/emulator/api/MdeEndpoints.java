package org.defenderconnector.emulator.api;

import java.util.List;

/**
 * The Defender for Endpoint operations the connector reads (reference §2.1), with the application permissions
 * each accepts. For now they serve empty collections in the documented shapes; generated data replaces these
 * handlers through {@link ApiRoutes#register}.
 */
public final class MdeEndpoints {

    /** Accepted roles, in the order MDE's 403 message lists them. */
    public static final List<String> ALERT_ROLES = List.of("Alert.ReadWrite.All", "Alert.Read.All");
    public static final List<String> MACHINE_ROLES = List.of("Machine.ReadWrite.All", "Machine.Read.All");
    public static final List<String> VULNERABILITY_ROLES = List.of("Vulnerability.Read.All");
    public static final List<String> SOFTWARE_ROLES = List.of("Software.Read.All");
    public static final List<String> SCORE_ROLES = List.of("Score.Read.All");
    public static final List<String> INDICATOR_ROLES = List.of("Ti.ReadWrite", "Ti.ReadWrite.All");

    private MdeEndpoints() {
    }

    public static void register(ApiRoutes routes) {
        ApiFamily mde = ApiFamily.MDE;
        routes.register(ApiRoute.get("/api/alerts", mde, ALERT_ROLES,
                request -> collection(request, "Alerts")));
        routes.register(ApiRoute.get("/api/alerts/{id}", mde, ALERT_ROLES,
                request -> notFound(request, "Alert " + request.pathParams().get("id") + " was not found")));
        // Documented quirk: "If there are no recent machines, you see 404 Not Found".
        routes.register(ApiRoute.get("/api/machines", mde, MACHINE_ROLES,
                request -> notFound(request, "No machines were found")));
        routes.register(ApiRoute.get("/api/machines/{id}", mde, MACHINE_ROLES,
                request -> notFound(request, "Machine " + request.pathParams().get("id") + " was not found")));
        routes.register(ApiRoute.get("/api/machineactions", mde, MACHINE_ROLES,
                request -> collection(request, "MachineActions")));
        routes.register(ApiRoute.get("/api/machineactions/{id}", mde, MACHINE_ROLES,
                request -> notFound(request, "Machine action " + request.pathParams().get("id") + " was not found")));
        routes.register(ApiRoute.get("/api/vulnerabilities", mde, VULNERABILITY_ROLES,
                request -> collection(request, "Vulnerabilities")));
        routes.register(ApiRoute.get("/api/vulnerabilities/machinesVulnerabilities", mde, VULNERABILITY_ROLES,
                request -> collection(request,
                        "Collection(microsoft.windowsDefenderATP.api.PublicAssetVulnerabilityDto)")));
        routes.register(ApiRoute.get("/api/machines/SoftwareVulnerabilitiesByMachine", mde, VULNERABILITY_ROLES,
                request -> collection(request, "Collection(microsoft.windowsDefenderATP.api.AssetVulnerability)")));
        routes.register(ApiRoute.get("/api/Software", mde, SOFTWARE_ROLES,
                request -> collection(request, "Software")));
        routes.register(ApiRoute.get("/api/exposureScore", mde, SCORE_ROLES,
                request -> ApiResponse.json(200, ODataBodies.score(request, "ExposureScore", request.receivedAt(), 0.0))));
        routes.register(ApiRoute.get("/api/configurationScore", mde, SCORE_ROLES,
                request -> ApiResponse.json(200,
                        ODataBodies.score(request, "ConfigurationScore", request.receivedAt(), 0.0))));
        routes.register(ApiRoute.get("/api/indicators", mde, INDICATOR_ROLES,
                request -> collection(request, "Indicators")));
    }

    static ApiResponse collection(ApiRequest request, String entitySet) {
        return ApiResponse.json(200, ODataBodies.defenderCollection(request, entitySet));
    }

    static ApiResponse notFound(ApiRequest request, String message) {
        return request.error(404, "ResourceNotFound", message);
    }
}
