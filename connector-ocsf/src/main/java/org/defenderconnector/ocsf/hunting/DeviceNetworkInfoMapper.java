package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.IpAddress;
import org.defenderconnector.ocsf.objects.MacAddress;

import java.util.Locale;

/**
 * DeviceNetworkInfo → Device Inventory Info (5001), activity 2 Collect, with the adapter as
 * {@code device.network_interfaces[]}. The table is a periodic (and on-change) snapshot of each
 * adapter's configuration, which is inventory; Device Config State Change (5019) is about security
 * states and levels, which this table does not carry.
 *
 * <p>OCSF's {@code network_interface} holds one IP, so an adapter with several addresses (IPAddresses)
 * becomes one entry per address, each with the adapter's name (NetworkAdapterName), MAC (MacAddress)
 * and type (NetworkAdapterType), and the address's subnet prefix. DNS servers, gateways, DHCP servers,
 * connected networks, tunnel type, status and vendor have no OCSF place and stay unmapped (JSON
 * parsed).
 */
public final class DeviceNetworkInfoMapper extends HuntingMapper {

    public DeviceNetworkInfoMapper() {
        super("DeviceNetworkInfo", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        OcsfEvent event = row.start(OcsfClass.DEVICE_INVENTORY_INFO, DeviceInfoMapper.COLLECT);
        RecordFields fields = row.fields();
        row.device(event, false);
        if (event.has("device")) {
            ArrayNode interfaces = interfaces(fields, event);
            if (!interfaces.isEmpty()) {
                event.object("device").set("network_interfaces", interfaces);
            }
        }
        for (String json : new String[] {"ConnectedNetworks", "DnsAddresses", "DefaultGateways"}) {
            AdditionalFields.read(fields, json).keepRest(event.node());
        }
        return row.build(event);
    }

    private static ArrayNode interfaces(RecordFields fields, OcsfEvent event) {
        ObjectNode adapter = JsonNodeFactory.instance.objectNode();
        String name = fields.text("NetworkAdapterName");
        if (name != null) {
            adapter.put("name", name);
        }
        JsonNode mac = fields.peek("MacAddress");
        if (mac != null) {
            MacAddress.normalize(mac.asText()).ifPresent(normalized -> {
                fields.markUsed("MacAddress");
                adapter.put("mac", normalized);
            });
        }
        String type = fields.text("NetworkAdapterType");
        if (type != null) {
            adapterType(type).writeTo(adapter, "type_id");
        }
        ArrayNode interfaces = JsonNodeFactory.instance.arrayNode();
        JsonNode addresses = fields.json("IPAddresses").orElse(null);
        ArrayNode rest = JsonNodeFactory.instance.arrayNode();
        if (addresses != null && addresses.isArray()) {
            for (JsonNode address : addresses) {
                ObjectNode leftover = address.isObject() ? ((ObjectNode) address).deepCopy() : null;
                String ip = address.path("IPAddress").asText(null);
                if (leftover != null && ip != null && IpAddress.isValid(ip)) {
                    ObjectNode entry = adapter.deepCopy();
                    entry.put("ip", ip);
                    // The address stays beside its leftover details (AddressType) so they keep their meaning.
                    JsonNode prefix = address.get("SubnetPrefix");
                    if (prefix != null && prefix.canConvertToInt()) {
                        entry.put("subnet_prefix", prefix.asInt());
                        leftover.remove("SubnetPrefix");
                    }
                    interfaces.add(entry);
                    if (leftover.size() > 1) {
                        rest.add(leftover);
                    }
                } else {
                    rest.add(address);
                }
            }
        } else if (addresses != null) {
            event.object("unmapped").set("IPAddresses", addresses);
        }
        if (!rest.isEmpty()) {
            event.object("unmapped").set("IPAddresses", rest);
        }
        if (interfaces.isEmpty() && (adapter.has("name") || adapter.has("mac"))) {
            interfaces.add(adapter);
        }
        return interfaces;
    }

    /** .NET NetworkInterfaceType names (Defender's NetworkAdapterType) to OCSF interface types. */
    static EnumValue adapterType(String type) {
        String key = type.toLowerCase(Locale.ROOT);
        if (key.startsWith("ethernet") || key.equals("gigabitethernet") || key.equals("fastethernett")
                || key.equals("fastethernetfx")) {
            return new EnumValue(1, "Wired");
        }
        if (key.startsWith("wireless")) {
            return new EnumValue(2, "Wireless");
        }
        if (key.startsWith("wwanpp")) {
            return new EnumValue(3, "Mobile");
        }
        if (key.equals("tunnel")) {
            return new EnumValue(4, "Tunnel");
        }
        if (key.equals("unknown")) {
            return EnumValue.UNKNOWN;
        }
        return EnumValue.other(type);
    }
}
