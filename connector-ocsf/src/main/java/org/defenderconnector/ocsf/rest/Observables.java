package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds OCSF {@code observables[]} from the typed attributes an event already carries, so that every
 * pivot value (host names, IPs, MACs, user names, e-mail addresses, URLs, file names and paths, hashes,
 * processes, registry keys, CVE ids) is listed once per place it occurs. Each observable's {@code name}
 * points at its attribute ({@code evidences[1].process.file.hashes[0].value}), one of the three
 * spellings OCSF allows. Values kept only under {@code unmapped} or evidence {@code data} are not walked;
 * mappers add those as observables without a name (see {@link #loose}).
 */
final class Observables {
    /** Object kinds, named by the attribute keys under which they occur in our events. */
    private enum Kind { DEVICE, NETWORK_INTERFACE, ENDPOINT, USER, FILE, FINGERPRINT, PROCESS, REG_KEY, REG_VALUE, URL, EMAIL, CVE, OTHER }

    private static final Map<String, Kind> KIND_BY_KEY = Map.ofEntries(
            Map.entry("device", Kind.DEVICE),
            Map.entry("network_interfaces", Kind.NETWORK_INTERFACE),
            Map.entry("src_endpoint", Kind.ENDPOINT),
            Map.entry("dst_endpoint", Kind.ENDPOINT),
            Map.entry("user", Kind.USER),
            Map.entry("file", Kind.FILE),
            Map.entry("hashes", Kind.FINGERPRINT),
            Map.entry("process", Kind.PROCESS),
            Map.entry("parent_process", Kind.PROCESS),
            Map.entry("reg_key", Kind.REG_KEY),
            Map.entry("reg_value", Kind.REG_VALUE),
            Map.entry("url", Kind.URL),
            Map.entry("urls", Kind.URL),
            Map.entry("email", Kind.EMAIL),
            Map.entry("cve", Kind.CVE));

    /** attribute → observable type id, per object kind (OCSF 1.8.0 observable.type_id). */
    private static final Map<Kind, Map<String, Integer>> TYPES = Map.ofEntries(
            Map.entry(Kind.DEVICE, Map.of("hostname", 1, "ip", 2, "mac", 3, "uid", 47)),
            Map.entry(Kind.NETWORK_INTERFACE, Map.of("hostname", 1, "ip", 2, "mac", 3)),
            Map.entry(Kind.ENDPOINT, Map.of("hostname", 1, "ip", 2)),
            Map.entry(Kind.USER, Map.of("name", 4, "email_addr", 5, "uid", 31)),
            Map.entry(Kind.FILE, Map.of("name", 7, "path", 45)),
            Map.entry(Kind.FINGERPRINT, Map.of("value", 8)),
            Map.entry(Kind.PROCESS, Map.of("name", 9, "cmd_line", 13, "pid", 15)),
            Map.entry(Kind.REG_KEY, Map.of("path", 46)),
            Map.entry(Kind.REG_VALUE, Map.of("path", 46, "name", 43)),
            Map.entry(Kind.URL, Map.of("url_string", 6)),
            Map.entry(Kind.EMAIL, Map.of("from", 5, "to", 5, "subject", 40, "uid", 41, "message_uid", 42)),
            Map.entry(Kind.CVE, Map.of("uid", 18)));

    private static final Map<Integer, String> CAPTIONS = Map.ofEntries(
            Map.entry(1, "Hostname"), Map.entry(2, "IP Address"), Map.entry(3, "MAC Address"),
            Map.entry(4, "User Name"), Map.entry(5, "Email Address"), Map.entry(6, "URL String"),
            Map.entry(7, "File Name"), Map.entry(8, "Hash"), Map.entry(9, "Process Name"),
            Map.entry(13, "Command Line"), Map.entry(15, "Process ID"), Map.entry(18, "CVE Object: uid"),
            Map.entry(31, "User Object: uid"), Map.entry(40, "Email Object: subject"),
            Map.entry(41, "Email Object: uid"), Map.entry(42, "Message UID"),
            Map.entry(43, "Registry Value Object: name"), Map.entry(45, "File Path"),
            Map.entry(46, "Registry Key Path"), Map.entry(47, "Device Object: uid"));

    /** Not walked: bookkeeping, free-form JSON, and people who handle the finding rather than appear in it. */
    private static final Set<String> SKIPPED = Set.of("metadata", "unmapped", "observables", "data", "enrichments",
            "assignee", "assignee_group", "creator", "actor", "analytic", "product");

    private Observables() {
    }

    static final int IP_ADDRESS = 2;
    static final int HASH = 8;
    static final int HOSTNAME = 1;
    static final int URL_STRING = 6;

    /**
     * Sets {@code observables} on the event from its typed attributes plus the given loose ones; loose
     * observables are listed once per type and value (an incident repeats entities across its alerts).
     */
    static void attach(ObjectNode event, List<ObjectNode> loose) {
        ArrayNode observables = OcsfNode.array();
        walk(event, "", Kind.OTHER, observables);
        Set<String> seen = new HashSet<>();
        for (ObjectNode observable : loose) {
            if (seen.add(observable.path("type_id").asInt() + "|" + observable.path("value").asText())) {
                observables.add(observable);
            }
        }
        OcsfNode.put(event, "observables", observables);
    }

    /**
     * The observables of OCSF objects built only to find pivot values in data that stays under unmapped
     * (the entities of an incident's alerts): same types, but without a name, since the objects are not in
     * the event.
     */
    static List<ObjectNode> unnamed(ObjectNode fragment) {
        ArrayNode found = OcsfNode.array();
        walk(fragment, "", Kind.OTHER, found);
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode observable : found) {
            ObjectNode copy = ((ObjectNode) observable).deepCopy();
            copy.remove("name");
            out.add(copy);
        }
        return out;
    }

    /** An observable for a value that has no typed attribute in the event (so it has no name to point at). */
    static ObjectNode loose(int typeId, String value) {
        ObjectNode observable = OcsfNode.object();
        OcsfNode.putEnum(observable, "type_id", typeId, "type", CAPTIONS.get(typeId));
        observable.put("value", value);
        return observable;
    }

    static ObjectNode named(String name, int typeId, String value) {
        ObjectNode observable = OcsfNode.object();
        observable.put("name", name);
        OcsfNode.putEnum(observable, "type_id", typeId, "type", CAPTIONS.get(typeId));
        observable.put("value", value);
        return observable;
    }

    private static void walk(JsonNode node, String path, Kind kind, ArrayNode out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", kind, out);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Map<String, Integer> types = TYPES.getOrDefault(kind, Map.of());
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String childPath = path.isEmpty() ? key : path + "." + key;
            JsonNode value = field.getValue();
            Integer typeId = types.get(key);
            if (typeId != null && (value.isValueNode() || value.isArray())) {
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        out.add(named(childPath + "[" + i + "]", typeId, value.get(i).asText()));
                    }
                } else {
                    out.add(named(childPath, typeId, value.asText()));
                }
                continue;
            }
            if ((path.isEmpty() && SKIPPED.contains(key)) || key.equals("data")) {
                continue;
            }
            if (value.isContainerNode()) {
                walk(value, childPath, KIND_BY_KEY.getOrDefault(key, Kind.OTHER), out);
            }
        }
    }
}
