package org.defenderconnector.emulator.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.http.Exchanges;

/**
 * What an API handler answers: a status, headers and a body that is either complete ({@code body}) or written
 * incrementally ({@code stream}, sent chunked) so that large responses never sit in memory whole.
 */
public record ApiResponse(int status, Map<String, String> headers, String contentType, byte[] body,
                          BodyWriter stream) {

    /** Writes a body of unknown length. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    public ApiResponse {
        headers = new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
    }

    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, Map.of(), Exchanges.JSON_UTF8, Exchanges.bytes(body), null);
    }

    public static ApiResponse streaming(int status, String contentType, BodyWriter writer) {
        return new ApiResponse(status, Map.of(), contentType, null, writer);
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, Map.of(), null, null, null);
    }

    /** A copy with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, more, contentType, body, stream);
    }
}
