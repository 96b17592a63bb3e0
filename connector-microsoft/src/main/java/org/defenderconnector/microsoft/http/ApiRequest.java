package org.defenderconnector.microsoft.http;

import java.net.URI;
import java.util.Objects;

/**
 * One GET against a Microsoft API.
 *
 * @param uri        the full URL (a built query or an @odata.nextLink as received)
 * @param family     the rate-limit family the call is charged to
 * @param token      the token of the API's audience
 * @param permission what the endpoint needs, for the 401/403 messages
 */
public record ApiRequest(URI uri, ApiFamily family, AccessToken token, RequiredPermission permission) {
    public ApiRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(permission, "permission");
    }

    public ApiRequest withUri(URI other) {
        return new ApiRequest(other, family, token, permission);
    }

    /** The path without the query, for messages (queries can be long; they hold no secret). */
    public String path() {
        return uri.getRawPath();
    }
}
