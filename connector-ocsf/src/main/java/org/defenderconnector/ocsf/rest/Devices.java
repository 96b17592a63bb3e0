package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.regex.Pattern;

/** OCSF {@code device} objects from the camelCase device fields of MDE, XDR and Graph entities. */
final class Devices {
    private static final Pattern BARE_MAC = Pattern.compile("^[0-9A-Fa-f]{12}$");
    private static final Pattern SEPARATED_MAC = Pattern.compile("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$");

    private Devices() {
    }

    /**
     * A device with the type OCSF requires: Server when the platform is a Windows Server, otherwise
     * Unknown (the REST entities do not say whether a client is a desktop, laptop or VM). Null when there is
     * neither an id nor a host name, since OCSF then has nothing to identify the device by.
     */
    static ObjectNode device(String uid, String hostname, String platform) {
        if (uid == null && hostname == null) {
            return null;
        }
        ObjectNode device = OcsfNode.object();
        int typeId = OperatingSystems.deviceTypeId(platform);
        OcsfNode.putEnum(device, "type_id", typeId, "type", OperatingSystems.DeviceTypes.caption(typeId));
        OcsfNode.put(device, "uid", uid);
        OcsfNode.put(device, "hostname", hostname);
        return device;
    }

    static void setType(ObjectNode device, int typeId) {
        OcsfNode.putEnum(device, "type_id", typeId, "type", OperatingSystems.DeviceTypes.caption(typeId));
    }

    /** A device group ({@code device.groups[]}) from an RBAC machine group; null when both are absent. */
    static ArrayNode groups(String uid, String name) {
        if (uid == null && name == null) {
            return null;
        }
        ObjectNode group = OcsfNode.object();
        OcsfNode.put(group, "uid", uid);
        OcsfNode.put(group, "name", name);
        ArrayNode groups = OcsfNode.array();
        groups.add(group);
        return groups;
    }

    /**
     * The RBAC group name when it names a real group. The export API writes "Unassigned" when a device is
     * in no group and "None" when the tenant has no groups: neither is a group the device belongs to.
     */
    static boolean isRealGroupName(String rbacGroupName) {
        return rbacGroupName != null && !rbacGroupName.equalsIgnoreCase("Unassigned") && !rbacGroupName.equalsIgnoreCase("None");
    }

    /** OCSF mac_t wants colon-separated octets; Defender writes bare hex ("8CEC4B897E73"). Null if neither. */
    static String mac(String defenderMac) {
        if (defenderMac == null) {
            return null;
        }
        String mac = defenderMac.trim();
        if (SEPARATED_MAC.matcher(mac).matches()) {
            return mac.replace('-', ':').toUpperCase(Locale.ROOT);
        }
        if (!BARE_MAC.matcher(mac).matches()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(mac, i, i + 2);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** OCSF risk_level_id from Defender's riskScore (None, Informational, Low, Medium, High). */
    static void putRiskLevel(ObjectNode device, String riskScore) {
        if (riskScore == null) {
            return;
        }
        switch (riskScore.toLowerCase(Locale.ROOT)) {
            case "informational" -> OcsfNode.putEnum(device, "risk_level_id", 0, "risk_level", "Info");
            case "low" -> OcsfNode.putEnum(device, "risk_level_id", 1, "risk_level", "Low");
            case "medium" -> OcsfNode.putEnum(device, "risk_level_id", 2, "risk_level", "Medium");
            case "high" -> OcsfNode.putEnum(device, "risk_level_id", 3, "risk_level", "High");
            case "critical" -> OcsfNode.putEnum(device, "risk_level_id", 4, "risk_level", "Critical");
            // "None" means Defender found no risk; OCSF has no such level, so it is Other with the word kept.
            default -> OcsfNode.putEnum(device, "risk_level_id", 99, "risk_level", riskScore);
        }
    }
}
