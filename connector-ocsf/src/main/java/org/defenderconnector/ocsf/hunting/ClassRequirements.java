package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each OCSF 1.8.0 class these mappers emit requires beyond the base event (from the compiled
 * schema; a test compares this table with it). A hunting row that lacks what its class needs — a
 * projection such as {@code DeviceProcessEvents | project Timestamp, FileName} has no device and no
 * process id — cannot become a valid event of that class, and is kept whole as a Base Event instead.
 * The object builders only return objects that satisfy their own constraints, so checking that the
 * required attributes are present is enough.
 */
final class ClassRequirements {
    /** Required attributes; a group written "a|b" means at least one of them (a class constraint). */
    static final Map<Integer, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(1001, List.of("file", "actor", "device")),
            Map.entry(1002, List.of("driver", "actor", "device")),
            Map.entry(1004, List.of("process", "actor", "device")),
            Map.entry(1005, List.of("module", "actor", "device")),
            Map.entry(1006, List.of("job", "device")),
            Map.entry(1007, List.of("process", "actor", "device")),
            Map.entry(1008, List.of("log_file|log_name|log_provider|log_type|log_type_id")),
            Map.entry(1009, List.of("script", "actor", "device")),
            Map.entry(1010, List.of("peripheral_device", "actor", "device")),
            Map.entry(201001, List.of("reg_key", "actor", "device")),
            Map.entry(201002, List.of("reg_value", "actor", "device")),
            Map.entry(2004, List.of("finding_info")),
            Map.entry(3001, List.of("user")),
            Map.entry(3002, List.of("user", "service|dst_endpoint")),
            Map.entry(3004, List.of("entity")),
            Map.entry(3006, List.of("group")),
            Map.entry(4001, List.of("dst_endpoint|src_endpoint")),
            Map.entry(4003, List.of("dst_endpoint|src_endpoint")),
            Map.entry(4009, List.of("direction_id", "email")),
            Map.entry(5001, List.of("device")),
            Map.entry(5040, List.of("device", "query_evidence", "query_result_id")),
            Map.entry(6001, List.of("web_resources")),
            Map.entry(6002, List.of("app")),
            Map.entry(6007, List.of("scan")),
            Map.entry(0, List.of()));

    /** {@link #REQUIRED} with each group split into its alternatives once, not on every event. */
    private static final Map<Integer, List<String[]>> ALTERNATIVES = REQUIRED.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    entry -> entry.getValue().stream().map(group -> group.split("\\|")).toList()));

    /** Classes whose {@code device} comes only with the host profile (System Activity classes have it natively). */
    static final java.util.Set<Integer> DEVICE_NEEDS_HOST = java.util.Set.of(0, 3001, 3002, 3004, 3006, 4001, 4003, 4009,
            6001, 6002, 6007);

    /** Classes whose {@code actor} comes only with the host profile. */
    static final java.util.Set<Integer> ACTOR_NEEDS_HOST = java.util.Set.of(0, 2004, 4001, 4003, 4009, 5040, 6001, 6002, 6007);

    private ClassRequirements() {
    }

    /**
     * Declares the host profile when the event uses {@code device} or {@code actor} in a class that
     * only has them through it (validators reject profile attributes without the profile).
     */
    static void declareHostProfileIfUsed(ObjectNode event) {
        int uid = event.path("class_uid").asInt(-1);
        boolean needed = (event.has("device") && DEVICE_NEEDS_HOST.contains(uid))
                || (event.has("actor") && ACTOR_NEEDS_HOST.contains(uid));
        if (!needed) {
            return;
        }
        ObjectNode metadata = (ObjectNode) event.get("metadata");
        JsonNode declared = metadata.get("profiles");
        if (declared != null) {
            for (JsonNode profile : declared) {
                if ("host".equals(profile.textValue())) {
                    return; // as with most events: the mapper declared it with device or actor
                }
            }
        }
        java.util.TreeSet<String> profiles = new java.util.TreeSet<>();
        metadata.path("profiles").forEach(p -> profiles.add(p.asText()));
        profiles.add("host");
        com.fasterxml.jackson.databind.node.ArrayNode list = metadata.putArray("profiles");
        profiles.forEach(list::add);
    }

    /** The required attributes (or groups) the event lacks; empty when it has them all. */
    static List<String> missing(ObjectNode event) {
        int classUid = event.path("class_uid").asInt(-1);
        List<String[]> required = ALTERNATIVES.get(classUid);
        if (required == null) {
            throw new IllegalStateException("no requirements known for class " + event.path("class_uid"));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            boolean present = false;
            for (String attribute : required.get(i)) {
                JsonNode value = event.get(attribute);
                present |= value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty());
            }
            if (!present) {
                missing.add(REQUIRED.get(classUid).get(i));
            }
        }
        if (!event.has("time")) {
            missing.add("time");
        }
        return missing;
    }
}
