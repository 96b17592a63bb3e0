package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Optional;

/**
 * Device control events in DeviceEvents (PnP devices, USB drives, removable storage and Bluetooth
 * policies) → Peripheral Activity (1010), the current class for "a system's interactions with external,
 * connectable, and detachable hardware" (Peripheral Device Query 5014 is deprecated).
 * <ul>
 *   <li>PnpDeviceConnected/Allowed/Blocked, UsbDriveMount(ed) → 1 Connect; UsbDriveUnmount(ed) →
 *       2 Disconnect; other device control ActionTypes (policy triggered, drive letter changed, file
 *       events on removable storage) → 99 Other;</li>
 *   <li>{@code peripheral_device} from AdditionalFields: name ← DeviceDescription / ProductName /
 *       FriendlyName / MediaName / ClassName, uid ← DeviceId / DeviceInstanceId, vendor_id_list ← VendorIds,
 *       serial_number ← SerialNumber / MediaSerialNumber, vendor_name ← Manufacturer / MediaVendor, model ←
 *       ProductName / MediaProductId, class ← ClassName; USB drives are type 1 External Storage;</li>
 *   <li>Blocked ActionTypes (and policy verdicts "Deny"/"Block") add action Denied / disposition Blocked.</li>
 * </ul>
 */
final class PeripheralEvents {
    private PeripheralEvents() {
    }

    static OcsfEvent map(HuntingRow row, String actionType, String action) {
        EnumValue activity;
        if (action.startsWith("pnpdeviceconnected") || action.equals("pnpdeviceallowed") || action.equals("pnpdeviceblocked")
                || action.equals("usbdrivemount") || action.equals("usbdrivemounted")) {
            activity = new EnumValue(1, "Connect");
        } else if (action.equals("usbdriveunmount") || action.equals("usbdriveunmounted")) {
            activity = new EnumValue(2, "Disconnect");
        } else {
            activity = EnumValue.other(actionType);
        }
        OcsfEvent event = row.start(OcsfClass.PERIPHERAL_ACTIVITY, activity);
        AdditionalFields extra = row.additionalFields();
        ObjectNode device = event.object("peripheral_device");
        Optional<String> description = extra.take("DeviceDescription", "FriendlyName", "MediaName");
        Optional<String> product = extra.take("ProductName", "MediaProductId");
        Optional<String> className = extra.take("ClassName", "MediaClassName");
        description.or(() -> product).or(() -> className).ifPresent(name -> device.put("name", name));
        extra.take("DeviceId", "DeviceInstanceId", "MediaDeviceId").ifPresent(id -> device.put("uid", id));
        extra.takeNode("VendorIds").ifPresent(ids -> {
            var list = device.putArray("vendor_id_list");
            if (ids.isArray()) {
                ids.forEach(id -> list.add(id.asText()));
            } else {
                for (String id : ids.asText().trim().split("\\s+")) {
                    if (!id.isEmpty()) {
                        list.add(id);
                    }
                }
            }
        });
        extra.take("SerialNumber", "MediaSerialNumber").ifPresent(serial -> device.put("serial_number", serial));
        extra.take("Manufacturer", "MediaVendor", "MediaVendorId").ifPresent(vendor -> device.put("vendor_name", vendor));
        product.ifPresent(model -> device.put("model", model));
        className.ifPresent(kind -> device.put("class", kind));
        if (action.startsWith("usbdrive") || action.startsWith("removablestorage")) {
            new EnumValue(1, "External Storage").writeTo(device, "type_id");
        }
        if (!device.has("name")) {
            if (device.has("uid")) {
                device.put("name", device.get("uid").asText());
            } else {
                event.node().remove("peripheral_device");
            }
        }
        Optional<JsonNode> verdict = extra.peekNode("RemovableStoragePolicyVerdict", "PolicyVerdict");
        boolean denied = action.endsWith("blocked") || verdict.map(v -> v.asText().toLowerCase(java.util.Locale.ROOT))
                .filter(v -> v.contains("deny") || v.contains("block")).isPresent();
        if (denied) {
            SecurityControl.blocked(event);
        }
        DeviceEventKinds.deviceAndActor(row, event);
        return event;
    }
}
