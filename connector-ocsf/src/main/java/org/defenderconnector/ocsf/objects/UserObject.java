package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.RecordFields;

import java.util.Optional;

/**
 * Builds an OCSF {@code user} from one family of Defender account columns:
 * <ul>
 *   <li>{@code name} ← account name (else the UPN, else the display name: OCSF needs a name or uid);</li>
 *   <li>{@code domain} ← account domain; {@code display_name} ← display name;</li>
 *   <li>{@code uid} ← the SID, which identifies the account on Windows devices and in AD; without a SID
 *       the Entra object id; {@code uid_alt} ← the Entra object id when the SID took {@code uid};</li>
 *   <li>{@code email_addr} ← the UPN when it is a valid e-mail address (OCSF has no UPN attribute).</li>
 * </ul>
 */
public final class UserObject {
    private UserObject() {
    }

    public static Optional<ObjectNode> read(RecordFields record, UserColumns columns) {
        String name = text(record, columns.name());
        String domain = text(record, columns.domain());
        String sid = text(record, columns.sid());
        String objectId = text(record, columns.objectId());
        String displayName = text(record, columns.displayName());
        String upn = peek(record, columns.upn());
        if (name == null && sid == null && objectId == null && upn == null && displayName == null) {
            return Optional.empty();
        }
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        String effectiveName = name != null ? name : upn != null ? upn : displayName;
        if (effectiveName != null) {
            user.put("name", effectiveName);
        }
        if (domain != null) {
            user.put("domain", domain);
        }
        if (displayName != null) {
            user.put("display_name", displayName);
        }
        if (sid != null) {
            user.put("uid", sid);
            if (objectId != null) {
                user.put("uid_alt", objectId);
            }
        } else if (objectId != null) {
            user.put("uid", objectId);
        }
        if (upn != null && (EmailAddress.isValid(upn) || upn.equals(effectiveName))) {
            if (EmailAddress.isValid(upn)) {
                user.put("email_addr", upn);
            }
            record.markUsed(columns.upn());
        }
        return Optional.of(user);
    }

    /** A user from values found inside a JSON field (AdditionalFields, LoggedOnUsers...). */
    public static Optional<ObjectNode> of(String name, String domain, String sid) {
        if (name == null && sid == null) {
            return Optional.empty();
        }
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        if (name != null) {
            user.put("name", name);
        }
        if (domain != null) {
            user.put("domain", domain);
        }
        if (sid != null) {
            user.put("uid", sid);
        }
        return Optional.of(user);
    }

    private static String text(RecordFields record, String column) {
        return column == null ? null : record.text(column);
    }

    private static String peek(RecordFields record, String column) {
        if (column == null) {
            return null;
        }
        JsonNode value = record.peek(column);
        String text = value == null ? null : value.asText().trim();
        return text == null || text.isEmpty() ? null : text;
    }
}
