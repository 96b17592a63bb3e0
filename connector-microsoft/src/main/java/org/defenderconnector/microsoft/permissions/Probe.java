package org.defenderconnector.microsoft.permissions;

import java.util.Optional;

/**
 * The cheapest request proving a stream can be read: one page of one record.
 *
 * @param method              GET or POST
 * @param pathAndQuery        relative to the API's base URL, e.g. {@code /api/alerts?$top=1}
 * @param jsonBody            request body for POST, else null
 * @param notFoundMeansEmpty  true where Microsoft documents 404 for an empty collection (machines)
 */
public record Probe(String method, String pathAndQuery, String jsonBody, boolean notFoundMeansEmpty) {
    public static Probe get(String pathAndQuery) {
        return new Probe("GET", pathAndQuery, null, false);
    }

    public static Probe getWhere404IsEmpty(String pathAndQuery) {
        return new Probe("GET", pathAndQuery, null, true);
    }

    public static Probe post(String path, String jsonBody) {
        return new Probe("POST", path, jsonBody, false);
    }

    public Optional<String> body() {
        return Optional.ofNullable(jsonBody);
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery;
    }
}
