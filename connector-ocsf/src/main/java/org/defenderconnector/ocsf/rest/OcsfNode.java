package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;

/**
 * Writes OCSF objects for the REST mappers. Optional source values are passed straight through and
 * nulls are skipped, so no OCSF object ever carries a JSON null (validators reject nulls as wrong types).
 */
final class OcsfNode {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OcsfNode() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Puts a value unless it is null (or an empty object/array, which would say nothing). */
    static ObjectNode put(ObjectNode target, String name, Object value) {
        if (value == null) {
            return target;
        }
        if (value instanceof JsonNode node) {
            if (node.isNull() || (node.isContainerNode() && node.isEmpty())) {
                return target;
            }
            target.set(name, node);
        } else if (value instanceof String s) {
            target.put(name, s);
        } else if (value instanceof Integer i) {
            target.put(name, i);
        } else if (value instanceof Long l) {
            target.put(name, l);
        } else if (value instanceof Double d) {
            target.put(name, d);
        } else if (value instanceof Boolean b) {
            target.put(name, b);
        } else if (value instanceof Collection<?> values) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : values) {
                if (item instanceof String s) {
                    array.add(s);
                } else if (item instanceof JsonNode n) {
                    array.add(n);
                } else if (item != null) {
                    throw new IllegalArgumentException("unsupported array item " + item.getClass().getName());
                }
            }
            return put(target, name, array);
        } else {
            throw new IllegalArgumentException("unsupported OCSF value type " + value.getClass().getName() + " at " + name);
        }
        return target;
    }

    /** Sets an enum id and its caption sibling together, so the two can never disagree. */
    static ObjectNode putEnum(ObjectNode target, String idName, int id, String siblingName, String caption) {
        target.put(idName, id);
        if (caption != null) {
            target.put(siblingName, caption);
        }
        return target;
    }
}
