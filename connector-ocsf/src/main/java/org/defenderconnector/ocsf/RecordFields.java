package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to one raw source record that remembers which fields a mapper used. Whatever was not
 * read ends up under OCSF {@code unmapped} (see {@link #unread()}), so a source field can never be
 * dropped silently: a mapper either maps it or it is kept.
 *
 * <p>Field names are matched exactly first and case-insensitively second, because Microsoft's samples
 * disagree on casing (e.g. {@code CveSupportability}, Graph SDK {@code Name}/{@code name}); the
 * lookups are shared by records with the same field names ({@link FieldLayout}). The record's fields are
 * taken as they are when it is wrapped; mappers never change their input.
 */
public final class RecordFields {
    private JsonNode record;
    private final FieldLayout layout;
    /**
     * The field values by position: JSON nodes, or plain strings for text values read from bytes (most
     * are only ever read as text, so their nodes are made when a node is asked for).
     */
    private final Object[] values;
    private final boolean[] used;

    public RecordFields(JsonNode record) {
        if (record == null || !record.isObject()) {
            throw new IllegalArgumentException("a record must be a JSON object, got "
                    + (record == null ? "nothing" : record.getNodeType()));
        }
        this.record = record;
        int size = record.size();
        String[] names = new String[size];
        this.values = new JsonNode[size];
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        for (int i = 0; fields.hasNext(); i++) {
            Map.Entry<String, JsonNode> field = fields.next();
            names[i] = field.getKey();
            values[i] = field.getValue();
        }
        this.layout = FieldLayout.of(names);
        this.used = new boolean[size];
    }

    /**
     * A record read field by field ({@link RecordReader}): values are JSON nodes, or strings for text values;
     * its object node is built only if asked for.
     */
    RecordFields(FieldLayout layout, Object[] values) {
        this.layout = layout;
        this.values = values;
        this.used = new boolean[values.length];
    }

    /** Its field names, in order, with their lookups. */
    FieldLayout layout() {
        return layout;
    }

    /** The record as a JSON object (built on first use for a record read from bytes). */
    public JsonNode record() {
        if (record == null) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < values.length; i++) {
                object.set(layout.name(i), nodeAt(i));
            }
            record = object;
        }
        return record;
    }

    /** The field's value, marking it used; null when absent or JSON null. */
    public JsonNode node(String name) {
        int position = layout.position(name);
        if (position == FieldLayout.ABSENT) {
            return null;
        }
        used[position] = true;
        JsonNode value = nodeAt(position);
        // A class check rather than isNull(): called for every column a mapper reads, and cheaper than
        // the virtual call (Jackson's null is NullNode, whatever parsed it).
        return value instanceof NullNode ? null : value;
    }

    /** The value at a position as a JSON node (a string value becomes its text node, kept for later reads). */
    private JsonNode nodeAt(int position) {
        Object value = values[position];
        if (value instanceof String text) {
            TextNode node = TextNode.valueOf(text);
            values[position] = node;
            return node;
        }
        return (JsonNode) value;
    }

    /**
     * The field's value without marking it used, so a mapper can check a value (is this UPN an
     * e-mail address?) before deciding to map it; null when absent or JSON null.
     */
    public JsonNode peek(String name) {
        int position = layout.position(name);
        if (position == FieldLayout.ABSENT) {
            return null;
        }
        JsonNode value = nodeAt(position);
        return value instanceof NullNode ? null : value;
    }

    public boolean has(String name) {
        return peek(name) != null;
    }

    /** Text value; empty strings count as absent because Defender uses "" for "not populated". */
    public String text(String name) {
        int position = layout.position(name);
        if (position == FieldLayout.ABSENT) {
            return null;
        }
        used[position] = true;
        if (values[position] instanceof String plain) {
            return plain.isEmpty() ? null : plain;
        }
        JsonNode value = nodeAt(position);
        if (value instanceof NullNode) {
            return null;
        }
        String text = value instanceof TextNode textual ? textual.textValue()
                : value.isValueNode() ? value.asText() : value.toString();
        return text.isEmpty() ? null : text;
    }

    public Long longValue(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.longValue();
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Integer intValue(String name) {
        Long value = longValue(name);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    public Double doubleValue(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Boolean bool(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText();
        if ("true".equalsIgnoreCase(text) || "1".equals(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text) || "0".equals(text)) {
            return false;
        }
        return null;
    }

    /** A date-time field as epoch milliseconds, or null when absent or unparseable. */
    public Long time(String name) {
        String text = text(name);
        return text == null ? null : DefenderTime.toEpochMillis(text).orElse(null);
    }

    /**
     * A field that Defender ships as a JSON-encoded string (AdditionalFields, LoggedOnUsers,
     * AuthenticationDetails...) parsed into JSON; a field that already is JSON is returned as is.
     */
    public Optional<JsonNode> json(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            return Optional.of(value);
        }
        return EmbeddedJson.parse(value.asText());
    }

    /** Marks fields as used without reading them (e.g. they are represented by other fields). */
    public void markUsed(String... names) {
        for (String name : names) {
            int position = layout.position(name);
            if (position != FieldLayout.ABSENT) {
                used[position] = true;
            }
        }
    }

    /** The fields no mapper read, for OCSF {@code unmapped}; null values are kept out. */
    public ObjectNode unread() {
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < values.length; i++) {
            if (!used[i] && !(values[i] instanceof NullNode)) {
                rest.set(layout.name(i), nodeAt(i));
            }
        }
        return rest;
    }
}
