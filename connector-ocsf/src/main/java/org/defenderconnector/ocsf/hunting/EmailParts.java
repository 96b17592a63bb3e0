package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EmailAddress;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Locale;

/**
 * The parts of OCSF Email Activity (4009) the Email* tables share. NetworkMessageId — Microsoft 365's
 * id of one message as it travels through the service — is {@code message_trace_uid} and also
 * {@code email.uid}, so rows of EmailEvents, EmailAttachmentInfo, EmailUrlInfo,
 * EmailPostDeliveryEvents and alert evidence about the same message join on {@code email.uid}.
 * Addresses that are not valid {@code email_t} values (e.g. the "<>" null sender) are not mapped
 * and stay unmapped.
 */
final class EmailParts {
    static final EnumValue SCAN = new EnumValue(3, "Scan");

    private EmailParts() {
    }

    /** Starts {@code email} with the message ids. */
    static ObjectNode email(OcsfEvent event, RecordFields fields) {
        ObjectNode email = event.object("email");
        String networkMessageId = fields.text("NetworkMessageId");
        if (networkMessageId != null) {
            email.put("uid", networkMessageId);
            event.set("message_trace_uid", networkMessageId);
        }
        String internetMessageId = fields.text("InternetMessageId");
        if (internetMessageId != null) {
            email.put("message_uid", internetMessageId);
        }
        return email;
    }

    /** Copies a column into an e-mail address attribute when it holds a valid address. */
    static void address(ObjectNode email, String attribute, RecordFields fields, String column, boolean list) {
        JsonNode value = fields.peek(column);
        if (value == null || !EmailAddress.isValid(value.asText().trim())) {
            return;
        }
        fields.markUsed(column);
        if (list) {
            email.withArray(attribute).add(value.asText().trim());
        } else {
            email.put(attribute, value.asText().trim());
        }
    }

    /** EmailDirection (Inbound, Outbound, Intra-org) to OCSF direction. */
    static EnumValue direction(String direction) {
        if (direction == null) {
            return EnumValue.UNKNOWN;
        }
        return switch (direction.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")) {
            case "inbound" -> new EnumValue(1, "Inbound");
            case "outbound" -> new EnumValue(2, "Outbound");
            case "intraorg", "internal" -> new EnumValue(3, "Internal");
            case "unknown" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(direction);
        };
    }
}
