package org.defenderconnector.emulator.api;

/**
 * A cross-cutting rule applied to every authorized API request, around its handler: rate limits, injected
 * faults. Policies run in registration order; the first {@link #before} answer wins.
 */
public interface ApiPolicy {

    /** Runs before the handler; a non-null response is sent instead of running it. */
    ApiResponse before(ApiRequest request, ApiRoute route);

    /** Runs after the handler (or the answer of an earlier policy) and may replace the response. */
    default ApiResponse after(ApiRequest request, ApiRoute route, ApiResponse response) {
        return response;
    }
}
