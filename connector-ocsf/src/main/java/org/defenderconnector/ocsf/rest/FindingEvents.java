package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;

import java.time.Clock;

/**
 * The opening that MDE alerts, Graph alerts, Graph incidents and XDR incidents share: the source status
 * decides status_id and whether the finding is closed, which with the creation and update times decides
 * the activity ({@link FindingLifecycle#activity}); the event time is the update time, else the creation
 * time, else now; then severity and status. Kept in one place so the four mappers cannot drift apart.
 */
final class FindingEvents {
    private FindingEvents() {
    }

    /** How a record's status word becomes status_id/status; true when the finding is closed. */
    @FunctionalInterface
    interface StatusMapping {
        boolean put(ObjectNode target, String sourceStatus);
    }

    /**
     * Starts the finding event of {@code record}, reading its {@code status} and {@code severity} fields.
     * {@code created} and {@code updated} are read by the caller, since each API names them differently
     * and some callers must leave them unmarked.
     */
    static OcsfEvent start(OcsfClass findingClass, MappingContext context, EntityFields record,
                           StatusMapping statusMapping, Long created, Long updated, Clock clock) {
        ObjectNode status = OcsfNode.object();
        boolean closed = statusMapping.put(status, record.text("status"));
        FindingLifecycle.Activity activity = FindingLifecycle.activity(closed, created, updated);

        OcsfEvent event = OcsfEvent.start(findingClass, activity.id(), activity.name(), context);
        event.time(updated != null ? updated : created != null ? created : clock.millis());
        event.severity(record.text("severity"));
        event.node().setAll(status);
        return event;
    }
}
