package org.defenderconnector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Position;

import java.util.LinkedHashMap;
import java.util.Map;

/** Positions are kept as flat JSON objects, the same shape Kafka Connect keeps as offsets. */
final class PositionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PositionJson() {
    }

    static String format(Position position) {
        try {
            return JSON.writeValueAsString(position.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a flat position always serializes", e);
        }
    }

    static Position parse(String json) {
        try {
            return new Position(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored position is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
