package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.RecordFields;

import java.util.Locale;
import java.util.Optional;

/**
 * Builds an OCSF {@code device} for the Defender-managed device a row is about: {@code uid} ← DeviceId,
 * {@code hostname} ← DeviceName (Defender's FQDN). Event tables do not say what kind of device it is,
 * so {@code type_id} (required) is 0 Unknown unless a caller knows better ({@link #type(String)}).
 */
public final class DeviceObject {
    private DeviceObject() {
    }

    /** From the DeviceId and DeviceName columns; empty when both are missing. */
    public static Optional<ObjectNode> read(RecordFields record) {
        return read(record, "DeviceId", "DeviceName");
    }

    public static Optional<ObjectNode> read(RecordFields record, String idColumn, String nameColumn) {
        String id = idColumn == null ? null : record.text(idColumn);
        String name = nameColumn == null ? null : record.text(nameColumn);
        return of(id, name);
    }

    public static Optional<ObjectNode> of(String uid, String hostname) {
        if (uid == null && hostname == null) {
            return Optional.empty();
        }
        ObjectNode device = JsonNodeFactory.instance.objectNode();
        if (uid != null) {
            device.put("uid", uid);
        }
        if (hostname != null) {
            device.put("hostname", hostname);
        }
        EnumValue.UNKNOWN.writeTo(device, "type_id");
        return Optional.of(device);
    }

    /**
     * OCSF device type from Defender's DeviceType ("Workstation", "Server", "Mobile", "Tablet",
     * network device kinds...). Unknown words become 99 Other with the word as caption.
     */
    public static EnumValue type(String deviceType) {
        if (deviceType == null || deviceType.isBlank()) {
            return EnumValue.UNKNOWN;
        }
        return switch (deviceType.toLowerCase(Locale.ROOT).replace(" ", "")) {
            case "server", "domaincontroller" -> new EnumValue(1, "Server");
            case "workstation", "desktop" -> new EnumValue(2, "Desktop");
            case "laptop" -> new EnumValue(3, "Laptop");
            case "tablet" -> new EnumValue(4, "Tablet");
            case "mobile", "smartphone", "mobilephone" -> new EnumValue(5, "Mobile");
            case "virtualmachine", "virtual" -> new EnumValue(6, "Virtual");
            case "iot", "iotdevice" -> new EnumValue(7, "IOT");
            case "firewall" -> new EnumValue(9, "Firewall");
            case "switch" -> new EnumValue(10, "Switch");
            case "router" -> new EnumValue(12, "Router");
            case "unknown" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(deviceType);
        };
    }
}
