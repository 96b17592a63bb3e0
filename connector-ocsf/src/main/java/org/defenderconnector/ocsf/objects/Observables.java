package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives OCSF {@code observables} from an event once it is built, so every mapper gets the same
 * observables for the same objects: host names, IPs, MACs, user names, e-mail addresses, URLs, file
 * names and paths, hashes, process names, command lines and registry key paths. Each observable's
 * {@code name} is the attribute's dotted path without array indexes ({@code actor.process.file.name});
 * {@code unmapped} and {@code metadata} are not searched.
 */
public final class Observables {
    private static final Set<String> SKIPPED = Set.of("unmapped", "metadata", "observables", "enrichments", "raw_data");
    private static final Set<String> USER_OBJECTS = Set.of("user", "owner", "accessor", "creator", "modifier",
            "user_result", "users");
    private static final Set<String> PROCESS_OBJECTS = Set.of("process", "parent_process");
    private static final Set<String> FILE_OBJECTS = Set.of("file", "file_result", "files", "folder");
    private static final Set<String> REGISTRY_OBJECTS = Set.of("reg_key", "prev_reg_key", "reg_value", "prev_reg_value");
    private static final Set<String> EMAIL_ADDRESS_LISTS = Set.of("from", "smtp_from", "to", "smtp_to", "cc",
            "reply_to", "sender", "return_path", "delivered_to", "from_list", "reply_to_list", "delivered_to_list");

    private static final EnumValue HOSTNAME = new EnumValue(1, "Hostname");
    private static final EnumValue IP = new EnumValue(2, "IP Address");
    private static final EnumValue MAC = new EnumValue(3, "MAC Address");
    private static final EnumValue USER_NAME = new EnumValue(4, "User Name");
    private static final EnumValue EMAIL = new EnumValue(5, "Email Address");
    private static final EnumValue URL = new EnumValue(6, "URL String");
    private static final EnumValue FILE_NAME = new EnumValue(7, "File Name");
    private static final EnumValue HASH = new EnumValue(8, "Hash");
    private static final EnumValue PROCESS_NAME = new EnumValue(9, "Process Name");
    private static final EnumValue COMMAND_LINE = new EnumValue(13, "Command Line");
    private static final EnumValue FILE_PATH = new EnumValue(45, "File Path");
    private static final EnumValue REGISTRY_KEY_PATH = new EnumValue(46, "Registry Key Path");

    private Observables() {
    }

    /** The observables of a built event; empty when it has none. */
    public static Optional<ArrayNode> of(ObjectNode event) {
        Set<Found> found = new LinkedHashSet<>();
        walk(event, "", "", found);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode observables = JsonNodeFactory.instance.arrayNode();
        for (Found f : found) {
            ObjectNode observable = observables.addObject();
            observable.put("name", f.name());
            f.type().writeTo(observable, "type_id");
            observable.put("value", f.value());
        }
        return Optional.of(observables);
    }

    /** Adds the event's observables to it (replacing any it had). */
    public static void addTo(ObjectNode event) {
        of(event).ifPresent(observables -> event.set("observables", observables));
    }

    private static void walk(JsonNode node, String path, String objectName, Set<Found> found) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, path, objectName, found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (path.isEmpty() && SKIPPED.contains(key)) {
                continue;
            }
            String childPath = path.isEmpty() ? key : path + "." + key;
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                if (EMAIL_ADDRESS_LISTS.contains(key) && value.isArray()) {
                    value.forEach(v -> add(found, childPath, EMAIL, v));
                } else {
                    walk(value, childPath, key, found);
                }
            } else {
                typeOf(objectName, key).ifPresent(type -> add(found, childPath, type, value));
            }
        }
    }

    private static Optional<EnumValue> typeOf(String objectName, String key) {
        switch (key) {
            case "hostname":
                return Optional.of(HOSTNAME);
            case "ip":
                return Optional.of(IP);
            case "mac":
                return Optional.of(MAC);
            case "email_addr":
                return Optional.of(EMAIL);
            case "url_string":
                return Optional.of(URL);
            case "cmd_line":
                return Optional.of(COMMAND_LINE);
            default:
                break;
        }
        if (EMAIL_ADDRESS_LISTS.contains(key) && "email".equals(objectName)) {
            return Optional.of(EMAIL);
        }
        if ("value".equals(key) && ("hashes".equals(objectName) || "fingerprints".equals(objectName))) {
            return Optional.of(HASH);
        }
        if ("name".equals(key)) {
            if (USER_OBJECTS.contains(objectName)) {
                return Optional.of(USER_NAME);
            }
            if (PROCESS_OBJECTS.contains(objectName)) {
                return Optional.of(PROCESS_NAME);
            }
            if (FILE_OBJECTS.contains(objectName)) {
                return Optional.of(FILE_NAME);
            }
        }
        if ("path".equals(key)) {
            if (FILE_OBJECTS.contains(objectName)) {
                return Optional.of(FILE_PATH);
            }
            if (REGISTRY_OBJECTS.contains(objectName)) {
                return Optional.of(REGISTRY_KEY_PATH);
            }
        }
        return Optional.empty();
    }

    private static void add(Set<Found> found, String name, EnumValue type, JsonNode value) {
        if (value.isValueNode() && !value.asText().isBlank()) {
            found.add(new Found(name, type, value.asText()));
        }
    }

    private record Found(String name, EnumValue type, String value) {
    }
}
