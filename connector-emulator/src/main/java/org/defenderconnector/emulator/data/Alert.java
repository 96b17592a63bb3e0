package org.defenderconnector.emulator.data;

import java.time.Instant;
import java.util.List;

/**
 * An alert as the service holds it, independent of how an API shows it. Immutable: a change is a new instance
 * with a later {@link #lastUpdate}.
 *
 * @param machine   the device (null for Office 365 and Cloud Apps alerts)
 * @param user      the account involved (MDE's {@code relatedUser})
 * @param evidenceSeed what the evidence is generated from (evidence is rebuilt on demand: holding it for every
 *                     alert would cost more memory than the alerts themselves)
 */
public record Alert(String id, long incidentId, AlertTemplate template, Machine machine, Person user,
                    String severity, String status, String classification, String determination,
                    Long investigationId, String investigationState, String assignedTo, String detectorId,
                    Instant created, Instant firstEvent, Instant lastEvent, Instant lastUpdate, Instant resolved,
                    List<Comment> comments, List<String> systemTags, long evidenceSeed) {

    public Alert {
        comments = List.copyOf(comments);
        systemTags = List.copyOf(systemTags);
    }

    /** Evidence items, in order (the same list every time). */
    public List<Evidence> evidence() {
        return EvidenceFactory.evidence(this);
    }

    public ServiceSource source() {
        return template.source();
    }

    /** A copy with a change applied at {@code time} (the new lastUpdateTime). */
    public Alert with(AlertUpdate update, Instant time) {
        String newStatus = update.status() == null ? status : update.status();
        Instant newResolved = "Resolved".equals(newStatus) ? (resolved == null ? time : resolved) : null;
        List<Comment> newComments = comments;
        if (update.comment() != null) {
            newComments = new java.util.ArrayList<>(comments);
            newComments.add(new Comment(update.comment(), update.assignedTo() != null ? update.assignedTo()
                    : assignedTo != null ? assignedTo : "api@" + Catalog.DOMAIN, time));
        }
        String newInvestigationState = investigationId != null && "Resolved".equals(newStatus)
                ? "SuccessfullyRemediated" : investigationState;
        return new Alert(id, update.incidentId() == null ? incidentId : update.incidentId(), template, machine, user,
                update.severity() == null ? severity : update.severity(), newStatus,
                update.classification() == null ? classification : update.classification(),
                update.determination() == null ? determination : update.determination(), investigationId,
                newInvestigationState, update.assignedTo() == null ? assignedTo : update.assignedTo(), detectorId,
                created, firstEvent, lastEvent, time, newResolved, newComments, systemTags, evidenceSeed);
    }
}
