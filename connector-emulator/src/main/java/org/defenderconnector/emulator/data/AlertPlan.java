package org.defenderconnector.emulator.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated alert and its future: the state at creation and when it moves to InProgress (assigned, maybe
 * classified early, commented) and to Resolved (classified). {@link #at(Instant)} is the alert as it is at a
 * time, so the same alert id is seen with a later lastUpdateTime as the clock moves.
 */
record AlertPlan(Alert initial, Instant inProgressAt, Instant resolvedAt, String assignee,
                 boolean classifiedEarly, String classification, String determination, String comment) {

    Instant created() {
        return initial.created();
    }

    String id() {
        return initial.id();
    }

    Alert at(Instant now) {
        Alert alert = initial;
        if (inProgressAt != null && !inProgressAt.isAfter(now)) {
            List<Comment> comments = new ArrayList<>(alert.comments());
            if (comment != null) {
                comments.add(new Comment(comment, assignee, inProgressAt));
            }
            alert = new Alert(alert.id(), alert.incidentId(), alert.template(), alert.machine(), alert.user(),
                    alert.severity(), "InProgress", classifiedEarly ? classification : null,
                    classifiedEarly ? determination : null, alert.investigationId(),
                    alert.investigationId() == null ? alert.investigationState() : "Running", assignee,
                    alert.detectorId(), alert.created(), alert.firstEvent(), alert.lastEvent(), inProgressAt, null,
                    comments, alert.systemTags(), alert.evidenceSeed());
        }
        if (resolvedAt != null && !resolvedAt.isAfter(now)) {
            alert = new Alert(alert.id(), alert.incidentId(), alert.template(), alert.machine(), alert.user(),
                    alert.severity(), "Resolved", classification, determination, alert.investigationId(),
                    alert.investigationId() == null ? alert.investigationState()
                            : "FalsePositive".equals(classification) ? "Benign" : "SuccessfullyRemediated",
                    alert.assignedTo(), alert.detectorId(), alert.created(), alert.firstEvent(), alert.lastEvent(),
                    resolvedAt, resolvedAt, alert.comments(), alert.systemTags(), alert.evidenceSeed());
        }
        return alert;
    }
}
