package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.JsonRecord;
import org.defenderconnector.microsoft.http.ODataPageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph incidents with their alerts. {@code $expand=alerts} is documented, but where a tenant or
 * cloud answers it with 400 or 501, the query falls back for the life of the source: incidents
 * without expansion, then each incident's alerts from
 * {@code /v1.0/security/alerts_v2?$filter=incidentId eq '<id>'}, put into the incident's JSON as
 * {@code "alerts": [...]} so records look the same either way.
 */
final class GraphIncidentsQuery implements WindowQuery {
    private static final Logger LOG = LoggerFactory.getLogger(GraphIncidentsQuery.class);

    private final ApiClient client;
    private final ODataWindowQuery expanded;
    private final ODataWindowQuery plain;
    private final CollectionSpec alerts;
    private volatile boolean expandRefused;

    /**
     * @param incidents the incidents collection with {@code $expand=alerts} in its fixed parameters
     * @param alerts    the alerts_v2 collection (same host, token and family)
     */
    GraphIncidentsQuery(ApiClient client, CollectionSpec incidents, CollectionSpec alerts) {
        this.client = client;
        this.expanded = new ODataWindowQuery(client, incidents);
        Map<String, String> withoutExpand = new HashMap<>(incidents.fixedParams());
        withoutExpand.remove("$expand");
        this.plain = new ODataWindowQuery(client, incidents.withFixedParams(withoutExpand));
        this.alerts = alerts;
    }

    @Override
    public WindowPage fetch(Instant from, Instant to, int top, PageCursor cursor) throws ApiException {
        if (!expandRefused) {
            try {
                return expanded.fetch(from, to, top, cursor);
            } catch (ApiException e) {
                boolean refused = e.status() == 400 || e.status() == 501;
                if (!refused) {
                    throw e;
                }
                LOG.warn("Graph refused $expand=alerts on incidents ({}); reading each incident's alerts from alerts_v2",
                        e.getMessage());
                expandRefused = true;
                if (cursor != null && cursor.nextLink() != null) {
                    cursor = PageCursor.skip(cursor.skip()); // the link carried the expansion
                }
            }
        }
        WindowPage page = plain.fetch(from, to, top, cursor);
        List<JsonRecord> withAlerts = new ArrayList<>(page.records().size());
        for (JsonRecord incident : page.records()) {
            withAlerts.add(withAlerts(incident));
        }
        return new WindowPage(withAlerts, page.next());
    }

    private JsonRecord withAlerts(JsonRecord incident) throws ApiException {
        String incidentId = incident.field("id");
        if (incidentId == null) {
            return incident;
        }
        List<String> alertJson = new ArrayList<>();
        URI uri = alerts.uri(Map.of("$filter", "incidentId eq '" + incidentId.replace("'", "''") + "'"));
        while (uri != null) {
            String nextLink = client.get(alerts.request(uri), body -> {
                try (ODataPageReader reader = new ODataPageReader(body, Set.of())) {
                    JsonRecord r;
                    while ((r = reader.next()) != null) {
                        alertJson.add(r.json());
                    }
                    return reader.nextLink();
                }
            });
            uri = nextLink == null ? null : URI.create(nextLink);
        }
        return new JsonRecord(splice(incident.json(), "alerts", "[" + String.join(",", alertJson) + "]"),
                incident.fields());
    }

    /** Adds {@code "name": value} as the last member of a JSON object given as text. */
    static String splice(String objectJson, String name, String valueJson) {
        int close = objectJson.lastIndexOf('}');
        String head = objectJson.substring(0, close).stripTrailing();
        boolean empty = head.endsWith("{");
        return head + (empty ? "" : ",") + "\"" + name + "\":" + valueJson + objectJson.substring(close);
    }

    @Override
    public String describe() {
        return "Graph incidents";
    }
}
