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
 * Microsoft Graph {@code /security/alerts_v2} alerts → Detection Finding 2004 (docs/ocsf/alerts.md).
 * {@code time} is lastUpdateDateTime, the time of the alert version the record shows.
 */
public final class GraphAlertMapper implements OcsfMapper {
    public static final String KIND = "graph-alert";

    private final Clock clock;

    public GraphAlertMapper() {
        this(Clock.systemUTC());
    }

    GraphAlertMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext callerContext) {
        MappingContext context = RestEvents.withProduct(callerContext, Product.DEFENDER_XDR);
        EntityFields alert = new EntityFields(record);

        Long created = alert.peekTime("createdDateTime");
        Long updated = alert.peekTime("lastUpdateDateTime");
        OcsfEvent event = FindingEvents.start(OcsfClass.DETECTION_FINDING, context, alert,
                FindingLifecycle::putAlertStatus, created, updated, clock);
        event.originalUid(alert.peekText("id"));
        event.set("is_alert", true);
        RestEvents.tenant(event, context, alert, "tenantId");
        event.set("metadata.correlation_uid", alert.text("incidentId"));

        ObjectNode finding = findingInfo(alert);
        event.node().set("finding_info", finding);
        event.set("message", finding.path("title").asText(null));
        MdeAlertMapper.incidentProfile(event, alert);
        String actions = alert.text("recommendedActions");
        if (actions != null) {
            event.object("remediation").put("desc", actions);
        }
        event.set("malware", AlertFindings.malware(alert.peekText("threatDisplayName") != null
                ? alert.text("threatDisplayName") : alert.text("threatFamilyName")));

        List<ObjectNode> loose = new ArrayList<>();
        ArrayNode evidences = OcsfNode.array();
        for (EntityFields entity : alert.objects("evidence")) {
            Evidence evidence = GraphEvidence.from(entity);
            evidences.add(evidence.node());
            loose.addAll(evidence.looseObservables());
        }
        event.set("evidences", evidences.isEmpty() ? null : evidences);
        return RestEvents.finish(event, alert, loose);
    }

    /**
     * finding_info of a Graph alert; also the alert entries of Graph incidents fetched with
     * {@code $expand=alerts}. Reads id, providerAlertId, title, description, the four times, category,
     * alertWebUrl, detectorId, serviceSource, detectionSource, mitreTechniques and systemTags.
     */
    static ObjectNode findingInfo(EntityFields alert) {
        ObjectNode finding = OcsfNode.object();
        String category = alert.peekText("category");
        OcsfNode.put(finding, "uid", alert.text("id"));
        OcsfNode.put(finding, "uid_alt", alert.text("providerAlertId"));
        OcsfNode.put(finding, "title", alert.text("title"));
        OcsfNode.put(finding, "desc", alert.text("description"));
        OcsfNode.put(finding, "created_time", alert.time("createdDateTime"));
        OcsfNode.put(finding, "modified_time", alert.time("lastUpdateDateTime"));
        OcsfNode.put(finding, "first_seen_time", alert.time("firstActivityDateTime"));
        OcsfNode.put(finding, "last_seen_time", alert.time("lastActivityDateTime"));
        OcsfNode.put(finding, "types", AlertFindings.types(alert.text("category")));
        OcsfNode.put(finding, "src_url", alert.text("alertWebUrl"));
        OcsfNode.put(finding, "analytic", AlertFindings.analytic(alert.text("detectorId")));
        String service = alert.text("serviceSource");
        OcsfNode.put(finding, "product", AlertFindings.product(service, service == null ? null : alert.text("detectionSource")));
        OcsfNode.put(finding, "attacks", MitreAttacks.attacks(alert.texts("mitreTechniques"), category));
        ArrayNode tags = OcsfNode.array();
        AlertFindings.addTags(tags, "systemTags", alert.texts("systemTags"));
        OcsfNode.put(finding, "tags", tags);
        return finding;
    }
}
