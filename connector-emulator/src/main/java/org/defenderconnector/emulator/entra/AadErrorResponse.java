package org.defenderconnector.emulator.entra;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a token endpoint error in Entra's shape (samples/aad-token-error-response.json): error,
 * error_description ending in trace id, correlation id and timestamp lines, error_codes, timestamp, trace_id,
 * correlation_id, error_uri.
 */
public final class AadErrorResponse {

    /** Entra's timestamp format: {@code 2016-01-09 02:02:12Z}. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AadErrorResponse() {
    }

    public static ObjectNode body(AadException failure, String traceId, String correlationId, Instant now) {
        String timestamp = TIMESTAMP.format(now);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", failure.error().error());
        body.put("error_description", failure.getMessage() + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(failure.error().code());
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + failure.error().code());
        return body;
    }
}
