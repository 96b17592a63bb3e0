package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * OCSF {@code user} objects from Defender's account fields. Conventions (docs/ocsf/alerts.md):
 * name = account name (else the UPN), domain = NetBIOS/DNS domain, uid = the Windows SID, uid_alt = the
 * Entra object id, email_addr = the UPN when it is email-shaped (Entra UPNs usually are) or the mailbox
 * address. Fields that fit none of these stay unread, so they end up in the caller's leftovers.
 */
final class Users {
    /** Same shape check as OCSF email_t, so we never emit a value validators would reject. */
    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9!#$%&'*+\\-/=?^_`{|}~.]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$");

    private Users() {
    }

    record AccountFields(String name, String domain, String sid, String aadId, String upn, String displayName) {
        static final AccountFields MDE_ENTITY = new AccountFields("accountName", "domainName", "userSid", "aadUserId",
                "userPrincipalName", null);
        static final AccountFields GRAPH_USER_ACCOUNT = new AccountFields("accountName", "domainName", "userSid",
                "azureAdUserId", "userPrincipalName", "displayName");
    }

    static boolean isEmail(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }

    /** The user, or null when the entity names no user (the fields then stay unread). */
    static ObjectNode from(EntityFields entity, AccountFields names) {
        String name = entity.peekText(names.name());
        String sid = entity.peekText(names.sid());
        String upn = names.upn() == null ? null : entity.peekText(names.upn());
        String aadId = entity.peekText(names.aadId());
        if (name == null && sid == null && upn == null && aadId == null) {
            return null;
        }
        ObjectNode user = OcsfNode.object();
        if (name != null) {
            OcsfNode.put(user, "name", entity.text(names.name()));
        } else if (upn != null) {
            OcsfNode.put(user, "name", entity.text(names.upn()));
        }
        OcsfNode.put(user, "domain", entity.text(names.domain()));
        OcsfNode.put(user, "uid", entity.text(names.sid()));
        OcsfNode.put(user, "uid_alt", entity.text(names.aadId()));
        if (name != null && isEmail(upn)) {
            OcsfNode.put(user, "email_addr", entity.text(names.upn()));
        }
        if (names.displayName() != null) {
            OcsfNode.put(user, "display_name", entity.text(names.displayName()));
        }
        if (!user.has("name") && !user.has("uid")) {
            // Only an Entra id: it is still the user's identifier.
            user.put("uid", user.remove("uid_alt").asText());
        }
        return user;
    }

    /** An analyst or requestor given as a UPN/e-mail or a plain name (assignedTo, requestor...). */
    static ObjectNode named(String nameOrEmail) {
        if (nameOrEmail == null) {
            return null;
        }
        ObjectNode user = OcsfNode.object();
        user.put("name", nameOrEmail);
        if (isEmail(nameOrEmail)) {
            user.put("email_addr", nameOrEmail);
        }
        return user;
    }
}
