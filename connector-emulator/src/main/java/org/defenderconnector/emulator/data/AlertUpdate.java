package org.defenderconnector.emulator.data;

import java.time.Instant;

/**
 * A change to an alert, as an analyst or the service would make it; null fields are left unchanged.
 *
 * @param status         New, InProgress or Resolved
 * @param time           the new lastUpdateTime; null = the emulator clock's now
 * @param incidentId     moves the alert to another incident (correlation can do that)
 */
public record AlertUpdate(String status, String assignedTo, String classification, String determination,
                          String comment, String severity, Long incidentId, Instant time) {

    public static AlertUpdate status(String status) {
        return new AlertUpdate(status, null, null, null, null, null, null, null);
    }

    public AlertUpdate at(Instant newTime) {
        return new AlertUpdate(status, assignedTo, classification, determination, comment, severity, incidentId,
                newTime);
    }

    public AlertUpdate assignedTo(String analyst) {
        return new AlertUpdate(status, analyst, classification, determination, comment, severity, incidentId, time);
    }

    public AlertUpdate classified(String newClassification, String newDetermination) {
        return new AlertUpdate(status, assignedTo, newClassification, newDetermination, comment, severity,
                incidentId, time);
    }

    public AlertUpdate withComment(String text) {
        return new AlertUpdate(status, assignedTo, classification, determination, text, severity, incidentId, time);
    }
}
