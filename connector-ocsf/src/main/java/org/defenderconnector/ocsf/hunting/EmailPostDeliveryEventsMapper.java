package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Locale;

/**
 * EmailPostDeliveryEvents (actions taken on a delivered message: Manual remediation, Phish ZAP,
 * Malware ZAP) → Email Activity (4009), 99 Other carrying the ActionType — none of send, receive,
 * scan, trace or relay describes a remediation — direction 0 Unknown.
 * <ul>
 *   <li>{@code email}: uid ← NetworkMessageId, message_uid ← InternetMessageId, to ← RecipientEmailAddress;</li>
 *   <li>security_control profile: Action → {@code disposition_id} (moved to quarantine → Quarantined,
 *       soft/hard delete → Deleted, other words 99 Other), {@code action_id} 4 Modified (the message
 *       was acted on after delivery);</li>
 *   <li>ActionResult → {@code status_id} (Success 1, Error/Failed 2, other 99).</li>
 * </ul>
 * ActionTrigger, DeliveryLocation, ThreatTypes and DetectionMethods stay unmapped.
 */
public final class EmailPostDeliveryEventsMapper extends HuntingMapper {

    public EmailPostDeliveryEventsMapper() {
        super("EmailPostDeliveryEvents", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        RecordFields fields = row.fields();
        String actionType = row.actionType();
        OcsfEvent event = row.start(OcsfClass.EMAIL_ACTIVITY,
                actionType == null ? EnumValue.UNKNOWN : EnumValue.other(actionType));
        EnumValue.UNKNOWN.writeTo(event.node(), "direction_id");
        ObjectNode email = EmailParts.email(event, fields);
        EmailParts.address(email, "to", fields, "RecipientEmailAddress", true);
        String action = fields.text("Action");
        if (action != null) {
            SecurityControl.outcome(event, SecurityControl.MODIFIED_ACTION, disposition(action));
        }
        String result = fields.text("ActionResult");
        if (result != null) {
            String r = result.toLowerCase(Locale.ROOT);
            (r.startsWith("success") ? new EnumValue(1, "Success")
                    : r.startsWith("error") || r.startsWith("fail") ? new EnumValue(2, "Failure")
                    : EnumValue.other(result)).writeTo(event.node(), "status_id");
        }
        row.additionalFields();
        return row.build(event);
    }

    private static EnumValue disposition(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        if (a.contains("quarantine")) {
            return SecurityControl.QUARANTINED;
        }
        if (a.contains("delete")) {
            return SecurityControl.DELETED;
        }
        return EnumValue.other(action);
    }
}
