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
        Set<Found> found = new LinkedHashSet<>(64);
        walk(event, ObservablePath.ROOT, found);
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

    private static void walk(JsonNode node, ObservablePath path, Set<Found> found) {
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
            ObservablePath child = path.child(position, field.getKey());
            if (child.skipped) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value instanceof ContainerNode) {
                if (child.emailList && value instanceof ArrayNode addresses) {
                    for (JsonNode address : addresses) {
                        add(found, child.text, ObservablePath.EMAIL, address);
                    }
                } else {
                    walk(value, child, found);
                }
            } else if (child.type != null) {
                add(found, child.text, child.type, value);
            }
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

    private record Found(String name, EnumValue type, String value) {
        @Override
        public int hashCode() {
            // Equal observables have equal names and values; hashing the type too would only add its caption.
            return name.hashCode() * 31 + value.hashCode();
        }
    }
}
