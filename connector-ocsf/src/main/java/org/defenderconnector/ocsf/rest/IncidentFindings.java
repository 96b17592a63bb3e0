package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfEvent;

/** What the XDR and Graph incident mappers share about OCSF Incident Finding 2005. */
final class IncidentFindings {
    /** The name of Defender XDR's own queue state for incidents nobody is assigned to. */
    static final String UNASSIGNED = "Unassigned";
    static final String UNASSIGNED_DESC = "No analyst is assigned to this incident in Microsoft Defender XDR, which lists"
            + " it as Unassigned. Stated as a group because OCSF 1.8.0 Incident Finding requires an assignee or an"
            + " assignee_group; it names no real group or person.";

    private IncidentFindings() {
    }

    /**
     * The analyst the incident is assigned to. An unassigned incident gets no invented analyst: OCSF's
     * at_least_one(assignee, assignee_group) is met with the group Defender itself shows for such
     * incidents, the "Unassigned" queue, described as such (docs/ocsf/incidents.md).
     */
    static void putAssignee(OcsfEvent event, String assignedTo) {
        ObjectNode assignee = Users.named(assignedTo);
        if (assignee != null) {
            event.set("assignee", assignee);
            return;
        }
        ObjectNode group = event.object("assignee_group");
        group.put("name", UNASSIGNED);
        group.put("desc", UNASSIGNED_DESC);
    }

    /**
     * A redirected incident was merged into another one; that incident is the finding's closest relative,
     * so it is listed in the incident's related_events.
     */
    static void putRedirect(ObjectNode self, String redirectIncidentId) {
        if (redirectIncidentId == null) {
            return;
        }
        ObjectNode related = self.putArray("related_events").addObject();
        related.put("uid", redirectIncidentId);
        related.put("type", "Incident");
        related.put("desc", "The incident this incident was redirected (merged) into");
    }
}
