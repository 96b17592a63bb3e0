package org.defenderconnector.emulator.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

import org.defenderconnector.emulator.http.Exchanges;

/**
 * An authenticated, authorized API request handed to an {@link ApiHandler}.
 *
 * @param method          HTTP method
 * @param path            normalized path (no trailing slash; {@code /api/v1.0/x} is served as {@code /api/x})
 * @param pathParams      values of the route template's {@code {name}} segments
 * @param query           decoded query parameters
 * @param headers         request headers
 * @param body            request body (empty for GET)
 * @param caller          who called, from the token
 * @param family          which API surface (decides the error shape)
 * @param baseUrl         the emulator's base URL, e.g. {@code https://127.0.0.1:8443}, for OData links
 * @param requestId       this request's id (MDE {@code target}, Graph {@code request-id})
 * @param clientRequestId the caller's {@code client-request-id}, or the request id
 * @param receivedAt      when the request arrived (emulator clock)
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                         Headers headers, byte[] body, Caller caller, ApiFamily family, String baseUrl,
                         String requestId, String clientRequestId, Instant receivedAt) {

    /** First value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as JSON; null when the body is empty or not JSON. */
    public JsonNode jsonBody() {
        if (body.length == 0) {
            return null;
        }
        try {
            return Exchanges.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** An error response in this API family's shape. */
    public ApiResponse error(int status, String code, String message) {
        return ApiErrors.error(family, status, code, message, requestId, clientRequestId, receivedAt);
    }
}
