package org.defenderconnector.microsoft.http;

import java.net.URI;
import java.util.Objects;

/**
 * One call against a Microsoft API: a GET, or a POST of a JSON body (advanced hunting queries).
 *
 * @param uri        the full URL (a built query or an @odata.nextLink as received)
 * @param family     the rate-limit family the call is charged to
 * @param token      the token of the API's audience
 * @param permission what the endpoint needs, for the 401/403 messages
 * @param jsonBody   the JSON body of a POST, or null for a GET
 */
public record ApiRequest(URI uri, ApiFamily family, AccessToken token, RequiredPermission permission, String jsonBody) {
    public ApiRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(permission, "permission");
    }

    /** A GET. */
    public ApiRequest(URI uri, ApiFamily family, AccessToken token, RequiredPermission permission) {
        this(uri, family, token, permission, null);
    }

    /** A POST of {@code jsonBody} (sent as application/json; charset=utf-8). */
    public static ApiRequest post(URI uri, ApiFamily family, AccessToken token, RequiredPermission permission,
                                  String jsonBody) {
        return new ApiRequest(uri, family, token, permission, Objects.requireNonNull(jsonBody, "jsonBody"));
    }

    public boolean isPost() {
        return jsonBody != null;
    }

    public ApiRequest withUri(URI other) {
        return new ApiRequest(other, family, token, permission, jsonBody);
    }

    /** The path without the query, for messages (queries can be long; they hold no secret). */
    public String path() {
        return uri.getRawPath();
    }
}
