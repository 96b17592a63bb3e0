package org.defenderconnector.emulator.data;

import java.time.Instant;

/**
 * An alert a test adds explicitly. Only {@code time} is required; the rest is generated from the alert id.
 *
 * @param time       alertCreationTime and lastUpdateTime (exactly; 100 ns precision is kept)
 * @param source     the product; Defender for Endpoint when null
 * @param severity   Informational, Low, Medium or High; generated when null
 * @param status     New, InProgress or Resolved; New when null
 * @param title      title; the template's when null
 * @param machineId  the device; a generated device when null
 * @param incidentId the incident; a new one when null
 */
public record NewAlert(Instant time, ServiceSource source, String severity, String status, String title,
                       String machineId, Long incidentId) {

    public NewAlert {
        if (time == null) {
            throw new IllegalArgumentException("a new alert needs its time");
        }
    }

    public static NewAlert at(Instant time) {
        return new NewAlert(time, null, null, null, null, null, null);
    }

    public NewAlert withSeverity(String newSeverity) {
        return new NewAlert(time, source, newSeverity, status, title, machineId, incidentId);
    }

    public NewAlert withStatus(String newStatus) {
        return new NewAlert(time, source, severity, newStatus, title, machineId, incidentId);
    }

    public NewAlert withTitle(String newTitle) {
        return new NewAlert(time, source, severity, status, newTitle, machineId, incidentId);
    }

    public NewAlert onMachine(String newMachineId) {
        return new NewAlert(time, source, severity, status, title, newMachineId, incidentId);
    }

    public NewAlert inIncident(long newIncidentId) {
        return new NewAlert(time, source, severity, status, title, machineId, newIncidentId);
    }

    public NewAlert from(ServiceSource newSource) {
        return new NewAlert(time, newSource, severity, status, title, machineId, incidentId);
    }
}
