package org.defenderconnector.emulator.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Error bodies of the two shapes: Defender (MDE and XDR, reference §3.3)
 * {@code {"error":{"code","message","target"}}} with a fresh id as target, and Graph
 * {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}.
 */
public final class ApiErrors {

    private static final DateTimeFormatter GRAPH_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private ApiErrors() {
    }

    public static ApiResponse error(ApiFamily family, int status, String code, String message, String requestId,
                                    String clientRequestId, Instant now) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (family == ApiFamily.GRAPH) {
            error.putObject("innerError")
                    .put("date", GRAPH_DATE.format(now))
                    .put("request-id", requestId)
                    .put("client-request-id", clientRequestId);
        } else {
            error.put("target", requestId);
        }
        return ApiResponse.json(status, body);
    }
}
