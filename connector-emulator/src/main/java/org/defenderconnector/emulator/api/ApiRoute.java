package org.defenderconnector.emulator.api;

import java.util.List;
import java.util.Locale;

/**
 * One API operation: method + path template ({@code /api/alerts/{id}}; literal segments match
 * case-insensitively, like the real services), the family whose token it requires, the application
 * permissions any one of which grants access (in the order the 403 message lists them), and its handler.
 */
public record ApiRoute(String method, String template, ApiFamily family, List<String> acceptedRoles,
                       ApiHandler handler) {

    public ApiRoute {
        method = method.toUpperCase(Locale.ROOT);
        acceptedRoles = List.copyOf(acceptedRoles);
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("route template must start with '/': " + template);
        }
    }

    public static ApiRoute get(String template, ApiFamily family, List<String> roles, ApiHandler handler) {
        return new ApiRoute("GET", template, family, roles, handler);
    }

    public static ApiRoute post(String template, ApiFamily family, List<String> roles, ApiHandler handler) {
        return new ApiRoute("POST", template, family, roles, handler);
    }

    List<String> segments() {
        return ApiRoutes.segments(template);
    }
}
