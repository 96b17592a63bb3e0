package org.defenderconnector.emulator.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.data.Vulnerabilities;
import org.defenderconnector.emulator.exportfiles.ExportFiles;
import org.defenderconnector.emulator.views.JsonTime;

/**
 * The vulnerability export via files (get-assessment-software-vulnerabilities.md §2):
 * {@code GET /api/machines/SoftwareVulnerabilitiesExport[?sasValidHours=N]} answers
 * {@code {"@odata.context", "exportFiles": [SAS URLs], "generatedTime"}} for the current six-hour snapshot, the
 * same rows the JSON export serves. The files themselves are served by {@link ExportFiles}.
 */
public final class ExportFileEndpoints {

    static final String PATH = "/api/machines/SoftwareVulnerabilitiesExport";

    private ExportFileEndpoints() {
    }

    public static void register(ApiRoutes routes, EmulatorData data, ExportFiles files) {
        routes.register(ApiRoute.get(PATH, ApiFamily.MDE, MdeEndpoints.VULNERABILITY_ROLES,
                request -> listing(request, data, files)));
    }

    private static ApiResponse listing(ApiRequest request, EmulatorData data, ExportFiles files) throws ApiRejection {
        Duration validity = validity(request);
        TenantData tenant = MdeEndpoints.tenant(request, data);
        Instant snapshot = Vulnerabilities.snapshot(tenant.now());
        long rows = tenant.provisioned() ? tenant.vulnerabilities().rowCount() : 0;
        List<String> urls = files.issue(request.baseUrl(), tenant.tenantId(), snapshot, rows, validity);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", MdeEndpoints.context(request,
                "microsoft.windowsDefenderATP.api.ExportFilesResponse"));
        urls.forEach(body.putArray("exportFiles")::add);
        body.put("generatedTime", JsonTime.seconds(snapshot));
        return ApiResponse.json(200, body);
    }

    /** {@code sasValidHours}: whole hours, at most 6; absent, the documented default of one hour. */
    private static Duration validity(ApiRequest request) throws ApiRejection {
        String text = ExportEndpoints.param(request, "sasValidHours");
        if (text == null) {
            return ExportFiles.DEFAULT_VALIDITY;
        }
        try {
            int hours = Integer.parseInt(text.trim());
            if (hours < 1 || hours > ExportFiles.MAX_SAS_VALID_HOURS) {
                throw new NumberFormatException();
            }
            return Duration.ofHours(hours);
        } catch (NumberFormatException e) {
            throw new ApiRejection(400, "InvalidInput", "sasValidHours must be a whole number of hours from 1 to "
                    + ExportFiles.MAX_SAS_VALID_HOURS + ", got '" + text + "'.");
        }
    }
}
