package org.defenderconnector.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.store.StoredDeadLetter;

import java.util.List;
import java.util.Map;

/** How {@code dead-letters} shows what it found: for a person, or as JSON for a script. */
final class DeadLetterReport {
    /** How much of a line is shown: enough to recognise it, little enough to keep one letter on a few lines. */
    static final int LINE_START = 160;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeadLetterReport() {
    }

    static String text(Map<StreamId, List<StoredDeadLetter>> letters, int limit) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<StreamId, List<StoredDeadLetter>> entry : letters.entrySet()) {
            List<StoredDeadLetter> found = entry.getValue();
            text.append(entry.getKey()).append(": ");
            if (found.isEmpty()) {
                text.append("no dead letters\n");
                continue;
            }
            text.append(found.size()).append(found.size() == 1 ? " dead letter" : " dead letters")
                    .append(found.size() == limit ? " (the oldest " + limit + "; there may be more: raise --limit)" : "")
                    .append('\n');
            for (StoredDeadLetter letter : found) {
                text.append("  ").append(letter.at()).append("  ").append(letter.location())
                        .append("  offset ").append(letter.offset()).append('\n');
                text.append("    error: ").append(printable(letter.error())).append('\n');
                text.append("    line:  ").append(lineStart(letter)).append('\n');
            }
        }
        return text.toString();
    }

    static String json(Map<StreamId, List<StoredDeadLetter>> letters) {
        ArrayNode all = JSON.createArrayNode();
        for (Map.Entry<StreamId, List<StoredDeadLetter>> entry : letters.entrySet()) {
            for (StoredDeadLetter letter : entry.getValue()) {
                ObjectNode node = all.addObject();
                node.put("tenant", entry.getKey().tenant());
                node.put("stream", entry.getKey().stream());
                node.put("location", letter.location());
                node.put("offset", letter.offset());
                node.put("error", letter.error());
                node.put("time", letter.at().toString());
                node.put("lineStart", start(letter.payload()));
                node.put("lineLength", letter.payloadLength());
            }
        }
        try {
            return JSON.writeValueAsString(all) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the dead letters as JSON", e);
        }
    }

    /** The first {@value #LINE_START} characters of the line, and its length when it is longer. */
    private static String lineStart(StoredDeadLetter letter) {
        String start = printable(start(letter.payload()));
        return letter.payloadLength() > LINE_START ? start + "... (" + letter.payloadLength() + " characters)" : start;
    }

    private static String start(String payload) {
        if (payload.length() <= LINE_START) {
            return payload;
        }
        int end = Character.isHighSurrogate(payload.charAt(LINE_START - 1)) ? LINE_START - 1 : LINE_START;
        return payload.substring(0, end);
    }

    /** Control characters escaped: a broken line must not move the terminal's cursor or change its colours. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
