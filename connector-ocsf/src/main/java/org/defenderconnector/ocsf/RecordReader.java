package org.defenderconnector.ocsf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a raw record's JSON text straight into {@link RecordFields}: its top-level fields become an array
 * of values by position, without the object node a tree parse builds around them (a map entry per field,
 * most of which the mapper reads once and the OCSF event never holds). Values are the same nodes a tree
 * parse makes ({@code ObjectMapper.readTree}); nested objects and arrays are read as trees. A record whose
 * names repeat is read as a tree, where the last value wins, as before.
 */
final class RecordReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int FIRST_CAPACITY = 64;

    private RecordReader() {
    }

    /**
     * @param expected the layout the record most likely has (that of the record of its kind read before),
     *                 or null: its names are matched in place while they agree, then read as they come
     */
    static RecordFields read(byte[] json, FieldLayout expected) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            RecordFields fields = read(parser, expected);
            return fields != null ? fields : new RecordFields(JSON.readTree(json));
        }
    }

    /** The same for JSON text. */
    static RecordFields read(String json, FieldLayout expected) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            RecordFields fields = read(parser, expected);
            return fields != null ? fields : new RecordFields(JSON.readTree(json));
        }
    }

    /** The record's fields, or null when it must be read as a tree (not an object, or repeated names). */
    private static RecordFields read(JsonParser parser, FieldLayout likely) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        // Names are matched against the layout the record most likely has, in order, while they agree;
        // from the first one that does not, they are read as they come.
        FieldLayout expected = likely == null || likely.hasRepeatedNames() ? null : likely;
        int expectedCount = expected == null ? 0 : expected.size();
        Object[] values = new Object[expected == null ? FIRST_CAPACITY : expectedCount];
        // The names read so far; null while they are the expected layout's (most records).
        String[] names = expected == null ? new String[FIRST_CAPACITY] : null;
        int count = 0;
        while (true) {
            String name;
            if (names == null && count < expectedCount && parser.nextFieldName(expected.expectedName(count))) {
                name = null;
            } else {
                JsonToken token = names == null && count < expectedCount ? parser.currentToken() : parser.nextToken();
                if (token != JsonToken.FIELD_NAME) {
                    break;
                }
                if (names == null) {
                    names = new String[Math.max(FIRST_CAPACITY, values.length)];
                    for (int i = 0; i < count; i++) {
                        names[i] = expected.name(i);
                    }
                }
                // Jackson keeps one instance per field name, so rows of a table share their names' instances.
                name = parser.currentName();
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, Math.max(FIRST_CAPACITY, count * 2));
            }
            if (names != null) {
                if (count == names.length) {
                    names = Arrays.copyOf(names, count * 2);
                }
                names[count] = name;
            }
            values[count] = value(parser, parser.nextToken());
            count++;
        }
        if (names == null && count == expectedCount) {
            return new RecordFields(expected, values);
        }
        if (names == null) {
            // Fewer names than expected: the ones read are the layout's first ones.
            names = expected.names(count);
        }
        FieldLayout layout = FieldLayout.of(Arrays.copyOf(names, count));
        if (layout.hasRepeatedNames()) {
            return null;
        }
        return new RecordFields(layout, Arrays.copyOf(values, count));
    }

    /** A JSON node, or the string itself for a text value (RecordFields makes its node if one is asked for). */
    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> JSON.readTree(parser);
        };
    }
}
