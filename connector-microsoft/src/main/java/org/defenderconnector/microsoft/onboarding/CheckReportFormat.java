package org.defenderconnector.microsoft.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.microsoft.permissions.DefenderStream;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link CheckReport} as human text (one line per check) or as JSON. */
public final class CheckReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckReportFormat() {
    }

    /**
     * One line per check ({@code PASS}/{@code FAIL}/{@code SKIP}), symptom, cause and fix indented below
     * failures, then a summary line.
     */
    public static String text(CheckReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Checking client ").append(report.clientId()).append(" in tenant ").append(report.tenant())
                .append(" (").append(report.credential()).append(", ").append(report.endpoints()).append(")\n");
        int width = report.checks().stream().mapToInt(c -> c.title().length()).max().orElse(0);
        for (Check c : report.checks()) {
            sb.append(String.format("%-4s  %-" + width + "s  %s%n", c.status(), c.title(), c.detail()));
            c.guidance().ifPresent(a -> {
                sb.append("      problem: ").append(a.symptom()).append(" [").append(a.id()).append("]\n");
                sb.append("      cause:   ").append(a.cause()).append('\n');
                sb.append("      fix:     ").append(a.fix()).append('\n');
            });
        }
        sb.append(summary(report)).append('\n');
        return sb.toString();
    }

    /** The last line of {@link #text}: counts and which streams will (not) work. */
    public static String summary(CheckReport report) {
        String counts = report.count(CheckStatus.PASS) + " passed, " + report.count(CheckStatus.FAIL) + " failed, "
                + report.count(CheckStatus.SKIP) + " skipped";
        int total = report.streams().size();
        if (report.ok()) {
            return "OK: all " + total + " requested stream" + (total == 1 ? "" : "s") + " will work ("
                    + ids(report.readyStreams()) + "). " + counts + ".";
        }
        return "NOT OK: " + report.notReadyStreams().size() + " of " + total + " requested stream"
                + (total == 1 ? "" : "s") + " will not work (" + ids(report.notReadyStreams()) + ")"
                + (report.readyStreams().isEmpty() ? "" : "; ready: " + ids(report.readyStreams()))
                + ". " + counts + ".";
    }

    /** The report as a JSON document with {@code ok}, {@code streams}, {@code summary} and {@code checks}. */
    public static String json(CheckReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", report.ok());
        root.put("tenant", report.tenant());
        root.put("clientId", report.clientId());
        root.put("credential", report.credential());
        root.put("endpoints", report.endpoints());
        ObjectNode streams = root.putObject("streams");
        for (Map.Entry<DefenderStream, CheckStatus> e : report.streams().entrySet()) {
            streams.put(e.getKey().id(), e.getValue().name());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", report.count(CheckStatus.PASS));
        summary.put("failed", report.count(CheckStatus.FAIL));
        summary.put("skipped", report.count(CheckStatus.SKIP));
        summary.put("text", summary(report));
        ArrayNode checks = root.putArray("checks");
        for (Check c : report.checks()) {
            ObjectNode n = checks.addObject();
            n.put("id", c.id());
            n.put("status", c.status().name());
            n.put("title", c.title());
            n.put("detail", c.detail());
            if (c.api() == null) {
                n.putNull("api");
            } else {
                n.put("api", c.api().entraName());
            }
            if (c.stream() == null) {
                n.putNull("stream");
            } else {
                n.put("stream", c.stream().id());
            }
            if (c.advice() == null) {
                n.putNull("guidance");
            } else {
                ObjectNode g = n.putObject("guidance");
                g.put("id", c.advice().id());
                g.put("symptom", c.advice().symptom());
                g.put("cause", c.advice().cause());
                g.put("fix", c.advice().fix());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ids(List<DefenderStream> streams) {
        return streams.stream().map(DefenderStream::id).collect(Collectors.joining(", "));
    }
}
