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
 * Defender XDR incidents ({@code GET /api/incidents}) → Incident Finding 2005 (docs/ocsf/incidents.md).
 * finding_info_list[0] is the incident itself, [1..n] its alerts; what OCSF finding_info cannot hold of an
 * alert (status, severity, devices, entities...) stays under unmapped.alerts[i], and the entities' host
 * names, IPs, hashes, users and URLs are listed as observables.
 */
public final class XdrIncidentMapper implements OcsfMapper {
    public static final String KIND = "xdr-incident";

    private final Clock clock;

    public XdrIncidentMapper() {
        this(Clock.systemUTC());
    }

    XdrIncidentMapper(Clock clock) {
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

        Long created = incident.time("createdTime");
        Long updated = incident.time("lastUpdateTime");
        OcsfEvent event = FindingEvents.start(OcsfClass.INCIDENT_FINDING, context, incident,
                FindingLifecycle::putIncidentStatus, created, updated, clock);
        Long id = incident.longValue("incidentId");
        String uid = id == null ? null : String.valueOf(id);
        event.originalUid(uid);
        event.set("metadata.correlation_uid", uid);
        String name = incident.text("incidentName");
        event.set("message", name);
        FindingLifecycle.putVerdict(event.node(), incident, "classification", "determination");
        IncidentFindings.putAssignee(event, incident.text("assignedTo"));

        ArrayNode findings = event.array("finding_info_list");
        ObjectNode self = findings.addObject();
        OcsfNode.put(self, "uid", uid);
        OcsfNode.put(self, "title", name);
        OcsfNode.put(self, "created_time", created);
        OcsfNode.put(self, "modified_time", updated);
        OcsfNode.put(self, "product", AlertFindings.product(Product.DEFENDER_XDR.productName(), incident.text("detectionSource")));
        ArrayNode tags = OcsfNode.array();
        AlertFindings.addTags(tags, "tags", incident.texts("tags"));
        OcsfNode.put(self, "tags", tags);
        Long redirect = incident.longValue("redirectIncidentId");
        IncidentFindings.putRedirect(self, redirect == null ? null : String.valueOf(redirect));

        List<ObjectNode> loose = new ArrayList<>();
        for (EntityFields alert : incident.objects("alerts")) {
            findings.add(alertFinding(alert));
            loose.addAll(IncidentObservables.ofXdrAlert(alert.fields().record()));
        }
        return RestEvents.finish(event, incident, loose);
    }

    private static ObjectNode alertFinding(EntityFields alert) {
        ObjectNode finding = OcsfNode.object();
        String category = alert.peekText("category");
        OcsfNode.put(finding, "uid", alert.text("alertId"));
        OcsfNode.put(finding, "title", alert.text("title"));
        OcsfNode.put(finding, "desc", alert.text("description"));
        OcsfNode.put(finding, "created_time", alert.time("creationTime"));
        OcsfNode.put(finding, "modified_time", alert.time("lastUpdatedTime"));
        OcsfNode.put(finding, "first_seen_time", alert.time("firstActivity"));
        OcsfNode.put(finding, "last_seen_time", alert.time("lastActivity"));
        OcsfNode.put(finding, "types", AlertFindings.types(alert.text("category")));
        String service = alert.text("serviceSource");
        OcsfNode.put(finding, "product", AlertFindings.product(service, service == null ? null : alert.text("detectionSource")));
        OcsfNode.put(finding, "attacks", MitreAttacks.attacks(alert.texts("mitreTechniques"), category));
        return finding;
    }
}
