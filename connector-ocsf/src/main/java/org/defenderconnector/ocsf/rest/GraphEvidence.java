package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * Evidence from Microsoft Graph alerts_v2 {@code evidence[]}, typed by {@code @odata.type}
 * (#microsoft.graph.security.deviceEvidence, fileEvidence, processEvidence...). The @odata.type is the
 * evidence name, as OCSF's own description of {@code evidences.name} suggests. Types without an OCSF
 * artifact (cloud applications, security groups, mail clusters, cloud resources...) keep all in data.
 */
final class GraphEvidence {
    private static final String TYPE = "@odata.type";

    private GraphEvidence() {
    }

    static Evidence from(EntityFields entity) {
        ObjectNode node = OcsfNode.object();
        String odataType = entity.text(TYPE);
        OcsfNode.put(node, "name", odataType);
        Evidence evidence = Evidence.of(node);
        putVerdict(node, entity.text("verdict"));
        switch (kind(odataType)) {
            case "deviceevidence" -> OcsfNode.put(node, "device", device(entity));
            case "fileevidence" -> {
                EntityFields details = entity.object("fileDetails");
                if (details != null) {
                    OcsfNode.put(node, "file", file(details));
                }
            }
            case "processevidence" -> OcsfNode.put(node, "process", process(entity));
            case "userevidence" -> {
                EntityFields account = entity.object("userAccount");
                if (account != null) {
                    OcsfNode.put(node, "user", Users.from(account, Users.AccountFields.GRAPH_USER_ACCOUNT));
                }
            }
            case "ipevidence" -> ip(entity, node, evidence);
            case "urlevidence" -> {
                if (entity.peekText("url") != null) {
                    ObjectNode url = OcsfNode.object();
                    url.put("url_string", entity.text("url"));
                    node.set("url", url);
                }
            }
            case "mailboxevidence" -> OcsfNode.put(node, "user", mailbox(entity));
            case "analyzedmessageevidence" -> message(entity, node);
            case "registrykeyevidence" -> OcsfNode.put(node, "reg_key", Registry.key(entity, "registryHive", "registryKey"));
            case "registryvalueevidence" -> registryValue(entity, node);
            default -> {
                // no OCSF artifact for this evidence type: everything stays in data
            }
        }
        if (!node.has("device") && entity.peekText("mdeDeviceId") != null) {
            node.set("device", Devices.device(entity.text("mdeDeviceId"), null, null));
        }
        return evidence.finish(entity, TYPE);
    }

    /** "#microsoft.graph.security.fileEvidence" → "fileevidence". */
    static String kind(String odataType) {
        if (odataType == null) {
            return "";
        }
        return odataType.substring(odataType.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The automated investigation's verdict on the artifact: suspicious → 4 Suspicious, noThreatsFound →
     * 5 Benign, unknown → 0; malicious has no OCSF counterpart (True Positive judges an incident, not an
     * artifact), so it is 99 Other with the word kept.
     */
    private static void putVerdict(ObjectNode node, String verdict) {
        if (verdict == null) {
            return;
        }
        switch (FindingLifecycle.normalized(verdict)) {
            case "unknown", "unknownfuturevalue" -> OcsfNode.putEnum(node, "verdict_id", 0, "verdict", "Unknown");
            case "suspicious" -> OcsfNode.putEnum(node, "verdict_id", 4, "verdict", "Suspicious");
            case "nothreatsfound" -> OcsfNode.putEnum(node, "verdict_id", 5, "verdict", "Benign");
            default -> OcsfNode.putEnum(node, "verdict_id", 99, "verdict", verdict);
        }
    }

    private static ObjectNode device(EntityFields entity) {
        String platform = entity.peekText("osPlatform");
        String hostname = entity.peekText("deviceDnsName") != null ? entity.text("deviceDnsName") : entity.text("hostName");
        ObjectNode device = Devices.device(entity.text("mdeDeviceId"), hostname, platform);
        if (device == null) {
            return null;
        }
        OcsfNode.put(device, "uid_alt", entity.text("azureAdDeviceId"));
        OcsfNode.put(device, "domain", entity.text("dnsDomain"));
        OcsfNode.put(device, "first_seen_time", entity.time("firstSeenDateTime"));
        OcsfNode.put(device, "os", OperatingSystems.from(entity, "osPlatform", "version", "osBuild", null));
        Devices.putRiskLevel(device, entity.text("riskScore"));
        Long groupId = entity.peek("rbacGroupId") == null ? null : entity.longValue("rbacGroupId");
        OcsfNode.put(device, "groups", Devices.groups(groupId == null ? null : String.valueOf(groupId), entity.text("rbacGroupName")));
        List<String> ips = entity.peek("ipInterfaces") != null && allIps(entity.peek("ipInterfaces"))
                ? entity.texts("ipInterfaces") : List.of();
        if (!ips.isEmpty()) {
            ArrayNode interfaces = OcsfNode.array();
            for (String ip : ips) {
                ObjectNode nic = OcsfNode.object();
                nic.put("ip", ip);
                interfaces.add(nic);
            }
            device.set("network_interfaces", interfaces);
        }
        EntityFields vm = entity.object("vmMetadata");
        if (vm != null) {
            Devices.setType(device, OperatingSystems.DeviceTypes.VIRTUAL);
            OcsfNode.put(device, "instance_uid", vm.text("vmId"));
        }
        return device;
    }

    private static boolean allIps(JsonNode values) {
        if (!values.isArray()) {
            return false;
        }
        for (JsonNode value : values) {
            if (!IpAddresses.isIp(value.asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode file(EntityFields details) {
        ObjectNode file = Files.from(details, Files.FileFieldNames.GRAPH_FILE_DETAILS);
        if (file != null) {
            OcsfNode.put(file, "company_name", details.text("filePublisher"));
        }
        return file;
    }

    private static ObjectNode process(EntityFields entity) {
        if (entity.peekInt("processId") == null) {
            return null;
        }
        ObjectNode process = OcsfNode.object();
        process.put("pid", entity.intValue("processId"));
        OcsfNode.put(process, "cmd_line", entity.text("processCommandLine"));
        OcsfNode.put(process, "created_time", entity.time("processCreationDateTime"));
        EntityFields image = entity.object("imageFile");
        if (image != null) {
            ObjectNode file = file(image);
            if (file != null) {
                process.put("name", file.get("name").asText());
                process.set("file", file);
            }
        }
        EntityFields account = entity.object("userAccount");
        if (account != null) {
            OcsfNode.put(process, "user", Users.from(account, Users.AccountFields.GRAPH_USER_ACCOUNT));
        }
        if (entity.peekInt("parentProcessId") != null) {
            ObjectNode parent = OcsfNode.object();
            parent.put("pid", entity.intValue("parentProcessId"));
            OcsfNode.put(parent, "created_time", entity.time("parentProcessCreationDateTime"));
            EntityFields parentImage = entity.object("parentProcessImageFile");
            if (parentImage != null) {
                ObjectNode file = file(parentImage);
                if (file != null) {
                    parent.put("name", file.get("name").asText());
                    parent.set("file", file);
                }
            }
            process.set("parent_process", parent);
        }
        return process;
    }

    /**
     * The evidence roles tell the direction: source/attacker → src_endpoint, destination/commandAndControl
     * → dst_endpoint. Without such a role the IP stays in data (with a pivot observable), since claiming a
     * direction would be a guess.
     */
    private static void ip(EntityFields entity, ObjectNode node, Evidence evidence) {
        String ip = entity.peekText("ipAddress");
        if (!IpAddresses.isIp(ip)) {
            return;
        }
        String side = null;
        JsonNode roles = entity.peek("roles");
        if (roles != null && roles.isArray()) {
            for (JsonNode role : roles) {
                String r = role.asText().toLowerCase(Locale.ROOT);
                if (r.equals("source") || r.equals("attacker")) {
                    side = "src_endpoint";
                } else if ((r.equals("destination") || r.equals("commandandcontrol")) && side == null) {
                    side = "dst_endpoint";
                }
            }
        }
        if (side == null) {
            evidence.looseObservables().add(Observables.loose(Observables.IP_ADDRESS, ip));
            return;
        }
        ObjectNode endpoint = OcsfNode.object();
        endpoint.put("ip", entity.text("ipAddress"));
        String country = entity.text("countryLetterCode");
        if (country != null) {
            endpoint.putObject("location").put("country", country);
        }
        node.set(side, endpoint);
    }

    private static ObjectNode mailbox(EntityFields entity) {
        EntityFields account = entity.object("userAccount");
        ObjectNode user = account == null ? null : Users.from(account, Users.AccountFields.GRAPH_USER_ACCOUNT);
        if (user == null) {
            String upn = entity.peekText("upn");
            String address = entity.peekText("primaryAddress");
            if (upn == null && address == null) {
                return null;
            }
            user = OcsfNode.object();
            user.put("name", upn != null ? entity.text("upn") : address);
        }
        if (Users.isEmail(entity.peekText("primaryAddress"))) {
            user.put("email_addr", entity.text("primaryAddress"));
        }
        if (!user.has("display_name")) {
            OcsfNode.put(user, "display_name", entity.text("displayName"));
        }
        return user;
    }

    /**
     * The analysed e-mail: P2 sender is the header From, P1 the envelope sender (which lands in
     * Return-Path); senderIp is the last relaying server, i.e. where the message came from.
     */
    private static void message(EntityFields entity, ObjectNode node) {
        ObjectNode email = OcsfNode.object();
        EntityFields p2 = entity.object("p2Sender");
        if (p2 != null && Users.isEmail(p2.peekText("emailAddress"))) {
            email.put("from", p2.text("emailAddress"));
        }
        EntityFields p1 = entity.object("p1Sender");
        if (p1 != null && Users.isEmail(p1.peekText("emailAddress"))) {
            email.put("return_path", p1.text("emailAddress"));
        }
        if (Users.isEmail(entity.peekText("recipientEmailAddress"))) {
            email.putArray("to").add(entity.text("recipientEmailAddress"));
        }
        if (!email.has("from") && !email.has("to")) {
            return; // OCSF e-mail needs a from or a to; the rest stays in data
        }
        OcsfNode.put(email, "subject", entity.text("subject"));
        OcsfNode.put(email, "uid", entity.text("networkMessageId"));
        OcsfNode.put(email, "message_uid", entity.text("internetMessageId"));
        List<String> urls = entity.texts("urls");
        if (!urls.isEmpty()) {
            ArrayNode list = email.putArray("urls");
            urls.forEach(u -> list.addObject().put("url_string", u));
        }
        node.set("email", email);
        if (IpAddresses.isIp(entity.peekText("senderIp"))) {
            node.putObject("src_endpoint").put("ip", entity.text("senderIp"));
        }
    }

    private static void registryValue(EntityFields entity, ObjectNode node) {
        if (entity.peekText("registryValueName") == null) {
            OcsfNode.put(node, "reg_key", Registry.key(entity, "registryHive", "registryKey"));
            return;
        }
        String path = Registry.path(entity, "registryHive", "registryKey");
        if (path == null) {
            return;
        }
        ObjectNode value = OcsfNode.object();
        value.put("path", path);
        value.put("name", entity.text("registryValueName"));
        Registry.putValueType(value, entity.text("registryValueType"));
        OcsfNode.put(value, "data", entity.text("registryValue"));
        node.set("reg_value", value);
    }
}
