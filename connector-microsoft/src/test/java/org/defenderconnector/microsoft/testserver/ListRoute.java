package org.defenderconnector.microsoft.testserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inventory collection ({@code /api/machines}, {@code /api/Software}): {@code $top}/{@code $skip}
 * over items kept by id, and optionally MDE's "404 when there are no machines".
 */
public final class ListRoute implements TestHttpsServer.Route {
    private final Map<String, String> items = new LinkedHashMap<>();
    private final boolean notFoundWhenEmpty;

    public ListRoute(boolean notFoundWhenEmpty) {
        this.notFoundWhenEmpty = notFoundWhenEmpty;
    }

    public synchronized void put(String id, String json) {
        items.put(id, json);
    }

    public synchronized void remove(String id) {
        items.remove(id);
    }

    @Override
    public void handle(TestHttpsServer.Exchange exchange) throws IOException {
        List<String> all;
        synchronized (this) {
            all = new ArrayList<>(items.values());
        }
        if (all.isEmpty() && notFoundWhenEmpty) {
            exchange.respond(404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"No machines found\","
                    + "\"target\":\"43f4cb08-8fac-4b65-9db1-745c2ae65f3a\"}}");
            return;
        }
        Map<String, String> q = exchange.query();
        int top = Integer.parseInt(q.getOrDefault("$top", "10000"));
        int skip = Integer.parseInt(q.getOrDefault("$skip", "0"));
        List<String> page = all.subList(Math.min(skip, all.size()), Math.min(all.size(), skip + top));
        exchange.respond(200, "{\"@odata.context\":\"https://api.security.microsoft.com/api/$metadata#Machines\","
                + "\"value\":[" + String.join(",", page) + "]}");
    }
}
