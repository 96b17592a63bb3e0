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
 * MDE alerts ({@code GET /api/alerts?$expand=evidence}) → Detection Finding 2004. The field-by-field
 * table and the decisions behind it are in docs/ocsf/alerts.md. {@code time} is the alert's
 * lastUpdateTime: each polled version of an alert is one state of the finding.
 */
public final class MdeAlertMapper implements OcsfMapper {
    public static final String KIND = "mde-alert";

    private final Clock clock;

    public MdeAlertMapper() {
        this(Clock.systemUTC());
    }

    MdeAlertMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext callerContext) {
        MappingContext context = RestEvents.withProduct(callerContext, Product.DEFENDER_FOR_ENDPOINT);
        EntityFields alert = new EntityFields(record);

        Long created = alert.time("alertCreationTime");
        Long updated = alert.time("lastUpdateTime");
        OcsfEvent event = FindingEvents.start(OcsfClass.DETECTION_FINDING, context, alert,
                FindingLifecycle::putAlertStatus, created, updated, clock);
        String id = alert.text("id");
        event.originalUid(id);
        event.set("is_alert", true);
        RestEvents.tenant(event, context, alert, "aadTenantId");
        Long incidentId = alert.longValue("incidentId");
        event.set("metadata.correlation_uid", incidentId == null ? null : String.valueOf(incidentId));

        String category = alert.peekText("category");
        ObjectNode finding = event.object("finding_info");
        OcsfNode.put(finding, "uid", id);
        OcsfNode.put(finding, "title", alert.text("title"));
        OcsfNode.put(finding, "desc", alert.text("description"));
        OcsfNode.put(finding, "created_time", created);
        OcsfNode.put(finding, "modified_time", updated);
        OcsfNode.put(finding, "first_seen_time", alert.time("firstEventTime"));
        OcsfNode.put(finding, "last_seen_time", alert.time("lastEventTime"));
        OcsfNode.put(finding, "types", AlertFindings.types(alert.text("category")));
        OcsfNode.put(finding, "analytic", AlertFindings.analytic(alert.text("detectorId")));
        OcsfNode.put(finding, "product", AlertFindings.product(Product.DEFENDER_FOR_ENDPOINT.productName(), alert.text("detectionSource")));
        OcsfNode.put(finding, "attacks", MitreAttacks.attacks(alert.texts("mitreTechniques"), category));
        event.set("message", finding.path("title").asText(null));

        incidentProfile(event, alert);
        event.set("device", device(alert));
        // threatName is the full detection name; the family is only used when no name is given.
        event.set("malware", AlertFindings.malware(alert.peekText("threatName") != null
                ? alert.text("threatName") : alert.text("threatFamilyName")));

        List<ObjectNode> loose = new ArrayList<>();
        ArrayNode evidences = OcsfNode.array();
        ObjectNode relatedUser = relatedUser(alert);
        if (relatedUser != null) {
            evidences.add(relatedUser);
        }
        for (EntityFields entity : alert.objects("evidence")) {
            Evidence evidence = MdeEntityEvidence.from(entity);
            evidences.add(evidence.node());
            loose.addAll(evidence.looseObservables());
        }
        event.set("evidences", evidences.isEmpty() ? null : evidences);
        return RestEvents.finish(event, alert, loose);
    }

    /** assignee and verdict come with OCSF's incident profile on Detection Finding. */
    static void incidentProfile(OcsfEvent event, EntityFields alert) {
        ObjectNode assignee = Users.named(alert.text("assignedTo"));
        if (assignee != null) {
            event.set("assignee", assignee);
        }
        // determination only refines the verdict; it has no OCSF attribute and stays under unmapped.
        FindingLifecycle.putVerdict(event.node(), alert, "classification", "determination");
        if (event.has("assignee") || event.has("verdict_id")) {
            event.profile("incident");
        }
    }

    private static ObjectNode device(EntityFields alert) {
        ObjectNode device = Devices.device(alert.text("machineId"), alert.text("computerDnsName"), null);
        if (device == null) {
            return null;
        }
        OcsfNode.put(device, "groups", Devices.groups(null, alert.text("rbacGroupName")));
        return device;
    }

    /** relatedUser ({userName, domainName}) is the user Defender ties to the alert: an evidence artifact. */
    private static ObjectNode relatedUser(EntityFields alert) {
        EntityFields related = alert.object("relatedUser");
        if (related == null || related.peekText("userName") == null) {
            return null;
        }
        ObjectNode evidence = OcsfNode.object();
        evidence.put("name", "relatedUser");
        ObjectNode user = evidence.putObject("user");
        user.put("name", related.text("userName"));
        OcsfNode.put(user, "domain", related.text("domainName"));
        return evidence;
    }
}
