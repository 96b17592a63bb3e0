package org.defenderconnector.microsoft.permissions;

import org.defenderconnector.microsoft.cloud.Api;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import static org.defenderconnector.microsoft.cloud.Api.DEFENDER_ENDPOINT;
import static org.defenderconnector.microsoft.cloud.Api.DEFENDER_XDR;
import static org.defenderconnector.microsoft.cloud.Api.GRAPH;

/**
 * The permissions each stream and each response action needs, from Microsoft's API pages
 * (shared/reference/microsoft-api.md §2.1, §4.1, §4.3–4.5). The single source for {@code check},
 * {@code permissions} and the docs.
 */
public final class PermissionCatalog {
    private static final Map<DefenderStream, StreamRequirement> STREAMS = new EnumMap<>(DefenderStream.class);

    static {
        add(DefenderStream.ALERTS, DEFENDER_ENDPOINT, "Alert.Read.All", List.of("Alert.ReadWrite.All"),
                Probe.get("/api/alerts?$top=1"), null);
        add(DefenderStream.MACHINES, DEFENDER_ENDPOINT, "Machine.Read.All", List.of("Machine.ReadWrite.All"),
                // get-machines.md: "If there are no recent machines, you see 404 Not Found".
                Probe.getWhere404IsEmpty("/api/machines?$top=1"), null);
        add(DefenderStream.MACHINE_ACTIONS, DEFENDER_ENDPOINT, "Machine.Read.All", List.of("Machine.ReadWrite.All"),
                Probe.get("/api/machineactions?$top=1"), null);
        add(DefenderStream.VULNERABILITIES, DEFENDER_ENDPOINT, "Vulnerability.Read.All", List.of(),
                Probe.get("/api/vulnerabilities?$top=1"), null);
        add(DefenderStream.SOFTWARE, DEFENDER_ENDPOINT, "Software.Read.All", List.of(),
                Probe.get("/api/Software?$top=1"), null);
        add(DefenderStream.SCORES, DEFENDER_ENDPOINT, "Score.Read.All", List.of(),
                Probe.get("/api/exposureScore"), null);
        add(DefenderStream.INCIDENTS, GRAPH, "SecurityIncident.Read.All", List.of("SecurityIncident.ReadWrite.All"),
                Probe.get("/v1.0/security/incidents?$top=1"), null);
        add(DefenderStream.XDR_INCIDENTS, DEFENDER_XDR, "Incident.Read.All", List.of("Incident.ReadWrite.All"),
                Probe.get("/api/incidents?$top=1"),
                "the XDR incidents API is the older path; the 'incidents' stream (Microsoft Graph) is the default");
        add(DefenderStream.GRAPH_ALERTS, GRAPH, "SecurityAlert.Read.All", List.of("SecurityAlert.ReadWrite.All"),
                Probe.get("/v1.0/security/alerts_v2?$top=1"), null);
        add(DefenderStream.HUNTING, GRAPH, "ThreatHunting.Read.All", List.of(),
                Probe.post("/v1.0/security/runHuntingQuery", "{\"Query\":\"DeviceInfo | take 1\"}"), null);
        add(DefenderStream.INDICATORS, DEFENDER_ENDPOINT, "Ti.ReadWrite.All", List.of("Ti.ReadWrite"),
                Probe.get("/api/indicators?$top=1"),
                // get-ti-indicators-collection.md; MDE has no read-only indicator permission.
                "with only Ti.ReadWrite the app sees just the indicators it created itself");
    }

    private static final List<ResponsePermission> RESPONSE = List.of(
            new ResponsePermission(DEFENDER_ENDPOINT, "Alert.ReadWrite.All", "update alerts (status, assignment, classification, comments)"),
            new ResponsePermission(DEFENDER_ENDPOINT, "Machine.Isolate", "isolate and release devices"),
            new ResponsePermission(DEFENDER_ENDPOINT, "Machine.Scan", "run antivirus scans"),
            new ResponsePermission(DEFENDER_ENDPOINT, "Machine.ReadWrite.All", "add and remove device tags"),
            new ResponsePermission(DEFENDER_ENDPOINT, "Ti.ReadWrite.All", "create and delete custom indicators"));

    private PermissionCatalog() {
    }

    private static void add(DefenderStream stream, Api api, String least, List<String> also, Probe probe, String note) {
        STREAMS.put(stream, new StreamRequirement(stream, api, least, also, probe, note));
    }

    public static StreamRequirement requirement(DefenderStream stream) {
        return Objects.requireNonNull(STREAMS.get(stream), () -> "no catalog entry for " + stream);
    }

    public static List<StreamRequirement> all() {
        return List.copyOf(STREAMS.values());
    }

    public static List<ResponsePermission> responsePermissions() {
        return RESPONSE;
    }

    /** The minimal set of application permissions, per API, for the given streams. */
    public static PermissionPlan plan(Collection<DefenderStream> streams) {
        return plan(streams, false);
    }

    /** As {@link #plan(Collection)}, plus every response permission when {@code includeResponse}. */
    public static PermissionPlan plan(Collection<DefenderStream> streams, boolean includeResponse) {
        Map<Api, TreeSet<String>> perApi = new EnumMap<>(Api.class);
        for (DefenderStream s : streams) {
            StreamRequirement r = requirement(s);
            perApi.computeIfAbsent(r.api(), a -> new TreeSet<>()).add(r.leastPrivileged());
        }
        if (includeResponse) {
            for (ResponsePermission r : RESPONSE) {
                perApi.computeIfAbsent(r.api(), a -> new TreeSet<>()).add(r.permission());
            }
        }
        // A ReadWrite permission covers its Read counterpart: drop the redundant read grant.
        for (TreeSet<String> set : perApi.values()) {
            set.removeIf(p -> p.contains(".Read.") && set.contains(p.replace(".Read.", ".ReadWrite.")));
        }
        return new PermissionPlan(List.copyOf(streams), perApi, includeResponse);
    }

    /** Microsoft-documented app-role id of a permission, where known (Microsoft Graph only). */
    public static Optional<String> documentedAppRoleId(Api api, String permission) {
        return AppRoleIds.documented(api, permission);
    }
}
