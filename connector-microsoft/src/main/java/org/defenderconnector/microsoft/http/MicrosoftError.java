package org.defenderconnector.microsoft.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The error body Microsoft APIs return: MDE and XDR {@code {"error":{"code","message","target"}}}
 * where target is a correlation id, Graph {@code {"error":{"code","message","innerError":{"request-id"}}}}.
 *
 * @param correlationId the id Microsoft support asks for: MDE target or Graph request-id (may be null)
 */
public record MicrosoftError(String code, String message, String correlationId) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 1_000;

    public static MicrosoftError parse(String body) {
        if (body == null || body.isBlank()) {
            return new MicrosoftError(null, null, null);
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isObject()) {
                String correlation = text(error.path("target"));
                if (correlation == null) {
                    JsonNode inner = error.has("innerError") ? error.path("innerError") : error.path("innererror");
                    correlation = text(inner.path("request-id"));
                }
                return new MicrosoftError(text(error.path("code")), shorten(text(error.path("message"))), correlation);
            }
            if (error.isTextual()) { // OAuth-style {"error":"...","error_description":"..."}
                return new MicrosoftError(error.asText(), shorten(JSON.readTree(body).path("error_description").asText(null)),
                        null);
            }
        } catch (Exception notJson) {
            // An HTML error page from a proxy, a truncated body: keep a short excerpt as the message.
        }
        return new MicrosoftError(null, shorten(body.strip()), null);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String shorten(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }

    /** "code: message" or whatever of it is known. */
    public String describe() {
        if (code == null && message == null) {
            return "no error details in the response";
        }
        if (code == null) {
            return message;
        }
        return message == null ? code : code + ": " + message;
    }
}
