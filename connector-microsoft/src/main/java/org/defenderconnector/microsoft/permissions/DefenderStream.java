package org.defenderconnector.microsoft.permissions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The data streams the connector collects, by the names used in configuration and on the command line. */
public enum DefenderStream {
    ALERTS("alerts", "MDE alerts (/api/alerts)"),
    MACHINES("machines", "MDE device inventory (/api/machines)"),
    MACHINE_ACTIONS("machine-actions", "MDE response actions history (/api/machineactions)"),
    VULNERABILITIES("vulnerabilities", "MDE vulnerability assessment (/api/vulnerabilities, export API)"),
    SOFTWARE("software", "MDE software inventory (/api/Software)"),
    SCORES("scores", "MDE exposure and device secure scores"),
    INCIDENTS("incidents", "Defender XDR incidents through Microsoft Graph (/security/incidents)"),
    XDR_INCIDENTS("xdr-incidents", "Defender XDR incidents through the XDR API (/api/incidents)"),
    GRAPH_ALERTS("graph-alerts", "Defender XDR alerts through Microsoft Graph (/security/alerts_v2)"),
    HUNTING("hunting", "Advanced hunting tables through Microsoft Graph (runHuntingQuery)"),
    INDICATORS("indicators", "MDE custom indicators (/api/indicators)");

    private final String id;
    private final String description;

    DefenderStream(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static DefenderStream fromId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DefenderStream s : values()) {
            if (s.id.equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown stream '" + id + "'. Known streams: " + allIds());
    }

    /** Parses "alerts,machines" (commas and/or spaces; "all" for every stream), keeping order, dropping repeats. */
    public static List<DefenderStream> parseList(String list) {
        Set<DefenderStream> out = new LinkedHashSet<>();
        for (String part : list.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (part.strip().equalsIgnoreCase("all")) {
                out.addAll(Arrays.asList(values()));
            } else {
                out.add(fromId(part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No stream given. Known streams: " + allIds());
        }
        return new ArrayList<>(out);
    }

    public static String allIds() {
        return Arrays.stream(values()).map(DefenderStream::id).collect(Collectors.joining(", "));
    }
}
