package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.IpAddress;
import org.defenderconnector.ocsf.objects.UserColumns;
import org.defenderconnector.ocsf.objects.UserObject;

import java.util.Locale;
import java.util.Optional;

/**
 * IdentityDirectoryEvents (Active Directory changes seen by Defender for Identity), by ActionType:
 * <ul>
 *   <li>"Group Membership changed" → Group Management (3006): AdditionalFields TO.GROUP → 3 Add User,
 *       FROM.GROUP → 4 Remove User ({@code group.name} = that group); when the member is a group
 *       (TARGET_OBJECT.GROUP) 7 Add Subgroup / 8 Remove Subgroup with {@code subgroup};</li>
 *   <li>"Account …" and account creation/deletion → Account Change (3001): password changed 3, password
 *       reset 4, "Account Disabled changed" 5 Disable / 2 Enable from its TO value, "Account Locked
 *       changed" 9 Lock / 12 Unlock, created 1, deleted 6, any other account attribute change 99 Other;</li>
 *   <li>every other ActionType (replication, PowerShell/WMI execution, task scheduling, SMB file copy…)
 *       → Base Event 99 Other carrying the ActionType, with the domain controller as {@code device} and
 *       the account as {@code actor} (host profile); the rest stays unmapped.</li>
 * </ul>
 * {@code user} = the account acted on (TargetAccountUpn/DisplayName; the Account* columns when there is
 * no target), {@code actor.user} = Account*, {@code src_endpoint} = DeviceName/IPAddress/Port,
 * {@code device} = the domain controller that processed it (DestinationDeviceName/IPAddress, host profile).
 */
public final class IdentityDirectoryEventsMapper extends HuntingMapper {

    public IdentityDirectoryEventsMapper() {
        super("IdentityDirectoryEvents", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        String action = actionType == null ? "" : actionType.toLowerCase(Locale.ROOT);
        AdditionalFields extra = row.additionalFields();
        OcsfEvent event;
        if (action.contains("group membership")) {
            event = groupMembership(row, actionType, extra);
        } else if (action.startsWith("account") || action.contains("account created") || action.contains("account deleted")
                || action.contains("password")) {
            event = row.start(OcsfClass.ACCOUNT_CHANGE, accountActivity(action, actionType, extra));
            targetAndActor(row, event);
            IdentityEndpoints.source(row.fields()).ifPresent(source -> event.set("src_endpoint", source));
        } else {
            event = row.start(OcsfClass.BASE_EVENT, action.isEmpty() ? EnumValue.UNKNOWN : EnumValue.other(actionType));
            UserObject.read(row.fields(), UserColumns.ACCOUNT).ifPresent(user -> {
                event.set("actor.user", user);
                event.profile("host");
            });
        }
        domainController(row.fields(), event);
        return row.build(event);
    }

    private static OcsfEvent groupMembership(HuntingRow row, String actionType, AdditionalFields extra) {
        Optional<String> added = extra.take("TO.GROUP");
        Optional<String> removed = added.isPresent() ? Optional.empty() : extra.take("FROM.GROUP");
        // Taken only when used below; otherwise it stays in AdditionalFields under unmapped.
        Optional<String> memberGroup = extra.peek("TARGET_OBJECT.GROUP");
        boolean subgroup = memberGroup.isPresent() && extra.peek("TARGET_OBJECT.USER").isEmpty()
                && row.fields().peek("TargetAccountUpn") == null;
        EnumValue activity = added.isPresent() ? (subgroup ? new EnumValue(7, "Add Subgroup") : new EnumValue(3, "Add User"))
                : removed.isPresent() ? (subgroup ? new EnumValue(8, "Remove Subgroup") : new EnumValue(4, "Remove User"))
                : EnumValue.other(actionType);
        OcsfEvent event = row.start(OcsfClass.GROUP_MANAGEMENT, activity);
        added.or(() -> removed).ifPresent(group -> event.set("group.name", group));
        if (subgroup) {
            event.set("subgroup.name", extra.take("TARGET_OBJECT.GROUP").orElseThrow());
        } else if (memberGroup.isPresent() && !event.has("group")) {
            event.set("group.name", extra.take("TARGET_OBJECT.GROUP").orElseThrow());
        }
        if (!subgroup) {
            UserObject.read(row.fields(), UserColumns.TARGET).ifPresent(user -> event.set("user", user));
        }
        UserObject.read(row.fields(), UserColumns.ACCOUNT).ifPresent(user -> event.set("actor.user", user));
        IdentityEndpoints.source(row.fields()).ifPresent(source -> event.set("src_endpoint", source));
        return event;
    }

    private static EnumValue accountActivity(String action, String actionType, AdditionalFields extra) {
        if (action.contains("password") && action.contains("reset")) {
            return new EnumValue(4, "Password Reset");
        }
        if (action.equals("account password changed")) {
            return new EnumValue(3, "Password Change");
        }
        if (action.equals("account disabled changed")) {
            Optional<Boolean> disabled = extra.takeBoolean("TO Account Disabled");
            return disabled.map(d -> d ? new EnumValue(5, "Disable") : new EnumValue(2, "Enable"))
                    .orElse(EnumValue.other(actionType));
        }
        if (action.equals("account locked changed")) {
            Optional<Boolean> locked = extra.takeBoolean("TO Account Locked");
            return locked.map(l -> l ? new EnumValue(9, "Lock") : new EnumValue(12, "Unlock"))
                    .orElse(EnumValue.other(actionType));
        }
        if (action.equals("account enabled")) {
            return new EnumValue(2, "Enable");
        }
        if (action.equals("account disabled")) {
            return new EnumValue(5, "Disable");
        }
        if (action.contains("created")) {
            return new EnumValue(1, "Create");
        }
        if (action.contains("deleted")) {
            return new EnumValue(6, "Delete");
        }
        return EnumValue.other(actionType);
    }

    /** The account acted on is the user; the one acting is the actor (or the user, without a target). */
    private static void targetAndActor(HuntingRow row, OcsfEvent event) {
        Optional<ObjectNode> target = UserObject.read(row.fields(), UserColumns.TARGET);
        Optional<ObjectNode> account = UserObject.read(row.fields(), UserColumns.ACCOUNT);
        if (target.isPresent()) {
            event.set("user", target.get());
            account.ifPresent(user -> event.set("actor.user", user));
        } else {
            account.ifPresent(user -> event.set("user", user));
        }
    }

    /**
     * The domain controller that processed the event (DestinationDeviceName, DestinationIPAddress) as
     * the event's device — a server — declared through the host profile. DestinationPort stays unmapped.
     */
    static void domainController(RecordFields fields, OcsfEvent event) {
        String name = fields.text("DestinationDeviceName");
        JsonNode ipNode = fields.peek("DestinationIPAddress");
        String ip = ipNode == null ? null : ipNode.asText().trim();
        boolean validIp = ip != null && IpAddress.isValid(ip);
        if (name == null && !validIp) {
            return;
        }
        ObjectNode device = JsonNodeFactory.instance.objectNode();
        if (name != null) {
            device.put("hostname", name);
        }
        if (validIp) {
            fields.markUsed("DestinationIPAddress");
            device.put("ip", ip);
        }
        new EnumValue(1, "Server").writeTo(device, "type_id");
        event.set("device", device);
        event.profile("host");
    }
}
