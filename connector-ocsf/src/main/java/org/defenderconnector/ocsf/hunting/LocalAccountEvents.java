package org.defenderconnector.ocsf.hunting;

import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.UserColumns;
import org.defenderconnector.ocsf.objects.UserObject;

import java.util.Optional;

/**
 * Local account and group changes in DeviceEvents:
 * <ul>
 *   <li>UserAccountCreated 1 Create, UserAccountDeleted 6 Delete, PasswordChangeAttempt 3 Password
 *       Change, UserAccountModified and others 99 Other → Account Change (3001);</li>
 *   <li>UserAccountAddedToLocalGroup 3 Add User, UserAccountRemovedFromLocalGroup 4 Remove User,
 *       SecurityGroupCreated 6 Create, SecurityGroupDeleted 5 Delete → Group Management (3006), the
 *       group from AdditionalFields GroupName / GroupDomainName / GroupSid.</li>
 * </ul>
 * {@code user} = the account changed (Account*); {@code actor} = the initiating process and its
 * account; {@code device} = the reporting device (host profile).
 */
final class LocalAccountEvents {
    private LocalAccountEvents() {
    }

    static OcsfEvent account(HuntingRow row, String actionType, String action) {
        EnumValue activity = switch (action) {
            case "useraccountcreated" -> new EnumValue(1, "Create");
            case "useraccountdeleted" -> new EnumValue(6, "Delete");
            case "passwordchangeattempt" -> new EnumValue(3, "Password Change");
            default -> EnumValue.other(actionType);
        };
        OcsfEvent event = row.start(OcsfClass.ACCOUNT_CHANGE, activity);
        UserObject.read(row.fields(), UserColumns.ACCOUNT).ifPresent(user -> event.set("user", user));
        DeviceEventKinds.deviceAndActor(row, event);
        return event;
    }

    static OcsfEvent group(HuntingRow row, String actionType, String action) {
        EnumValue activity = switch (action) {
            case "useraccountaddedtolocalgroup" -> new EnumValue(3, "Add User");
            case "useraccountremovedfromlocalgroup" -> new EnumValue(4, "Remove User");
            case "securitygroupcreated" -> new EnumValue(6, "Create");
            case "securitygroupdeleted" -> new EnumValue(5, "Delete");
            default -> EnumValue.other(actionType);
        };
        OcsfEvent event = row.start(OcsfClass.GROUP_MANAGEMENT, activity);
        AdditionalFields extra = row.additionalFields();
        Optional<String> name = extra.take("GroupName");
        Optional<String> sid = extra.take("GroupSid");
        if (name.isPresent() || sid.isPresent()) {
            name.ifPresent(n -> event.set("group.name", n));
            sid.ifPresent(s -> event.set("group.uid", s));
            extra.take("GroupDomainName").ifPresent(d -> event.set("group.domain", d));
        }
        if (action.contains("localgroup")) {
            UserObject.read(row.fields(), UserColumns.ACCOUNT).ifPresent(user -> event.set("user", user));
        }
        DeviceEventKinds.deviceAndActor(row, event);
        return event;
    }
}
