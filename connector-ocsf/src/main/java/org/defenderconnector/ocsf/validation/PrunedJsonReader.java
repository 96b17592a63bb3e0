package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Reads a JSON document into a Jackson tree while dropping some fields unread.
 *
 * <p>Only fields whose value is a string, number or array are dropped: in the schema's keyed maps the same
 * names are attribute definitions, which are objects ({@code vulnerability.references},
 * {@code dictionary.attributes.description}) and must be kept.
 *
 * <p>Why not {@code ObjectMapper.readTree}: about half of the compiled schema is prose
 * ({@code description}, {@code references}) the validator never uses. Streaming past it without decoding
 * the strings, and without bootstrapping an {@code ObjectMapper}, roughly halves the cold load time.
 */
final class PrunedJsonReader {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Set<String> droppedFields;

    PrunedJsonReader(Set<String> droppedFields) {
        this.droppedFields = Set.copyOf(droppedFields);
    }

    JsonNode read(InputStream in) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("empty document");
            }
            JsonNode root = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw new IOException("trailing content after the JSON document");
            }
            return root;
        }
    }

    private JsonNode readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected token " + token + " at " + parser.currentLocation());
        };
    }

    private ObjectNode readObject(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            if (valueToken != JsonToken.START_OBJECT && droppedFields.contains(name)) {
                // Skips arrays; a skipped string is never decoded.
                parser.skipChildren();
            } else {
                object.set(name, readValue(parser, valueToken));
            }
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(readValue(parser, token));
        }
        return array;
    }
}
