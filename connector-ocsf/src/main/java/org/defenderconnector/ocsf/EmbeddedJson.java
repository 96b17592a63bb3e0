package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** Parses the JSON that Defender embeds inside string columns ("JSON array format" columns). */
final class EmbeddedJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedJson() {
    }

    static Optional<JsonNode> parse(String text) {
        String trimmed = text.trim();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(trimmed));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
