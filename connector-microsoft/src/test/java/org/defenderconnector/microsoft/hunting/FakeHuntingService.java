package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.microsoft.testserver.TestHttpsServer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small advanced hunting service for unit tests, on a {@link TestHttpsServer}: the three endpoints
 * in their documented shapes over an in-memory table, for the one query shape the sources send. Rows
 * become visible at their own ingestion time (to test the lag), answers are cut at a row cap, big
 * answers can be refused like the service does, and a CPU quota per 15-minute cycle answers 429.
 * Every query is logged.
 */
final class FakeHuntingService {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WINDOW = Pattern.compile("^(\\w+) \\| where Timestamp >= datetime\\(([^)]+)\\) and"
            + " Timestamp < datetime\\(([^)]+)\\) \\| order by Timestamp asc \\| take (\\d+)$");
    private static final Pattern TAKE = Pattern.compile("^(\\w+) \\| take (\\d+)$");

    /** A row and the instant it becomes queryable. */
    record Row(Instant time, Instant visibleAt, ObjectNode json) {
    }

    /** One query as received. */
    record Seen(String path, String kql, String timespan, Instant from, Instant to, int returned, int status, Instant at) {
    }

    private final Clock clock;
    private final List<Row> rows = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    volatile int rowCap = 100_000;
    /** Answers with more matching rows than this are refused (400, result size), when set. */
    volatile Integer refuseAboveRows;
    /** Simulated execution time of each query, reported by XDR in Stats. */
    volatile double secondsPerQuery = 0.5;
    /** CPU seconds per 15-minute cycle before 429; null = unlimited. */
    volatile Double cpuPerCycle;
    private long cycle = -1;
    private double used;

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    FakeHuntingService(TestHttpsServer server, Clock clock) {
        this.clock = clock;
        server.route("/v1.0/security/runHuntingQuery", ex -> handle(ex, HuntingApi.GRAPH));
        server.route("/api/advancedqueries/run", ex -> handle(ex, HuntingApi.MDE));
        server.route("/api/advancedhunting/run", ex -> handle(ex, HuntingApi.XDR));
    }

    void add(Instant time, Instant visibleAt, ObjectNode json) {
        rows.add(new Row(time, visibleAt, json));
    }

    /** The next query is answered with this status, headers and body instead. */
    synchronized void script(int status, Map<String, String> headers, String body) {
        scripted.addLast(new Scripted(status, headers, body));
    }

    List<Seen> queries() {
        return List.copyOf(seen);
    }

    /** Queries answered with rows (status 200). */
    List<Seen> answered() {
        return seen.stream().filter(s -> s.status() == 200).toList();
    }

    private void handle(TestHttpsServer.Exchange ex, HuntingApi api) throws IOException {
        JsonNode body = JSON.readTree(ex.body());
        String kql = body.path("Query").asText();
        String timespan = body.hasNonNull("Timespan") ? body.get("Timespan").asText() : null;
        Scripted next;
        synchronized (this) {
            next = scripted.pollFirst();
        }
        if (next != null) {
            seen.add(new Seen(ex.uri().getPath(), kql, timespan, null, null, 0, next.status(), clock.instant()));
            ex.respond(next.status(), next.body(), next.headers());
            return;
        }
        Instant now = clock.instant();
        synchronized (this) {
            long current = Math.floorDiv(now.getEpochSecond(), 900);
            if (current != cycle) {
                cycle = current;
                used = 0;
            }
            if (cpuPerCycle != null && used >= cpuPerCycle) {
                Instant reset = Instant.ofEpochSecond((current + 1) * 900);
                long seconds = Duration.between(now, reset).toSeconds();
                seen.add(new Seen(ex.uri().getPath(), kql, timespan, null, null, 0, 429, clock.instant()));
                ex.respond(429, error(api, "TooManyRequests", "CPU quota used up. The quota resets at " + reset
                        + " (in " + seconds + " seconds)."), Map.of("Retry-After", Long.toString(seconds)));
                return;
            }
            used += secondsPerQuery;
        }
        Instant from;
        Instant to;
        String table;
        int take;
        Matcher window = WINDOW.matcher(kql);
        Matcher plain = TAKE.matcher(kql);
        if (window.matches()) {
            table = window.group(1);
            from = Instant.parse(window.group(2));
            to = Instant.parse(window.group(3));
            take = Integer.parseInt(window.group(4));
        } else if (plain.matches()) {
            table = plain.group(1);
            from = Instant.MIN;
            to = Instant.MAX;
            take = Integer.parseInt(plain.group(2));
        } else {
            seen.add(new Seen(ex.uri().getPath(), kql, timespan, null, null, 0, 400, clock.instant()));
            ex.respond(400, error(api, "BadRequest", "Query could not be parsed"));
            return;
        }
        if (!table.equals("DeviceProcessEvents") && !table.equals("AlertInfo") && !table.equals("DeviceInfo")) {
            seen.add(new Seen(ex.uri().getPath(), kql, timespan, from, to, 0, 400, clock.instant()));
            ex.respond(400, error(api, "BadRequest", "Failed to resolve table or column expression named '" + table
                    + "'"));
            return;
        }
        List<Row> matching = rows.stream()
                .filter(r -> !r.time().isBefore(from) && r.time().isBefore(to) && !r.visibleAt().isAfter(now))
                .sorted(Comparator.comparing(Row::time)).toList();
        if (refuseAboveRows != null && Math.min(matching.size(), take) > refuseAboveRows) {
            seen.add(new Seen(ex.uri().getPath(), kql, timespan, from, to, 0, 400, clock.instant()));
            ex.respond(400, error(api, "BadRequest", "Query execution has exceeded the allowed result size. Optimize"
                    + " your query by limiting the number of results and try again."));
            return;
        }
        List<Row> answer = matching.subList(0, Math.min(matching.size(), Math.min(take, rowCap)));
        seen.add(new Seen(ex.uri().getPath(), kql, timespan, from, to, answer.size(), 200, clock.instant()));
        ex.respond(200, render(api, answer).toString());
    }

    private ObjectNode render(HuntingApi api, List<Row> answer) {
        boolean graph = api == HuntingApi.GRAPH;
        ObjectNode out = JSON.createObjectNode();
        if (graph) {
            out.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults");
        }
        if (api == HuntingApi.XDR) {
            out.putObject("Stats").put("ExecutionTime", secondsPerQuery);
        }
        ArrayNode schema = out.putArray(graph ? "schema" : "Schema");
        if (!answer.isEmpty()) {
            answer.get(0).json().fieldNames().forEachRemaining(n -> schema.addObject().put(graph ? "name" : "Name", n)
                    .put(graph ? "type" : "Type", n.equals("Timestamp") ? "DateTime" : "String"));
        }
        ArrayNode results = out.putArray(graph ? "results" : "Results");
        answer.forEach(r -> results.add(r.json()));
        return out;
    }

    private static String error(HuntingApi api, String code, String message) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode e = error.putObject("error").put("code", code).put("message", message);
        if (api == HuntingApi.GRAPH) {
            e.putObject("innerError").put("request-id", "req-1");
        } else {
            e.put("target", "corr-1");
        }
        return error.toString();
    }

    /** A DeviceProcessEvents row with the key columns (DeviceId, ReportId, Timestamp) and a little more. */
    static ObjectNode processRow(Instant time, long reportId, String device) {
        ObjectNode row = JSON.createObjectNode();
        row.put("Timestamp", org.defenderconnector.microsoft.sources.ODataTime.format(time));
        row.put("DeviceId", device);
        row.put("DeviceName", device + ".contoso.com");
        row.put("ActionType", "ProcessCreated");
        row.put("FileName", "cmd.exe");
        row.put("ProcessCommandLine", "cmd.exe /c echo " + reportId);
        row.put("ReportId", reportId);
        return row;
    }

    static List<Instant> times(Instant start, Duration step, int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(start.plus(step.multipliedBy(i)));
        }
        return times;
    }
}
