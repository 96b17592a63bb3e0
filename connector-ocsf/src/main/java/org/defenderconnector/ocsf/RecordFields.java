package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read access to one raw source record that remembers which fields a mapper used. Whatever was not
 * read ends up under OCSF {@code unmapped} (see {@link #unread()}), so a source field can never be
 * dropped silently: a mapper either maps it or it is kept.
 *
 * <p>Field names are matched exactly first and case-insensitively second, because Microsoft's samples
 * disagree on casing (e.g. {@code CveSupportability}, Graph SDK {@code Name}/{@code name}).
 */
public final class RecordFields {
    private final JsonNode record;
    private final Set<String> used;

    public RecordFields(JsonNode record) {
        if (record == null || !record.isObject()) {
            throw new IllegalArgumentException("a record must be a JSON object, got "
                    + (record == null ? "nothing" : record.getNodeType()));
        }
        this.record = record;
        // Sized for a mapper reading most fields, so the set does not grow step by step on every record.
        this.used = new HashSet<>(Math.max(16, record.size() * 4 / 3 + 1));
    }

    public JsonNode record() {
        return record;
    }

    /** The field's value, marking it used; null when absent or JSON null. */
    public JsonNode node(String name) {
        JsonNode value = record.get(name);
        String actual = name;
        if (value == null) {
            actual = caseInsensitiveName(name);
            if (actual == null) {
                return null;
            }
            value = record.get(actual);
        }
        used.add(actual);
        return value.isNull() ? null : value;
    }

    /**
     * The field's value without marking it used, so a mapper can check a value (is this UPN an
     * e-mail address?) before deciding to map it; null when absent or JSON null.
     */
    public JsonNode peek(String name) {
        JsonNode value = record.get(name);
        if (value == null) {
            String actual = caseInsensitiveName(name);
            value = actual == null ? null : record.get(actual);
        }
        return value == null || value.isNull() ? null : value;
    }

    public boolean has(String name) {
        return peek(name) != null;
    }

    /** Text value; empty strings count as absent because Defender uses "" for "not populated". */
    public String text(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
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
            String actual = record.has(name) ? name : caseInsensitiveName(name);
            if (actual != null) {
                used.add(actual);
            }
        }
    }

    /** The fields no mapper read, for OCSF {@code unmapped}; null values are kept out. */
    public ObjectNode unread() {
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!used.contains(field.getKey()) && !field.getValue().isNull()) {
                rest.set(field.getKey(), field.getValue());
            }
        }
        return rest;
    }

    /** The record's own spelling of a field it lacks under {@code name} exactly; null when absent. */
    private String caseInsensitiveName(String name) {
        // Mappers ask for many optional columns a row lacks; comparing lengths first keeps these
        // misses cheap and allocation-free (no lower-cased copies, no per-record index).
        Iterator<String> names = record.fieldNames();
        int length = name.length();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.length() == length && candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }
}
