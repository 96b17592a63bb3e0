package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.DeviceObject;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.OsObject;

import java.util.Locale;

/**
 * DeviceInfo → Device Inventory Info (5001), activity 2 Collect (Defender sends a full report every
 * hour and on change).
 * <ul>
 *   <li>{@code device}: uid ← DeviceId, hostname ← DeviceName, uid_alt ← AadDeviceId, type_id ← DeviceType
 *       (DeviceCategory "IoT" when the type is unknown), model ← Model, vendor_name ← Vendor,
 *       groups ← MachineGroup, risk_level_id ← ExposureLevel, is_managed ← OnboardingStatus == Onboarded;</li>
 *   <li>{@code device.os}: name ← OSPlatform (family as type_id), version ← OSVersion, build ← OSBuild,
 *       cpu_bits ← OSArchitecture;</li>
 *   <li>{@code device.agent_list} ← the Defender sensor with ClientVersion.</li>
 * </ul>
 * PublicIP is the address the device is seen from on the internet, not the device's own, so it is not
 * {@code device.ip} and stays unmapped with the other columns (LoggedOnUsers and the tag lists as
 * parsed JSON).
 */
public final class DeviceInfoMapper extends HuntingMapper {
    static final EnumValue COLLECT = new EnumValue(2, "Collect");

    public DeviceInfoMapper() {
        super("DeviceInfo", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        OcsfEvent event = row.start(OcsfClass.DEVICE_INVENTORY_INFO, COLLECT);
        RecordFields fields = row.fields();
        row.device(event, false);
        if (event.has("device")) {
            ObjectNode device = event.object("device");
            type(fields).writeTo(device, "type_id");
            put(device, "uid_alt", fields.text("AadDeviceId"));
            put(device, "model", fields.text("Model"));
            put(device, "vendor_name", fields.text("Vendor"));
            String group = fields.text("MachineGroup");
            if (group != null) {
                device.putArray("groups").addObject().put("name", group);
            }
            String exposure = fields.text("ExposureLevel");
            if (exposure != null) {
                riskLevel(exposure).writeTo(device, "risk_level_id");
            }
            String onboarding = fields.text("OnboardingStatus");
            if (onboarding != null) {
                device.put("is_managed", onboarding.equalsIgnoreCase("Onboarded"));
            }
            os(fields, device);
            String client = fields.text("ClientVersion");
            if (client != null) {
                ObjectNode agent = device.putArray("agent_list").addObject();
                agent.put("name", Product.DEFENDER_FOR_ENDPOINT.productName());
                agent.put("vendor_name", Product.VENDOR);
                agent.put("version", client);
                new EnumValue(1, "Endpoint Detection and Response").writeTo(agent, "type_id");
            }
        }
        row.additionalFields();
        for (String json : new String[] {"LoggedOnUsers", "DeviceManualTags", "DeviceDynamicTags", "MergedDeviceIds"}) {
            AdditionalFields.read(fields, json).keepRest(event.node());
        }
        return row.build(event);
    }

    private static EnumValue type(RecordFields fields) {
        // DeviceSubtype refines DeviceType ("a mobile device can be a tablet or a smartphone", a workstation a
        // laptop); it decides when it names a kind OCSF knows, else it stays unmapped.
        com.fasterxml.jackson.databind.JsonNode subtype = fields.peek("DeviceSubtype");
        EnumValue refined = subtype == null ? EnumValue.UNKNOWN : DeviceObject.type(subtype.asText());
        if (refined.id() != 0 && refined.id() != EnumValue.OTHER_ID) {
            fields.markUsed("DeviceSubtype");
            return refined;
        }
        EnumValue type = DeviceObject.type(fields.text("DeviceType"));
        // DeviceCategory only decides when DeviceType does not; otherwise it stays unmapped.
        com.fasterxml.jackson.databind.JsonNode category = fields.peek("DeviceCategory");
        if (type.id() == 0 && category != null && category.asText().equalsIgnoreCase("IoT")) {
            fields.markUsed("DeviceCategory");
            return new EnumValue(7, "IOT");
        }
        return type;
    }

    private static void os(RecordFields fields, ObjectNode device) {
        OsObject.fromPlatform(fields.text("OSPlatform")).ifPresent(os -> {
            put(os, "version", fields.text("OSVersion"));
            Long build = fields.longValue("OSBuild");
            if (build != null) {
                os.put("build", Long.toString(build));
            }
            String architecture = fields.text("OSArchitecture");
            if (architecture != null) {
                Integer bits = architecture.contains("64") ? Integer.valueOf(64)
                        : architecture.contains("32") || architecture.toLowerCase(Locale.ROOT).contains("x86")
                        ? Integer.valueOf(32) : null;
                if (bits != null) {
                    os.put("cpu_bits", bits);
                }
            }
            device.set("os", os);
        });
    }

    /** ExposureLevel (None, Low, Medium, High) to OCSF risk level. */
    static EnumValue riskLevel(String exposure) {
        return switch (exposure.toLowerCase(Locale.ROOT)) {
            case "none", "info", "informational" -> new EnumValue(0, "Info");
            case "low" -> new EnumValue(1, "Low");
            case "medium" -> new EnumValue(2, "Medium");
            case "high" -> new EnumValue(3, "High");
            case "critical" -> new EnumValue(4, "Critical");
            default -> EnumValue.other(exposure);
        };
    }

    private static void put(ObjectNode node, String attribute, String value) {
        if (value != null) {
            node.put(attribute, value);
        }
    }
}
