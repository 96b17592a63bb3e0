package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.DefenderTime;
import org.defenderconnector.ocsf.RecordFields;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RecordFields} for camelCase entity JSON with nested objects and arrays of objects (alert
 * evidence, incident alerts, a machine's ipAddresses). RecordFields only tracks top-level fields: reading
 * {@code evidence} would mark the whole array used even where a mapper maps half of each element. This
 * class tracks every nested object on its own, so that {@link #leftovers()} returns exactly the parts no
 * mapper read, in the source's own shape (arrays keep the source positions, with {} for elements fully
 * mapped). Mappers put those leftovers under {@code unmapped} or into an evidence's {@code data}.
 */
final class EntityFields {
    /** 1973-03-03: earlier "times" are placeholders (0001-01-01) or seconds mistaken for milliseconds. */
    private static final long EARLIEST_PLAUSIBLE_MILLIS = 100_000_000_000L;

    private final RecordFields fields;
    private final Map<String, EntityFields> objects = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> arrays = new LinkedHashMap<>();
    private final Map<String, List<EntityFields>> arrayObjects = new LinkedHashMap<>();
    /** Set when a mapper has put this object's leftovers somewhere in the event itself (evidence data). */
    private boolean leftoversPlaced;

    EntityFields(RecordFields fields) {
        this.fields = fields;
    }

    EntityFields(JsonNode node) {
        this(new RecordFields(node));
    }

    RecordFields fields() {
        return fields;
    }

    String text(String name) {
        return fields.text(name);
    }

    Long longValue(String name) {
        return fields.longValue(name);
    }

    Integer intValue(String name) {
        return fields.intValue(name);
    }

    Double doubleValue(String name) {
        return fields.doubleValue(name);
    }

    Boolean bool(String name) {
        return fields.bool(name);
    }

    /**
     * A date-time as epoch milliseconds, marking it read; null (and left unread, so it stays under
     * unmapped) when absent, unparseable or before 1973 — Graph writes 0001-01-01T00:00:00Z for "not set",
     * which is no time at all and would fail OCSF's millisecond plausibility check.
     */
    Long time(String name) {
        Long millis = peekTime(name);
        if (millis == null) {
            return null;
        }
        fields.time(name);
        return millis;
    }

    /** The first of several alternative spellings that is present (e.g. lastUpdateTimeUtc vs lastUpdateDateTimeUtc). */
    String firstText(String... names) {
        for (String name : names) {
            if (peek(name) != null) {
                return text(name);
            }
        }
        return null;
    }

    Long firstTime(String... names) {
        for (String name : names) {
            if (peek(name) != null) {
                return time(name);
            }
        }
        return null;
    }

    /** A value without marking it read: it stays under unmapped unless a mapper reads it properly. */
    JsonNode peek(String name) {
        String actual = actualName(name);
        JsonNode value = actual == null ? null : fields.record().get(actual);
        return value == null || value.isNull() ? null : value;
    }

    String peekText(String name) {
        JsonNode value = peek(name);
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** A date-time as epoch milliseconds without marking it read; null when absent or unparseable. */
    Long peekTime(String name) {
        String text = peekText(name);
        Long millis = text == null ? null : DefenderTime.toEpochMillis(text).orElse(null);
        return millis == null || millis < EARLIEST_PLAUSIBLE_MILLIS ? null : millis;
    }

    /** An integer value without marking it read; null when absent or not an integer. */
    Integer peekInt(String name) {
        JsonNode value = peek(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Text items of an array of strings (mitreTechniques, machineTags, tags...); empty when absent. */
    List<String> texts(String name) {
        JsonNode value = peek(name);
        List<String> texts = new ArrayList<>();
        if (value == null || !value.isArray()) {
            return texts;
        }
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.asText().isEmpty()) {
                return new ArrayList<>(); // not a plain string list: leave the field for unmapped
            }
        }
        fields.node(name);
        value.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** A nested object, tracked on its own; null when absent or not an object (then it stays unread). */
    EntityFields object(String name) {
        JsonNode value = peek(name);
        if (value == null || !value.isObject()) {
            return null;
        }
        String actual = actualName(name);
        fields.node(actual);
        return objects.computeIfAbsent(actual, key -> new EntityFields(value));
    }

    /**
     * The object elements of a nested array, each tracked on its own. Elements that are not objects are
     * not read and come back in {@link #leftovers()} at their position.
     */
    List<EntityFields> objects(String name) {
        JsonNode value = peek(name);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        String actual = actualName(name);
        List<EntityFields> existing = arrayObjects.get(actual);
        if (existing != null) {
            return existing;
        }
        fields.node(actual);
        List<JsonNode> elements = new ArrayList<>();
        List<EntityFields> tracked = new ArrayList<>();
        for (JsonNode element : value) {
            elements.add(element);
            if (element.isObject()) {
                tracked.add(new EntityFields(element));
            }
        }
        arrays.put(actual, elements);
        arrayObjects.put(actual, tracked);
        return tracked;
    }

    /**
     * Tells the enclosing record that this object's leftovers are already in the event (an evidence's
     * {@code data}), so they are not repeated under {@code unmapped}.
     */
    void leftoversPlaced() {
        leftoversPlaced = true;
    }

    /** Everything not read, here and in nested objects, without JSON nulls; empty when all was mapped. */
    ObjectNode leftovers() {
        ObjectNode rest = (ObjectNode) withoutNulls(fields.unread());
        rest.setAll(nestedLeftovers());
        return rest;
    }

    /**
     * A copy without JSON nulls at any depth. Defender sends every entity field, null where it does not
     * apply; nulls carry nothing, and the source record itself must stay untouched.
     */
    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = OcsfNode.object();
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = OcsfNode.array();
            node.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node;
    }

    /** Only the nested part of {@link #leftovers()}: what top-level unread tracking cannot see. */
    ObjectNode nestedLeftovers() {
        ObjectNode rest = OcsfNode.object();
        objects.forEach((name, child) -> {
            ObjectNode left = child.leftoversPlaced ? OcsfNode.object() : child.leftovers();
            if (!left.isEmpty()) {
                rest.set(name, left);
            }
        });
        arrays.forEach((name, elements) -> {
            ArrayNode left = OcsfNode.array();
            boolean any = false;
            Iterator<EntityFields> tracked = arrayObjects.get(name).iterator();
            for (JsonNode element : elements) {
                if (element.isObject()) {
                    EntityFields child = tracked.next();
                    ObjectNode elementLeft = child.leftoversPlaced ? OcsfNode.object() : child.leftovers();
                    any |= !elementLeft.isEmpty();
                    left.add(elementLeft);
                } else {
                    any |= !element.isNull();
                    left.add(withoutNulls(element));
                }
            }
            if (any) {
                rest.set(name, left);
            }
        });
        return rest;
    }

    private String actualName(String name) {
        JsonNode record = fields.record();
        if (record.has(name)) {
            return name;
        }
        Iterator<String> names = record.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }
}
