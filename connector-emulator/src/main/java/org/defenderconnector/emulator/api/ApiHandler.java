package org.defenderconnector.emulator.api;

/** Serves one route once the caller is authenticated and holds one of the route's accepted roles. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request) throws Exception;
}
