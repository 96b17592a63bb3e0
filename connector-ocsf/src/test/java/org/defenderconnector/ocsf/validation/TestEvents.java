package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the hand-written events under src/test/resources/validation/ as fresh mutable trees. */
final class TestEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    static ObjectNode valid(String name) {
        return read("/validation/valid/" + name + ".json");
    }

    /** Events of deprecated classes that are otherwise conformant. */
    static ObjectNode deprecated(String name) {
        return read("/validation/deprecated/" + name + ".json");
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = TestEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + resource);
            }
            JsonNode node = JSON.readTree(in);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a dotted path (array elements as {@code name[0]}), for mutating nested attributes. */
    static ObjectNode at(ObjectNode event, String path) {
        JsonNode current = event;
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            if (bracket < 0) {
                current = current.get(segment);
            } else {
                int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
                current = current.get(segment.substring(0, bracket)).get(index);
            }
            if (current == null) {
                throw new IllegalArgumentException("no " + path + " in test event");
            }
        }
        return (ObjectNode) current;
    }
}
