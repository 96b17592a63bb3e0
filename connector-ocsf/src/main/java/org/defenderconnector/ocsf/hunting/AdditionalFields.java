package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.RecordFields;

import java.util.Iterator;
import java.util.Optional;

/**
 * A JSON column Defender ships as an encoded string (AdditionalFields, LoggedOnUsers, IPAddresses...)
 * or, in identity tables, as a real JSON object. Mappers {@code take} the keys they map; whatever is
 * left is written under {@code unmapped.<column>} as parsed JSON by {@link #keepRest}, so nothing in
 * it is lost and downstream tools do not have to parse it a second time. A value that is not JSON is
 * kept as the original string.
 */
final class AdditionalFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String column;
    private final JsonNode original;
    private final ObjectNode remaining;

    private AdditionalFields(String column, JsonNode original, ObjectNode remaining) {
        this.column = column;
        this.original = original;
        this.remaining = remaining;
    }

    static AdditionalFields read(RecordFields record, String column) {
        JsonNode raw = record.node(column);
        if (raw == null || (raw.isTextual() && raw.asText().isBlank())) {
            return new AdditionalFields(column, null, null);
        }
        JsonNode parsed = record.json(column).orElse(raw);
        ObjectNode remaining = parsed.isObject() ? ((ObjectNode) parsed).deepCopy() : null;
        return new AdditionalFields(column, parsed, remaining);
    }

    boolean isPresent() {
        return original != null;
    }

    /** The first of the keys present (case-insensitive), removed from what is kept unmapped; text form. */
    Optional<String> take(String... keys) {
        return takeNode(keys).map(AdditionalFields::textOf).filter(text -> !text.isEmpty());
    }

    Optional<JsonNode> takeNode(String... keys) {
        if (remaining == null) {
            return Optional.empty();
        }
        for (String key : keys) {
            String actual = actualKey(key);
            if (actual != null) {
                JsonNode value = remaining.remove(actual);
                if (value != null && !value.isNull()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** A key whose value is itself JSON, possibly encoded once more as a string. */
    Optional<JsonNode> takeJson(String... keys) {
        return takeNode(keys).map(value -> {
            if (value.isTextual()) {
                try {
                    return JSON.readTree(value.asText());
                } catch (Exception e) {
                    return value;
                }
            }
            return value;
        });
    }

    Optional<Long> takeLong(String... keys) {
        return peekNode(keys).flatMap(value -> {
            Long number = value.isIntegralNumber() ? Long.valueOf(value.longValue()) : parseLong(value.asText());
            if (number != null) {
                takeNode(keys);
            }
            return Optional.ofNullable(number);
        });
    }

    Optional<Boolean> takeBoolean(String... keys) {
        return peekNode(keys).flatMap(value -> {
            Boolean flag = value.isBoolean() ? Boolean.valueOf(value.booleanValue())
                    : "true".equalsIgnoreCase(value.asText()) ? Boolean.TRUE
                    : "false".equalsIgnoreCase(value.asText()) ? Boolean.FALSE : null;
            if (flag != null) {
                takeNode(keys);
            }
            return Optional.ofNullable(flag);
        });
    }

    /** The first of the keys present, taken only when {@code accept} finds it usable; otherwise left in place. */
    <T> Optional<T> takeIf(java.util.function.Function<String, Optional<T>> accept, String... keys) {
        Optional<T> value = peek(keys).flatMap(accept);
        value.ifPresent(v -> takeNode(keys));
        return value;
    }

    /** The first of the keys present, without taking it. */
    Optional<String> peek(String... keys) {
        return peekNode(keys).map(AdditionalFields::textOf).filter(text -> !text.isEmpty());
    }

    Optional<JsonNode> peekNode(String... keys) {
        if (remaining == null) {
            return Optional.empty();
        }
        for (String key : keys) {
            String actual = actualKey(key);
            if (actual != null && !remaining.get(actual).isNull()) {
                return Optional.of(remaining.get(actual));
            }
        }
        return Optional.empty();
    }

    /** Writes what no mapper took under {@code unmapped.<column>} of the event. */
    void keepRest(ObjectNode event) {
        JsonNode rest = remaining != null ? remaining : original;
        if (rest == null || (rest.isContainerNode() && rest.isEmpty())) {
            return;
        }
        JsonNode unmapped = event.get("unmapped");
        ObjectNode target = unmapped instanceof ObjectNode object ? object : event.putObject("unmapped");
        target.set(column, rest);
    }

    private String actualKey(String key) {
        if (remaining.has(key)) {
            return key;
        }
        Iterator<String> names = remaining.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase(key)) {
                return name;
            }
        }
        return null;
    }

    private static String textOf(JsonNode value) {
        return (value.isValueNode() ? value.asText() : value.toString()).trim();
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
