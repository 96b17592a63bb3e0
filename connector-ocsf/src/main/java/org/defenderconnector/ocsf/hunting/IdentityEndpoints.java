package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.DeviceObject;
import org.defenderconnector.ocsf.objects.EndpointColumns;
import org.defenderconnector.ocsf.objects.EndpointObject;
import org.defenderconnector.ocsf.objects.OsObject;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client endpoint of an identity event (Identity* tables): DeviceName, IPAddress, Port, plus what
 * the table says about the client device (OSPlatform, DeviceType, ISP, Location) when present.
 */
final class IdentityEndpoints {
    private static final Pattern COUNTRY_CODE = Pattern.compile("^[A-Z]{2}$");

    private IdentityEndpoints() {
    }

    static Optional<ObjectNode> source(RecordFields fields) {
        Optional<ObjectNode> endpoint = EndpointObject.read(fields, EndpointColumns.IDENTITY_SOURCE);
        endpoint.ifPresent(source -> {
            OsObject.fromPlatform(fields.text("OSPlatform")).ifPresent(os -> source.set("os", os));
            String deviceType = fields.text("DeviceType");
            if (deviceType != null) {
                DeviceObject.type(deviceType).writeTo(source, "type_id");
            }
            String isp = fields.text("ISP");
            if (isp != null) {
                source.put("isp", isp);
            }
            JsonNode location = fields.peek("Location");
            if (location != null && COUNTRY_CODE.matcher(location.asText()).matches()) {
                fields.markUsed("Location");
                source.putObject("location").put("country", location.asText());
            }
        });
        return endpoint;
    }
}
