package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EndpointObject;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.IpAddress;

import java.util.Locale;

/**
 * EmailEvents (one row per message and recipient, as Defender for Office 365 processed it) → Email
 * Activity (4009). EmailDirection gives {@code direction_id} (Inbound 1, Outbound 2, Intra-org 3
 * Internal) and the activity: outbound mail is 1 Send, inbound and intra-org delivery to the
 * recipient 2 Receive.
 * <ul>
 *   <li>{@code email}: uid/{@code message_trace_uid} ← NetworkMessageId, message_uid ← InternetMessageId,
 *       from ← SenderFromAddress (header From), return_path ← SenderMailFromAddress (the envelope
 *       sender, "also known as the Return-Path address"; OCSF deprecated smtp_from),
 *       to ← RecipientEmailAddress, subject ← Subject;</li>
 *   <li>{@code src_endpoint.ip} ← SenderIPv4 (else SenderIPv6): the last relaying server;</li>
 *   <li>{@code email_auth} ← AuthenticationDetails' SPF, DKIM and DMARC verdicts;</li>
 *   <li>security_control profile: DeliveryAction → {@code action_id}/{@code disposition_id}
 *       (Delivered → Allowed; Blocked → Denied/Blocked, or Quarantined when DeliveryLocation is
 *       Quarantine; Junked → Modified, disposition 99 "Junked"; Replaced → Modified/Corrected).</li>
 * </ul>
 * Threat verdicts, policies, counts and the Latest* columns stay unmapped.
 */
public final class EmailEventsMapper extends HuntingMapper {

    public EmailEventsMapper() {
        super("EmailEvents", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        RecordFields fields = row.fields();
        EnumValue direction = EmailParts.direction(fields.text("EmailDirection"));
        EnumValue activity = switch (direction.id()) {
            case 1, 3 -> new EnumValue(2, "Receive");
            case 2 -> new EnumValue(1, "Send");
            default -> EnumValue.UNKNOWN;
        };
        OcsfEvent event = row.start(OcsfClass.EMAIL_ACTIVITY, activity);
        direction.writeTo(event.node(), "direction_id");
        ObjectNode email = EmailParts.email(event, fields);
        EmailParts.address(email, "from", fields, "SenderFromAddress", false);
        EmailParts.address(email, "return_path", fields, "SenderMailFromAddress", false);
        EmailParts.address(email, "to", fields, "RecipientEmailAddress", true);
        String subject = fields.text("Subject");
        if (subject != null) {
            email.put("subject", subject);
        }
        senderIp(fields).ifPresent(source -> event.set("src_endpoint", source));
        authentication(event, fields);
        delivery(event, fields);
        row.additionalFields();
        return row.build(event);
    }

    private static java.util.Optional<ObjectNode> senderIp(RecordFields fields) {
        for (String column : new String[] {"SenderIPv4", "SenderIPv6"}) {
            JsonNode value = fields.peek(column);
            if (value != null && IpAddress.isValid(value.asText().trim())) {
                fields.markUsed(column);
                return EndpointObject.of(value.asText().trim(), null, null);
            }
        }
        return java.util.Optional.empty();
    }

    /** AuthenticationDetails ({"SPF":"pass","DKIM":"pass","DMARC":"pass","CompAuth":"pass"}) → email_auth. */
    private static void authentication(OcsfEvent event, RecordFields fields) {
        AdditionalFields details = AdditionalFields.read(fields, "AuthenticationDetails");
        ObjectNode auth = event.object("email_auth");
        details.take("SPF").ifPresent(spf -> auth.put("spf", spf));
        details.take("DKIM").ifPresent(dkim -> auth.put("dkim", dkim));
        details.take("DMARC").ifPresent(dmarc -> auth.put("dmarc", dmarc));
        if (auth.isEmpty()) {
            event.node().remove("email_auth");
        }
        details.keepRest(event.node());
    }

    private static void delivery(OcsfEvent event, RecordFields fields) {
        String action = fields.text("DeliveryAction");
        if (action == null) {
            return;
        }
        JsonNode location = fields.peek("DeliveryLocation");
        boolean quarantined = location != null && location.asText().toLowerCase(Locale.ROOT).contains("quarantine");
        switch (action.toLowerCase(Locale.ROOT)) {
            case "delivered" -> SecurityControl.allowed(event);
            case "blocked" -> SecurityControl.outcome(event, SecurityControl.DENIED_ACTION,
                    quarantined ? SecurityControl.QUARANTINED : SecurityControl.BLOCKED);
            case "junked" -> SecurityControl.outcome(event, SecurityControl.MODIFIED_ACTION, EnumValue.other(action));
            case "replaced" -> SecurityControl.outcome(event, SecurityControl.MODIFIED_ACTION, SecurityControl.CORRECTED);
            default -> SecurityControl.outcome(event, EnumValue.other(action), EnumValue.other(action));
        }
    }
}
