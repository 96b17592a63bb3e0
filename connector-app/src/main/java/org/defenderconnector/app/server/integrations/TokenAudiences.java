package org.defenderconnector.app.server.integrations;

import org.defenderconnector.microsoft.cloud.Api;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names an integration's token audiences go by: stored and shown keyed by the API's short id
 * ({@code mde}, {@code xdr}, {@code graph}, as in a configuration file's {@code audiences:}), used keyed by
 * {@link Api}. Their values are checked by {@link org.defenderconnector.microsoft.cloud.Endpoints#withResources}.
 */
final class TokenAudiences {
    /** The ids an audience may be given for, for error messages. */
    static final String API_IDS = Arrays.stream(Api.values()).map(Api::id).collect(Collectors.joining(", "));

    private TokenAudiences() {
    }

    /**
     * The stored overrides keyed by API.
     *
     * @throws IllegalArgumentException for a key that names no API (a hand-edited database)
     */
    static Map<Api, String> byApi(Map<String, String> stored) {
        Map<Api, String> result = new EnumMap<>(Api.class);
        stored.forEach((id, resource) -> result.put(Api.byId(id).orElseThrow(() -> new IllegalArgumentException(
                "the stored token audience for '" + id + "' names no API; use " + API_IDS)), resource));
        return result;
    }
}
