package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.DeviceObject;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.ProcessColumns;
import org.defenderconnector.ocsf.objects.ProcessObject;
import org.defenderconnector.ocsf.objects.UserColumns;
import org.defenderconnector.ocsf.objects.UserObject;

import java.util.Optional;

/**
 * One advanced hunting row being mapped: its fields, its table and the mapping context adjusted to
 * the table's product. Holds the steps every hunting mapper shares (event time, natural key,
 * AdditionalFields, the reporting device, the initiating process as actor).
 */
final class HuntingRow {
    private final String table;
    private final RecordFields fields;
    private final MappingContext context;
    private AdditionalFields additionalFields;

    HuntingRow(String table, RecordFields fields, MappingContext context) {
        this.table = table;
        this.fields = fields;
        this.context = context;
    }

    String table() {
        return table;
    }

    RecordFields fields() {
        return fields;
    }

    MappingContext context() {
        return context;
    }

    /** The ActionType column (read, so it is never left unmapped: it becomes the activity). */
    String actionType() {
        return fields.text("ActionType");
    }

    /**
     * Starts the event with the row's own time (Timestamp, also kept as written in
     * {@code metadata.original_time}), its natural key, and the ActionType as {@code metadata.event_code}
     * (Defender's name for the kind of event, kept even when the activity is a defined one). The time is
     * left out when the row has none, which makes the completeness check fall back to a Base Event.
     */
    OcsfEvent start(OcsfClass ocsfClass, EnumValue activity) {
        OcsfEvent event = OcsfEvent.start(ocsfClass, activity.id(), activity.caption(), context);
        Long time = fields.time("Timestamp");
        if (time != null) {
            event.time(time);
            event.set("metadata.original_time", fields.text("Timestamp"));
        }
        event.set("metadata.event_code", fields.text("ActionType"));
        event.originalUid(HuntingKeys.of(table, fields));
        fields.markUsed("ReportId");
        return event;
    }

    /** The JSON column, parsed once per row. */
    AdditionalFields additionalFields() {
        if (additionalFields == null) {
            additionalFields = AdditionalFields.read(fields, "AdditionalFields");
        }
        return additionalFields;
    }

    /** Sets {@code device} from DeviceId/DeviceName (declaring {@code host} where the class needs it for device). */
    void device(OcsfEvent event, boolean viaHostProfile) {
        DeviceObject.read(fields).ifPresent(device -> {
            event.set("device", device);
            if (viaHostProfile) {
                event.profile("host");
            }
        });
    }

    /** The initiating process (with its parent) and its account as the event's actor. */
    Optional<ObjectNode> initiatingProcess() {
        return ProcessObject.read(fields, ProcessColumns.INITIATING_PROCESS);
    }

    /**
     * Sets {@code actor.process} from the InitiatingProcess* columns and {@code actor.user} from the
     * account that ran it (also found at {@code actor.process.user}; {@code actor.user} is what most
     * OCSF queries look at). Without a process id, the account alone is the actor.
     */
    void initiatingActor(OcsfEvent event) {
        Optional<ObjectNode> process = initiatingProcess();
        process.ifPresent(p -> {
            event.set("actor.process", p);
            if (p.has("user")) {
                event.set("actor.user", p.get("user")); // shared, as the event is read-only once built
            }
        });
        if (process.isEmpty()) {
            UserObject.read(fields, UserColumns.INITIATING_PROCESS).ifPresent(user -> event.set("actor.user", user));
        }
    }

    /** Finishes the event: AdditionalFields leftovers and unread columns under unmapped. */
    ObjectNode build(OcsfEvent event) {
        if (additionalFields != null) {
            additionalFields.keepRest(event.node());
        }
        return event.build(fields);
    }
}
