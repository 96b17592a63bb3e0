package org.defenderconnector.ocsf.hunting;

import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.objects.EnumValue;

/**
 * The {@code security_control} profile's outcome attributes for events where a Defender control
 * acted: {@code action_id} (what the control did to the activity) and {@code disposition_id} (the
 * outcome). Using them declares the profile.
 */
final class SecurityControl {
    static final EnumValue ALLOWED_ACTION = new EnumValue(1, "Allowed");
    static final EnumValue DENIED_ACTION = new EnumValue(2, "Denied");
    static final EnumValue OBSERVED_ACTION = new EnumValue(3, "Observed");
    static final EnumValue MODIFIED_ACTION = new EnumValue(4, "Modified");

    static final EnumValue ALLOWED = new EnumValue(1, "Allowed");
    static final EnumValue BLOCKED = new EnumValue(2, "Blocked");
    static final EnumValue QUARANTINED = new EnumValue(3, "Quarantined");
    static final EnumValue DELETED = new EnumValue(5, "Deleted");
    static final EnumValue CORRECTED = new EnumValue(11, "Corrected");
    static final EnumValue DETECTED = new EnumValue(15, "Detected");
    static final EnumValue LOGGED = new EnumValue(17, "Logged");

    private SecurityControl() {
    }

    static void blocked(OcsfEvent event) {
        outcome(event, DENIED_ACTION, BLOCKED);
    }

    static void audited(OcsfEvent event) {
        outcome(event, OBSERVED_ACTION, DETECTED);
    }

    static void allowed(OcsfEvent event) {
        outcome(event, ALLOWED_ACTION, ALLOWED);
    }

    static void outcome(OcsfEvent event, EnumValue action, EnumValue disposition) {
        if (action != null) {
            action.writeTo(event.node(), "action_id");
        }
        if (disposition != null) {
            disposition.writeTo(event.node(), "disposition_id");
        }
        event.profile("security_control");
    }
}
