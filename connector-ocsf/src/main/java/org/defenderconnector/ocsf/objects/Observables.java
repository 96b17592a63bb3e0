package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
        Set<Found> found = new LinkedHashSet<>(64);
        walk(event, Path.ROOT, found);
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

    private static void walk(JsonNode node, Path path, Set<Found> found) {
        // Class checks rather than JsonNode.isArray()/isObject()/isContainerNode(): the same answers for
        // Jackson's nodes, without a call to getNodeType() on every attribute of the event.
        if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                walk(element, path, found);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        for (int position = 0; fields.hasNext(); position++) {
            Map.Entry<String, JsonNode> field = fields.next();
            Path child = path.child(position, field.getKey());
            if (child.skipped) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value instanceof ContainerNode) {
                if (child.emailList && value instanceof ArrayNode addresses) {
                    for (JsonNode address : addresses) {
                        add(found, child.text, EMAIL, address);
                    }
                } else {
                    walk(value, child, found);
                }
            } else if (child.type != null) {
                add(found, child.text, child.type, value);
            }
        }
    }

    /** The observable type of attribute {@code key} of an object held under {@code objectName}; null if none. */
    private static EnumValue typeOf(String objectName, String key) {
        switch (key) {
            case "hostname":
                return HOSTNAME;
            case "ip":
                return IP;
            case "mac":
                return MAC;
            case "email_addr":
                return EMAIL;
            case "url_string":
                return URL;
            case "cmd_line":
                return COMMAND_LINE;
            case "value":
                return "hashes".equals(objectName) || "fingerprints".equals(objectName) ? HASH : null;
            case "name":
                return USER_OBJECTS.contains(objectName) ? USER_NAME
                        : PROCESS_OBJECTS.contains(objectName) ? PROCESS_NAME
                        : FILE_OBJECTS.contains(objectName) ? FILE_NAME : null;
            case "path":
                return FILE_OBJECTS.contains(objectName) ? FILE_PATH
                        : REGISTRY_OBJECTS.contains(objectName) ? REGISTRY_KEY_PATH : null;
            default:
                return "email".equals(objectName) && EMAIL_ADDRESS_LISTS.contains(key) ? EMAIL : null;
        }
    }

    private static void add(Set<Found> found, String name, EnumValue type, JsonNode value) {
        if (value.isValueNode()) {
            String text = value.asText();
            if (!text.isBlank()) {
                found.add(new Found(name, type, text));
            }
        }
    }

    /**
     * An attribute path with what the walk needs to know about it, worked out once and kept: events of
     * one class have the same few hundred paths, and building their dotted names and looking up their
     * types for every attribute of every event was most of the walk's time. A path's type depends only on
     * its own key and its parent's key (the object holding the attribute), so it can be kept with the
     * path. Kept paths are bounded; past the bound they are built and not kept.
     */
    private static final class Path {
        private static final int MAX_KEPT = 20_000;
        private static final AtomicInteger KEPT = new AtomicInteger();
        static final Path ROOT = new Path("", "", false, null, false);

        final String text;
        final String key;
        final boolean skipped;
        final EnumValue type;
        final boolean emailList;
        private final Map<String, Path> children = new ConcurrentHashMap<>();
        /**
         * The child met last at each position of the object: objects at one path mostly have the same keys
         * in the same order, so a key is usually found here by identity, without hashing. Threads may
         * overwrite each other's entries; that is harmless, as an entry is only used when its key is the
         * very key asked for, and paths are immutable.
         */
        private final Path[] byPosition = new Path[32];

        private Path(String text, String key, boolean skipped, EnumValue type, boolean emailList) {
            this.text = text;
            this.key = key;
            this.skipped = skipped;
            this.type = type;
            this.emailList = emailList;
        }

        Path child(int position, String childKey) {
            if (position >= byPosition.length) {
                return child(childKey);
            }
            Path seen = byPosition[position];
            if (seen != null && seen.key == childKey) {
                return seen;
            }
            Path child = child(childKey);
            byPosition[position] = child;
            return child;
        }

        private Path child(String childKey) {
            Path child = children.get(childKey);
            if (child != null) {
                return child;
            }
            boolean top = text.isEmpty();
            if (top && childKey.isEmpty()) {
                // An empty top-level key adds nothing to the path: its members are walked as top-level ones.
                return this;
            }
            child = new Path(top ? childKey : text + "." + childKey, childKey, top && SKIPPED.contains(childKey),
                    typeOf(key, childKey), EMAIL_ADDRESS_LISTS.contains(childKey));
            if (KEPT.get() < MAX_KEPT) {
                Path raced = children.putIfAbsent(childKey, child);
                if (raced != null) {
                    return raced;
                }
                KEPT.incrementAndGet();
            }
            return child;
        }
    }

    private record Found(String name, EnumValue type, String value) {
        @Override
        public int hashCode() {
            // Equal observables have equal names and values; hashing the type too would only add its caption.
            return name.hashCode() * 31 + value.hashCode();
        }
    }
}
