package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EndpointColumns;
import org.defenderconnector.ocsf.objects.EndpointObject;
import org.defenderconnector.ocsf.objects.UserColumns;
import org.defenderconnector.ocsf.objects.UserObject;

/**
 * IdentityLogonEvents (Defender for Identity / Defender for Cloud Apps sign-ins) → Authentication
 * (3002): LogonSuccess / LogonFailed are 1 Logon with status Success / Failure; other ActionTypes
 * 99 Other.
 * <ul>
 *   <li>{@code user} = Account* (name, domain, UPN, SID, Entra object id, display name);</li>
 *   <li>{@code src_endpoint} = the client: DeviceName, IPAddress, Port, OSPlatform → {@code os},
 *       DeviceType → {@code type_id}, ISP → {@code isp}, Location → {@code location.country} when it is a
 *       country code;</li>
 *   <li>{@code dst_endpoint} = the server that processed it: DestinationDeviceName/IPAddress/Port;</li>
 *   <li>{@code service.name} = Application ("Active Directory", a cloud app);</li>
 *   <li>LogonType → {@code logon_type_id}, Protocol → {@code auth_protocol_id}, FailureReason →
 *       {@code status_detail}.</li>
 * </ul>
 * TargetDeviceName and TargetAccountDisplayName stay unmapped (Authentication has no target beyond
 * the destination). No {@code device}: these rows are not reported by a device.
 */
public final class IdentityLogonEventsMapper extends HuntingMapper {

    public IdentityLogonEventsMapper() {
        super("IdentityLogonEvents", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        OcsfEvent event = row.start(OcsfClass.AUTHENTICATION, Logons.activity(actionType));
        RecordFields fields = row.fields();
        Logons.status(actionType).ifPresent(status -> status.writeTo(event.node(), "status_id"));
        event.set("status_detail", fields.text("FailureReason"));
        UserObject.read(fields, UserColumns.ACCOUNT).ifPresent(user -> event.set("user", user));
        String logonType = fields.text("LogonType");
        if (logonType != null) {
            Logons.logonType(logonType).writeTo(event.node(), "logon_type_id");
        }
        String protocol = fields.text("Protocol");
        if (protocol != null) {
            Logons.protocol(protocol).writeTo(event.node(), "auth_protocol_id");
        }
        IdentityEndpoints.source(fields).ifPresent(source -> event.set("src_endpoint", source));
        EndpointObject.read(fields, EndpointColumns.IDENTITY_DESTINATION)
                .ifPresent(destination -> event.set("dst_endpoint", destination));
        String application = fields.text("Application");
        if (application != null) {
            event.set("service.name", application);
        }
        row.additionalFields();
        return row.build(event);
    }
}
