package org.defenderconnector.app.normalize;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Reads top-level JSON values from text that is either NDJSON (one value per line) or one pretty-
 * printed document (an API page copied from a browser). A line that is not valid JSON in NDJSON is
 * reported with its line number and skipped; reading goes on.
 */
final class JsonValues {
    interface Handler {
        void value(JsonNode value, long line);

        void error(long line, String message);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {
    }

    static void read(Reader input, Handler handler) throws IOException {
        BufferedReader reader = new BufferedReader(input);
        String first = reader.readLine();
        long lineNumber = 1;
        while (first != null && first.isBlank()) {
            first = reader.readLine();
            lineNumber++;
        }
        if (first == null) {
            return;
        }
        JsonNode firstValue = tryParse(first);
        if (firstValue == null && looksLikeDocumentStart(first)) {
            readDocument(first, reader, lineNumber, handler);
            return;
        }
        if (firstValue == null) {
            handler.error(lineNumber, "not valid JSON");
        } else {
            handler.value(firstValue, lineNumber);
        }
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode value = tryParse(line);
            if (value == null) {
                handler.error(lineNumber, "not valid JSON");
            } else {
                handler.value(value, lineNumber);
            }
        }
    }

    /** A multi-line document: parse all of it; a syntax error is reported at its line. */
    private static void readDocument(String first, BufferedReader rest, long firstLine, Handler handler) throws IOException {
        StringBuilder text = new StringBuilder(first).append('\n');
        char[] buffer = new char[8192];
        int n;
        while ((n = rest.read(buffer)) > 0) {
            text.append(buffer, 0, n);
        }
        try (var parser = JSON.getFactory().createParser(new StringReader(text.toString()))) {
            var values = JSON.readValues(parser, JsonNode.class);
            while (values.hasNextValue()) {
                long line = firstLine - 1 + parser.currentTokenLocation().getLineNr();
                handler.value(values.nextValue(), line);
            }
        } catch (JsonParseException e) {
            handler.error(firstLine - 1 + e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonParseException p) {
                handler.error(firstLine - 1 + p.getLocation().getLineNr(), "not valid JSON: " + p.getOriginalMessage());
            } else {
                throw e;
            }
        }
    }

    private static boolean looksLikeDocumentStart(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static JsonNode tryParse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
