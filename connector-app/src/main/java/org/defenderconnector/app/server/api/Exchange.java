package org.defenderconnector.app.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.stream.Collectors;

/** Reading JSON bodies and writing JSON responses, with errors that name the field but never echo values. */
final class Exchange {
    private final ObjectMapper json;

    Exchange(ObjectMapper json) {
        this.json = json;
    }

    ObjectMapper mapper() {
        return json;
    }

    <T> T body(Context ctx, Class<T> type) {
        T value = optionalBody(ctx, type);
        if (value == null) {
            throw ApiException.badRequest("the request has no JSON body", "send a JSON object");
        }
        return value;
    }

    /** The body, or null when the request has none. */
    <T> T optionalBody(Context ctx, Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return null;
        }
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // Also what keeps plain HTML forms on other sites from posting here.
            throw new ApiException(415, "unsupported_media_type", "the body must be JSON",
                    "send Content-Type: application/json");
        }
        try {
            return json.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + e.getPropertyName() + "'",
                    "remove it; see /api/v1/openapi.json for the fields");
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("field '" + path(e) + "' has the wrong type", "see /api/v1/openapi.json");
        } catch (JsonProcessingException e) {
            // The parser's own message may quote the input, which may hold a secret: say only where.
            throw ApiException.badRequest("the body is not valid JSON (line " + e.getLocation().getLineNr() + ")",
                    "send a JSON object");
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read", "send a JSON object");
        }
    }

    void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialized: " + e.getOriginalMessage(), e);
        }
    }

    void ok(Context ctx, Object body) {
        send(ctx, 200, body);
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "(body)" : path;
    }
}
