package org.defenderconnector.emulator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of API operations. Data handlers plug in here, and can be replaced at run time (a route registered
 * for an existing method + template replaces it), so that generated data, paging and fault injection can be
 * layered on without touching authentication.
 */
public final class ApiRoutes {

    /** The result of looking a request up. */
    public sealed interface Lookup permits Match, MethodNotAllowed, NotFound {
    }

    /** A route matched; {@code pathParams} holds its template variables. */
    public record Match(ApiRoute route, Map<String, String> pathParams) implements Lookup {
    }

    /** The path exists but not for this method. */
    public record MethodNotAllowed(ApiFamily family, List<String> allowed) implements Lookup {
    }

    /** No route has this path. */
    public record NotFound() implements Lookup {
    }

    private final List<ApiRoute> routes = new CopyOnWriteArrayList<>();

    /** Adds a route, replacing one with the same method and template. */
    public synchronized ApiRoutes register(ApiRoute route) {
        routes.removeIf(existing -> existing.method().equals(route.method())
                && existing.template().equalsIgnoreCase(route.template()));
        routes.add(route);
        return this;
    }

    /** The registered routes, in registration order. */
    public List<ApiRoute> all() {
        return List.copyOf(routes);
    }

    /**
     * Finds the route for a request. When several templates match, the one with the most literal segments wins
     * ({@code /api/machines/SoftwareVulnerabilitiesByMachine} over {@code /api/machines/{id}}).
     */
    public Lookup find(String method, String path) {
        List<String> segments = segments(path);
        Match best = null;
        int bestScore = -1;
        List<String> allowed = new ArrayList<>();
        ApiFamily pathFamily = null;
        for (ApiRoute route : routes) {
            Map<String, String> params = match(route.segments(), segments);
            if (params == null) {
                continue;
            }
            int score = literalCount(route.segments());
            if (!route.method().equals(method.toUpperCase(Locale.ROOT))) {
                allowed.add(route.method());
                pathFamily = route.family();
                continue;
            }
            if (score > bestScore) {
                best = new Match(route, params);
                bestScore = score;
            }
        }
        if (best != null) {
            return best;
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(pathFamily, List.copyOf(allowed));
    }

    private static Map<String, String> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String actual = path.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                params.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equalsIgnoreCase(actual)) {
                return null;
            }
        }
        return params;
    }

    private static int literalCount(List<String> template) {
        return (int) template.stream().filter(segment -> !segment.startsWith("{")).count();
    }

    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
