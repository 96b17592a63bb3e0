package org.defenderconnector.microsoft.testserver;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The export assessment API with generated records, streamed (never built in memory): pages of
 * {@code pageSize} records, the {@code @odata.nextLink} ($skiptoken) after the value array as in
 * the documented sample. A delta route adds status and eventTimestamp. Can cut a page short once.
 */
public final class ExportRoute implements TestHttpsServer.Route {
    private final String baseUrl;
    private final String path;
    private final boolean delta;
    private volatile int total;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int breakPage = -1;
    private volatile int breakAfter;

    public ExportRoute(String baseUrl, String path, boolean delta, int total) {
        this.baseUrl = baseUrl;
        this.path = path;
        this.delta = delta;
        this.total = total;
    }

    public void total(int total) {
        this.total = total;
    }

    /** The next request for page {@code page} stops after {@code records} records (a cut connection). */
    public void breakOnce(int page, int records) {
        this.breakPage = page;
        this.breakAfter = records;
    }

    public int requests() {
        return requests.get();
    }

    public static String id(int i) {
        return "dev" + (i / 40) + "_software" + (i % 40) + "_1.0." + i + "_CVE-2024-" + i;
    }

    @Override
    public void handle(TestHttpsServer.Exchange exchange) throws IOException {
        requests.incrementAndGet();
        Map<String, String> q = exchange.query();
        if (delta && !q.containsKey("sinceTime")) {
            exchange.respond(400, "{\"error\":{\"code\":\"MissingRequiredParameter\",\"message\":\"sinceTime\",\"target\":\"x\"}}");
            return;
        }
        int pageSize = Integer.parseInt(q.getOrDefault("pageSize", "50000"));
        int page = Integer.parseInt(q.getOrDefault("$skiptoken", "0"));
        int from = page * pageSize;
        int to = Math.min(total, from + pageSize);
        int cut = -1;
        if (breakPage == page) {
            cut = from + breakAfter;
            breakPage = -1;
        }
        OutputStream raw = exchange.streamBody(200);
        OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
        out.write(("{\"@odata.context\":\"" + baseUrl + "/api/$metadata#Collection(microsoft.windowsDefenderATP.api."
                + (delta ? "DeltaAssetVulnerability" : "AssetVulnerability") + ")\",\"value\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = from; i < to; i++) {
            if (i == cut) {
                out.flush();
                throw new IOException("scripted cut");
            }
            StringBuilder r = new StringBuilder(240);
            r.append(i == from ? "" : ",").append("{\"id\":\"").append(id(i)).append("\",\"deviceId\":\"dev").append(i / 40)
                    .append("\",\"deviceName\":\"dev").append(i / 40).append(".contoso.com\",\"softwareVendor\":\"contoso\"")
                    .append(",\"softwareName\":\"software").append(i % 40).append("\",\"cveId\":\"CVE-2024-").append(i)
                    .append("\",\"lastSeenTimestamp\":\"2025-02-28 10:00:00\",\"exploitabilityLevel\":\"NoExploit\"");
            if (delta) {
                r.append(",\"status\":\"New\",\"eventTimestamp\":\"2025-02-28 11:00:00.1234567\"");
            }
            r.append('}');
            out.write(r.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.write(']');
        if (to < total) {
            out.write((",\"@odata.nextLink\":\"" + baseUrl + path + "?pageSize=" + pageSize + "&$skiptoken=" + (page + 1) + "\"")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write('}');
        out.close();
    }
}
