package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives OCSF {@code observables} from an event once it is built, so every mapper gets the same
 * observables for the same objects: host names, IPs, MACs, user names, e-mail addresses, URLs, file
 * names and paths, hashes, process names, command lines and registry key paths. Each observable's
 * {@code name} is the attribute's dotted path without array indexes ({@code actor.process.file.name});
 * {@code unmapped} and {@code metadata} are not searched.
 */
public final class Observables {
    private Observables() {
    }

    /** The observables of a built event; empty when it has none. */
    public static Optional<ArrayNode> of(ObjectNode event) {
        Found found = new Found();
        walk(event, ObservablePath.ROOT, found, NO_REPEATS);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.toArray());
    }

    /** Adds the event's observables to it (replacing any it had). */
    public static void addTo(ObjectNode event) {
        of(event).ifPresent(observables -> event.set("observables", observables));
    }

    /** Passed as {@code repeatsFrom} where no path can repeat. */
    private static final int NO_REPEATS = -1;

    /**
     * @param repeatsFrom the first observable that an attribute below {@code node} could repeat, or
     *                    NO_REPEATS. Paths repeat only below an array (its elements share their paths; an
     *                    object's keys are unique), so only what was found since entering the outermost
     *                    array is compared
     */
    private static void walk(JsonNode node, ObservablePath path, Found found, int repeatsFrom) {
        // Class checks rather than JsonNode.isArray()/isObject()/isContainerNode(): the same answers for
        // Jackson's nodes, without a call to getNodeType() on every attribute of the event.
        if (node instanceof ArrayNode array) {
            int from = repeatsFrom == NO_REPEATS ? found.size() : repeatsFrom;
            for (JsonNode element : array) {
                walk(element, path, found, from);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        for (int position = 0; fields.hasNext(); position++) {
            Map.Entry<String, JsonNode> field = fields.next();
            ObservablePath child = path.child(position, field.getKey());
            if (child.skipped) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value instanceof ContainerNode) {
                if (child.emailList && value instanceof ArrayNode addresses) {
                    int from = repeatsFrom == NO_REPEATS ? found.size() : repeatsFrom;
                    for (JsonNode address : addresses) {
                        add(found, child, ObservablePath.EMAIL, address, from);
                    }
                } else {
                    // An empty top-level key is walked as the event itself (ObservablePath.child), so its
                    // members' paths can repeat any found so far.
                    walk(value, child, found, child == path ? 0 : repeatsFrom);
                }
            } else if (child.type != null) {
                add(found, child, child.type, value, repeatsFrom);
            }
        }
    }

    private static void add(Found found, ObservablePath path, EnumValue type, JsonNode value, int repeatsFrom) {
        if (value.isValueNode()) {
            String text = value.asText();
            if (!text.isBlank() && !(repeatsFrom != NO_REPEATS && found.has(path, text, repeatsFrom))) {
                found.add(path, type, value instanceof TextNode shared ? shared : TextNode.valueOf(text), text);
            }
        }
    }

    /**
     * The observables found so far, in the order met, without repeats (same name and value). The nodes of
     * an observable are the event's own value nodes and the path's and type's kept ones, shared rather
     * than copied (Jackson's value nodes are immutable): the observables repeat what the event already
     * holds, and building them was a third of mapping a process row.
     */
    private static final class Found {
        private final List<JsonNode> nodes = new ArrayList<>(32);
        private final List<ObservablePath> paths = new ArrayList<>(32);
        private final List<String> texts = new ArrayList<>(32);

        boolean has(ObservablePath path, String text, int from) {
            for (int i = from; i < paths.size(); i++) {
                if (paths.get(i) == path && texts.get(i).equals(text)) {
                    return true;
                }
            }
            return false;
        }

        void add(ObservablePath path, EnumValue type, TextNode value, String text) {
            nodes.add(new ObjectNode(JsonNodeFactory.instance, new SmallAttributes("name", path.textNode,
                    "type_id", type.idNode(), "type", type.captionNode(), "value", value)));
            paths.add(path);
            texts.add(text);
        }

        int size() {
            return nodes.size();
        }

        boolean isEmpty() {
            return nodes.isEmpty();
        }

        ArrayNode toArray() {
            return new ArrayNode(JsonNodeFactory.instance, nodes);
        }
    }
}
