package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Microsoft Graph {@code /security/incidents} → Incident Finding 2005 (docs/ocsf/incidents.md).
 * Same shape as the XDR incident mapper; alerts are present when fetched with {@code $expand=alerts}.
 */
public final class GraphIncidentMapper implements OcsfMapper {
    public static final String KIND = "graph-incident";

    private final Clock clock;

    public GraphIncidentMapper() {
        this(Clock.systemUTC());
    }

    GraphIncidentMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext callerContext) {
        MappingContext context = RestEvents.withProduct(callerContext, Product.DEFENDER_XDR);
        EntityFields incident = new EntityFields(record);

        Long created = incident.time("createdDateTime");
        Long updated = incident.time("lastUpdateDateTime");
        OcsfEvent event = FindingEvents.start(OcsfClass.INCIDENT_FINDING, context, incident,
                FindingLifecycle::putIncidentStatus, created, updated, clock);
        String id = incident.text("id");
        event.originalUid(id);
        event.set("metadata.correlation_uid", id);
        RestEvents.tenant(event, context, incident, "tenantId");
        String name = incident.text("displayName");
        String description = incident.text("description");
        event.set("message", name);
        event.set("desc", description);
        event.set("src_url", incident.text("incidentWebUrl"));
        FindingLifecycle.putVerdict(event.node(), incident, "classification", "determination");
        IncidentFindings.putAssignee(event, incident.text("assignedTo"));

        ArrayNode findings = event.array("finding_info_list");
        ObjectNode self = findings.addObject();
        OcsfNode.put(self, "uid", id);
        OcsfNode.put(self, "title", name);
        OcsfNode.put(self, "desc", description);
        OcsfNode.put(self, "created_time", created);
        OcsfNode.put(self, "modified_time", updated);
        ArrayNode tags = OcsfNode.array();
        AlertFindings.addTags(tags, "customTags", incident.texts("customTags"));
        AlertFindings.addTags(tags, "systemTags", incident.texts("systemTags"));
        OcsfNode.put(self, "tags", tags);
        IncidentFindings.putRedirect(self, incident.text("redirectIncidentId"));

        List<ObjectNode> loose = new ArrayList<>();
        for (EntityFields alert : incident.objects("alerts")) {
            findings.add(GraphAlertMapper.findingInfo(alert));
            loose.addAll(IncidentObservables.ofGraphAlert(alert.fields().record()));
        }
        return RestEvents.finish(event, incident, loose);
    }
}
