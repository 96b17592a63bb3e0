package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.Severity;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * MDE machines ({@code GET /api/machines}) → Device Inventory Info 5001, activity 2 Collect: the
 * connector proactively pulls the inventory (docs/ocsf/machines.md). {@code time} is lastSeen, the
 * machine's last full report, else firstSeen.
 */
public final class MdeMachineMapper implements OcsfMapper {
    public static final String KIND = "mde-machine";
    static final int COLLECT = 2;

    private final Clock clock;

    public MdeMachineMapper() {
        this(Clock.systemUTC());
    }

    MdeMachineMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext callerContext) {
        MappingContext context = RestEvents.withProduct(callerContext, Product.DEFENDER_FOR_ENDPOINT);
        EntityFields machine = new EntityFields(record);
        OcsfEvent event = OcsfEvent.start(OcsfClass.DEVICE_INVENTORY_INFO, COLLECT, "Collect", context);
        Long firstSeen = machine.time("firstSeen");
        Long lastSeen = machine.time("lastSeen");
        event.time(lastSeen != null ? lastSeen : firstSeen != null ? firstSeen : clock.millis());
        // An inventory snapshot reports state, not a threat.
        event.severity(Severity.INFORMATIONAL);
        String id = machine.text("id");
        event.originalUid(id);

        String platform = machine.peekText("osPlatform");
        String hostname = machine.text("computerDnsName");
        ObjectNode device = Devices.device(id, hostname, platform);
        if (device == null) {
            // OCSF requires a device; an entity without id or name is described by what it has.
            device = OcsfNode.object();
            Devices.setType(device, OperatingSystems.DeviceTypes.UNKNOWN);
        }
        OcsfNode.put(device, "uid_alt", machine.text("aadDeviceId"));
        if (IpAddresses.isIp(machine.peekText("lastIpAddress"))) {
            device.put("ip", machine.text("lastIpAddress"));
        }
        OcsfNode.put(device, "first_seen_time", firstSeen);
        OcsfNode.put(device, "last_seen_time", lastSeen);
        ObjectNode os = OperatingSystems.from(machine, "osPlatform", "version", "osBuild", "osArchitecture");
        if (os != null) {
            device.set("os", os);
            if (os.has("cpu_bits")) {
                Architectures.putHardware(device, machine.text("osArchitecture"));
            }
        }
        // osProcessor (deprecated by Defender in favour of osArchitecture) names the CPU family: x64, x86, arm64.
        if (Architectures.isKnown(machine.peekText("osProcessor"))) {
            Architectures.putHardware(device, machine.text("osProcessor"));
        }
        String groupId = machine.text("rbacGroupId"); // a number in the samples, a string per the docs
        OcsfNode.put(device, "groups", Devices.groups(groupId, machine.text("rbacGroupName")));
        Devices.putRiskLevel(device, machine.text("riskScore"));
        OcsfNode.put(device, "network_interfaces", interfaces(machine));
        OcsfNode.put(device, "agent_list", sensor(machine));
        event.set("device", device);
        if (hostname != null) {
            event.set("message", "Inventory of " + hostname);
        }
        return RestEvents.finish(event, machine, List.of());
    }

    /** ipAddresses[]: one interface per address, with its MAC; operationalStatus has no OCSF attribute. */
    private static ArrayNode interfaces(EntityFields machine) {
        ArrayNode interfaces = OcsfNode.array();
        for (EntityFields address : machine.objects("ipAddresses")) {
            ObjectNode nic = OcsfNode.object();
            if (IpAddresses.isIp(address.peekText("ipAddress"))) {
                nic.put("ip", address.text("ipAddress"));
            }
            String mac = Devices.mac(address.peekText("macAddress"));
            if (mac != null) {
                address.text("macAddress");
                nic.put("mac", mac);
            }
            if (!nic.isEmpty()) {
                interfaces.add(nic);
            }
        }
        return interfaces;
    }

    /**
     * An onboarded machine runs the Defender for Endpoint sensor, so it gets that agent; the version is the
     * sensor version when the record carries one (agentVersion).
     */
    private static ArrayNode sensor(EntityFields machine) {
        String onboarding = machine.peekText("onboardingStatus");
        boolean onboarded = onboarding != null && onboarding.equalsIgnoreCase("onboarded");
        if (!onboarded && machine.peekText("agentVersion") == null) {
            return null;
        }
        ObjectNode agent = OcsfNode.object();
        agent.put("name", Product.DEFENDER_FOR_ENDPOINT.productName());
        OcsfNode.putEnum(agent, "type_id", 1, "type", "Endpoint Detection and Response");
        agent.put("vendor_name", Product.VENDOR);
        OcsfNode.put(agent, "version", machine.text("agentVersion"));
        // onboardingStatus itself stays under unmapped: only "onboarded" says something OCSF can hold.
        return OcsfNode.array().add(agent);
    }
}
