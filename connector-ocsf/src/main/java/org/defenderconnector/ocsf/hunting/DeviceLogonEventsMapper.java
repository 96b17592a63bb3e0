package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EndpointColumns;
import org.defenderconnector.ocsf.objects.EndpointObject;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.UserColumns;
import org.defenderconnector.ocsf.objects.UserObject;

/**
 * DeviceLogonEvents → Authentication (3002). LogonSuccess / LogonFailed / LogonAttempted are all
 * 1 Logon, with status 1 Success / 2 Failure / 0 Unknown (FailureReason → {@code status_detail});
 * other ActionTypes 99 Other.
 * <ul>
 *   <li>{@code user} = the account logging on (Account*); IsLocalAdmin → {@code user.type_id} Admin/User;</li>
 *   <li>{@code src_endpoint} = the remote device (RemoteIP, RemotePort, RemoteDeviceName, RemoteIPType);</li>
 *   <li>{@code dst_endpoint} = the device logged on to (DeviceId, DeviceName) — OCSF 1.8.0 needs a
 *       service or a destination; {@code device} is the same device (host profile);</li>
 *   <li>LogonType → {@code logon_type_id} and {@code is_remote}; Protocol → {@code auth_protocol_id};
 *       LogonId → {@code session.uid};</li>
 *   <li>{@code actor} = the initiating process.</li>
 * </ul>
 */
public final class DeviceLogonEventsMapper extends HuntingMapper {

    public DeviceLogonEventsMapper() {
        super("DeviceLogonEvents", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        OcsfEvent event = row.start(OcsfClass.AUTHENTICATION, Logons.activity(actionType));
        RecordFields fields = row.fields();
        Logons.status(actionType).ifPresent(status -> status.writeTo(event.node(), "status_id"));
        event.set("status_detail", fields.text("FailureReason"));
        UserObject.read(fields, UserColumns.ACCOUNT).ifPresent(user -> {
            Boolean admin = fields.bool("IsLocalAdmin");
            if (admin != null) {
                (admin ? new EnumValue(2, "Admin") : new EnumValue(1, "User")).writeTo(user, "type_id");
            }
            event.set("user", user);
        });
        String logonType = fields.text("LogonType");
        if (logonType != null) {
            EnumValue type = Logons.logonType(logonType);
            type.writeTo(event.node(), "logon_type_id");
            Logons.isRemote(type).ifPresent(remote -> event.set("is_remote", remote));
        }
        String protocol = fields.text("Protocol");
        if (protocol != null) {
            Logons.protocol(protocol).writeTo(event.node(), "auth_protocol_id");
        }
        Long logonId = fields.longValue("LogonId");
        if (logonId != null) {
            event.set("session.uid", Long.toString(logonId));
        }
        EndpointObject.read(fields, EndpointColumns.REMOTE_DEVICE).ifPresent(source -> event.set("src_endpoint", source));
        row.device(event, true);
        JsonNode device = event.node().get("device");
        if (device != null) {
            ObjectNode destination = event.object("dst_endpoint");
            if (device.has("uid")) {
                destination.put("uid", device.get("uid").asText());
            }
            if (device.has("hostname")) {
                destination.put("hostname", device.get("hostname").asText());
            }
        }
        row.initiatingActor(event);
        row.additionalFields();
        return row.build(event);
    }
}
