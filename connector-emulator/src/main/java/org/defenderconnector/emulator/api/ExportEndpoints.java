package org.defenderconnector.emulator.api;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.data.Vulnerabilities;
import org.defenderconnector.emulator.http.Exchanges;
import org.defenderconnector.emulator.odata.ODataLiterals;
import org.defenderconnector.emulator.views.MdeViews;

/**
 * The vulnerability assessment export as JSON (get-assessment-software-vulnerabilities.md): the full
 * {@code SoftwareVulnerabilitiesByMachine} and the delta {@code SoftwareVulnerabilityChangesByMachine}. Pages of
 * up to 200,000 rows are generated while they are written, so memory stays flat whatever the size.
 *
 * <p>Paging follows the doc and its sample: {@code pageSize} (default 50,000, max 200,000; larger values are
 * capped), {@code @odata.nextLink} with a {@code $skiptoken} naming the export snapshot and the line reached, and
 * {@code $top} returning that many rows without a nextLink. A paged export stays on the snapshot it started
 * with, even when a new one (every six hours) is made meanwhile.
 */
final class ExportEndpoints {

    static final int DEFAULT_PAGE_SIZE = 50_000;
    static final int MAX_PAGE_SIZE = 200_000;
    /** "sinceTime ... can be at most 14 days back". */
    static final Duration MAX_DELTA_AGE = Duration.ofDays(14);
    private static final DateTimeFormatter TIME_PATH =
            DateTimeFormatter.ofPattern("yyyy-MM-dd/HHmm/").withZone(ZoneOffset.UTC);

    private ExportEndpoints() {
    }

    static void register(ApiRoutes routes, EmulatorData data) {
        routes.register(ApiRoute.get("/api/machines/SoftwareVulnerabilitiesByMachine", ApiFamily.MDE,
                MdeEndpoints.VULNERABILITY_ROLES, request -> full(request, data)));
        routes.register(ApiRoute.get("/api/machines/SoftwareVulnerabilityChangesByMachine", ApiFamily.MDE,
                MdeEndpoints.VULNERABILITY_ROLES, request -> delta(request, data)));
    }

    private record Position(Instant snapshot, long line) {
    }

    private static ApiResponse full(ApiRequest request, EmulatorData data) throws ApiRejection {
        TenantData tenant = MdeEndpoints.tenant(request, data);
        Vulnerabilities vulnerabilities = tenant.vulnerabilities();
        int pageSize = pageSize(request);
        Integer top = top(request);
        Position position = position(request, Vulnerabilities.snapshot(tenant.now()));
        long total = tenant.provisioned() ? vulnerabilities.rowCount() : 0;
        long from = Math.min(position.line(), total);
        long to = Math.min(from + (top != null ? top : pageSize), total);
        String nextLink = top == null && to < total ? nextLink(request, new Position(position.snapshot(), to), pageSize,
                null) : null;
        String context = MdeEndpoints.context(request, "Collection(microsoft.windowsDefenderATP.api.AssetVulnerability)");
        return ApiResponse.streaming(200, Exchanges.JSON_UTF8, out -> write(out, context, nextLink, generator -> {
            for (long line = from; line < to; line++) {
                MdeViews.writeExportRow(generator, vulnerabilities.row(line, position.snapshot()), null);
            }
        }));
    }

    private static ApiResponse delta(ApiRequest request, EmulatorData data) throws ApiRejection {
        TenantData tenant = MdeEndpoints.tenant(request, data);
        String sinceText = param(request, "sinceTime");
        if (sinceText == null || sinceText.isBlank()) {
            throw new ApiRejection(400, "MissingRequiredParameter", "The sinceTime parameter is required, e.g. "
                    + "sinceTime=2024-01-01T00:00:00Z (at most 14 days back).");
        }
        Instant since = ODataLiterals.parseInstant(sinceText.trim());
        if (since == null) {
            throw new ApiRejection(400, "InvalidInput", "sinceTime '" + sinceText + "' is not a date and time such as "
                    + "2024-01-01T00:00:00Z.");
        }
        Instant now = tenant.now();
        if (since.isBefore(now.minus(MAX_DELTA_AGE))) {
            throw new ApiRejection(400, "InvalidInput", "sinceTime " + sinceText + " is more than 14 days back; the "
                    + "delta export covers at most the last 14 days. Run a full export instead.");
        }
        int pageSize = pageSize(request);
        Integer top = top(request);
        Position position = position(request, Vulnerabilities.snapshot(now));
        long limit = top != null ? top : pageSize;
        long skip = position.line();
        Vulnerabilities vulnerabilities = tenant.vulnerabilities();
        // Counting first (cheap: at most a few thousand changes) tells whether a next page exists.
        long[] count = {0};
        if (tenant.provisioned()) {
            vulnerabilities.changes(since, position.snapshot(), change -> ++count[0] <= skip + limit);
        }
        boolean more = top == null && count[0] > skip + limit;
        String nextLink = more ? nextLink(request, new Position(position.snapshot(), skip + limit), pageSize, since)
                : null;
        String context = MdeEndpoints.context(request,
                "Collection(microsoft.windowsDefenderATP.api.DeltaAssetVulnerability)");
        return ApiResponse.streaming(200, Exchanges.JSON_UTF8, out -> write(out, context, nextLink, generator -> {
            if (!tenant.provisioned()) {
                return;
            }
            long[] index = {0};
            IOException[] failure = {null};
            vulnerabilities.changes(since, position.snapshot(), change -> {
                long i = index[0]++;
                if (i < skip) {
                    return true;
                }
                if (i >= skip + limit) {
                    return false;
                }
                try {
                    MdeViews.writeExportRow(generator, change.row(), change);
                    return true;
                } catch (IOException e) {
                    failure[0] = e;
                    return false;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }));
    }

    private interface Rows {
        void write(JsonGenerator generator) throws IOException;
    }

    private static void write(OutputStream target, String context, String nextLink, Rows rows) throws IOException {
        OutputStream out = new BufferedOutputStream(target, 64 * 1024);
        try (JsonGenerator generator = Exchanges.JSON.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("@odata.context", context);
            generator.writeArrayFieldStart("value");
            rows.write(generator);
            generator.writeEndArray();
            if (nextLink != null) {
                generator.writeStringField("@odata.nextLink", nextLink);
            }
            generator.writeEndObject();
        }
        out.flush();
    }

    private static int pageSize(ApiRequest request) throws ApiRejection {
        String text = param(request, "pageSize");
        if (text == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            throw new ApiRejection(400, "InvalidInput", "pageSize must be a positive integer (at most 200,000), got '"
                    + text + "'.");
        }
    }

    private static Integer top(ApiRequest request) throws ApiRejection {
        String text = param(request, "$top");
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            throw new ApiRejection(400, "ODataError", "The value '" + text + "' of $top is not a non-negative integer.");
        }
    }

    /** Decodes {@code $skiptoken} (base64 JSON naming the snapshot's time path and the line reached). */
    private static Position position(ApiRequest request, Instant currentSnapshot) throws ApiRejection {
        String token = param(request, "$skiptoken");
        if (token == null) {
            return new Position(currentSnapshot, 0);
        }
        try {
            JsonNode json = Exchanges.JSON.readTree(Base64.getUrlDecoder().decode(token.trim()));
            Instant snapshot = TIME_PATH.parse(json.get("ExportDefinition").get("TimePath").asText(), Instant::from);
            long line = json.get("LineStoppedAt").asLong();
            if (line < 0) {
                throw new IllegalArgumentException();
            }
            return new Position(snapshot, line);
        } catch (IOException | RuntimeException e) {
            throw new ApiRejection(400, "InvalidInput", "The $skiptoken is not one this API issued; follow "
                    + "@odata.nextLink as returned.");
        }
    }

    private static String nextLink(ApiRequest request, Position position, int pageSize, Instant since) {
        String token = "{\"ExportDefinition\":{\"TimePath\":\"" + TIME_PATH.format(position.snapshot())
                + "\"},\"ExportFileIndex\":0,\"LineStoppedAt\":" + position.line() + "}";
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        return request.baseUrl() + request.path() + "?"
                + (since == null ? "" : "sinceTime=" + org.defenderconnector.emulator.views.JsonTime.precise(since)
                + "&")
                + "pageSize=" + pageSize + "&$skiptoken=" + encoded;
    }

    static String param(ApiRequest request, String name) {
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
