package org.defenderconnector.microsoft.testserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collection served as OData from scripted, mutable data: {@code $filter=<f> ge <a> and <f> lt <b>},
 * {@code $top} (capped at a max page size), {@code $skip}, and optionally {@code @odata.nextLink}
 * ($skip based, like Graph's). Records come out in insertion order (the APIs promise no order).
 * Tests mutate records between requests with {@link #beforeRequest} and fail windows with {@link #failWhen}.
 */
public final class ScriptedCollection implements TestHttpsServer.Route {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILTER = Pattern.compile("(\\w+) ge (\\S+) and (\\w+) lt (\\S+)");

    /** A window as asked in a request's $filter. */
    public record Window(Instant from, Instant to, int top) {
        public boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** One record: id, update time, and a revision counter that makes its content change. */
    public static final class Item {
        public final String id;
        public Instant time;
        public int revision;

        Item(String id, Instant time) {
            this.id = id;
            this.time = time;
        }
    }

    private final String idField;
    private final String timeField;
    private final int maxPageSize;
    private final boolean nextLinks;
    private final List<Item> items = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Window> windows = new ArrayList<>();
    private volatile IntConsumer beforeRequest = n -> {
    };
    private volatile Predicate<Window> failWhen = w -> false;

    public ScriptedCollection(String idField, String timeField, int maxPageSize, boolean nextLinks) {
        this.idField = idField;
        this.timeField = timeField;
        this.maxPageSize = maxPageSize;
        this.nextLinks = nextLinks;
    }

    public synchronized Item add(String id, Instant time) {
        Item item = new Item(id, time);
        items.add(item);
        return item;
    }

    public synchronized Item item(String id) {
        return items.stream().filter(i -> i.id.equals(id)).findFirst().orElseThrow();
    }

    /** Updates a record: new time, new content. */
    public synchronized void update(String id, Instant newTime) {
        Item item = item(id);
        item.time = newTime;
        item.revision++;
    }

    public synchronized List<Item> items() {
        return List.copyOf(items);
    }

    /** Runs before request number n (1-based) is answered. */
    public void beforeRequest(IntConsumer hook) {
        this.beforeRequest = hook;
    }

    /** Answers 500 to every request whose window matches. */
    public void failWhen(Predicate<Window> predicate) {
        this.failWhen = predicate;
    }

    public int requestCount() {
        return requests.get();
    }

    public synchronized List<Window> windows() {
        return List.copyOf(windows);
    }

    public String json(Item item) {
        ObjectNode node = JSON.createObjectNode();
        node.put(idField, item.id);
        node.put(timeField, item.time.toString());
        node.put("title", "record " + item.id);
        node.put("revision", item.revision);
        return node.toString();
    }

    @Override
    public void handle(TestHttpsServer.Exchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        beforeRequest.accept(n);
        Map<String, String> query = exchange.query();
        String filter = query.get("$filter");
        Window window = null;
        if (filter != null) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches() || !m.group(1).equals(timeField) || !m.group(3).equals(timeField)) {
                exchange.respond(400, "{\"error\":{\"code\":\"ODataError\",\"message\":\"bad filter " + filter
                        + "\",\"target\":\"t\"}}");
                return;
            }
            window = new Window(Instant.parse(m.group(2)), Instant.parse(m.group(4)),
                    Integer.parseInt(query.getOrDefault("$top", "0")));
        }
        if (window != null) {
            synchronized (this) {
                windows.add(window);
            }
            if (failWhen.test(window)) {
                exchange.respond(500, "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"scripted failure\","
                        + "\"target\":\"" + n + "\"}}");
                return;
            }
        }
        int top = Math.min(Integer.parseInt(query.getOrDefault("$top", Integer.toString(maxPageSize))), maxPageSize);
        int skip = Integer.parseInt(query.getOrDefault("$skip", "0"));
        List<String> page = new ArrayList<>();
        boolean more;
        synchronized (this) {
            List<Item> matching = new ArrayList<>();
            for (Item item : items) {
                if (window == null || window.contains(item.time)) {
                    matching.add(item);
                }
            }
            for (int i = skip; i < Math.min(matching.size(), skip + top); i++) {
                page.add(json(matching.get(i)));
            }
            more = matching.size() > skip + top;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("@odata.context", "https://test/api/$metadata#Collection");
        ArrayNode value = body.putArray("value");
        for (String record : page) {
            value.add(JSON.readTree(record));
        }
        if (nextLinks && more) {
            StringBuilder next = new StringBuilder(exchange.uri().getPath()).append('?');
            String raw = exchange.uri().getRawQuery();
            for (String pair : raw.split("&")) {
                if (!pair.startsWith("$skip=") && !pair.startsWith("%24skip=")) {
                    next.append(pair).append('&');
                }
            }
            next.append("$skip=").append(skip + top);
            body.put("@odata.nextLink", exchange.header("Host") == null ? next.toString()
                    : "https://" + exchange.header("Host") + next);
        }
        exchange.respond(200, body.toString());
    }
}
