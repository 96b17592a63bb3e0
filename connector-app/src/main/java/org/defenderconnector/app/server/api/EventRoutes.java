package org.defenderconnector.app.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.defenderconnector.app.server.security.Role;
import org.defenderconnector.store.StoredEvent;
import org.defenderconnector.store.browse.EventBrowser;
import org.defenderconnector.store.browse.EventFilter;
import org.defenderconnector.store.browse.EventPage;
import org.defenderconnector.store.browse.EventSummary;
import org.defenderconnector.store.browse.PageCursor;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/events}: browse, filter, read one event (OCSF and raw), export NDJSON. */
final class EventRoutes {
    record Page(List<EventSummary> events, String next, int scanned, boolean complete) {
    }

    record Detail(String uid, String tenant, String stream, String kind, String naturalId, Instant time,
                  JsonNode ocsf, JsonNode raw) {
    }

    private final EventBrowser browser;
    private final Exchange io;

    EventRoutes(EventBrowser browser, Exchange io) {
        this.browser = browser;
        this.io = io;
    }

    void register(Javalin app) {
        app.get("/api/v1/events", this::page, Role.VIEWER);
        app.get("/api/v1/events/export", this::export, Role.VIEWER);
        app.get("/api/v1/events/{uid}", this::one, Role.VIEWER);
    }

    private void page(Context ctx) {
        EventFilter filter = filter(ctx);
        int limit = intParam(ctx, "limit", 50, 1, EventBrowser.MAX_PAGE);
        String cursorText = ctx.queryParam("cursor");
        PageCursor cursor;
        try {
            cursor = cursorText == null || cursorText.isBlank() ? null : PageCursor.decode(cursorText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "use the 'next' value of the previous page as is");
        }
        EventPage page = browser.page(filter, cursor, limit);
        io.ok(ctx, new Page(page.events(), page.next() == null ? null : page.next().encode(), page.scanned(),
                page.complete()));
    }

    private void one(Context ctx) {
        StoredEvent event = browser.event(ctx.pathParam("uid"))
                .orElseThrow(() -> ApiException.notFound("no event with uid '" + ctx.pathParam("uid") + "'"));
        try {
            io.ok(ctx, new Detail(event.uid(), event.tenant(), event.stream(), event.kind(), event.naturalId(),
                    Instant.ofEpochMilli(event.timeMillis()),
                    event.ocsfJson() == null ? null : io.mapper().readTree(event.ocsfJson()),
                    io.mapper().readTree(event.rawJson())));
        } catch (IOException e) {
            throw new IllegalStateException("stored event " + event.uid() + " holds invalid JSON", e);
        }
    }

    /**
     * Streams every matching event as NDJSON, one line per event in the NDJSON sink's shape. Nothing is
     * buffered beyond a chunk, so an export of millions of events runs in constant memory.
     */
    private void export(Context ctx) throws Exception {
        EventFilter filter = filter(ctx);
        long max = longParam(ctx, "max", Long.MAX_VALUE);
        ctx.status(200);
        ctx.contentType("application/x-ndjson");
        ctx.header("Content-Disposition", "attachment; filename=\"events.ndjson\"");
        OutputStream out = new BufferedOutputStream(ctx.res().getOutputStream(), 64 * 1024);
        StringBuilder line = new StringBuilder(4096);
        browser.export(filter, max, event -> {
            line.setLength(0);
            line.append("{\"uid\":").append(quote(event.uid()))
                    .append(",\"tenant\":").append(quote(event.tenant()))
                    .append(",\"stream\":").append(quote(event.stream()))
                    .append(",\"kind\":").append(quote(event.kind()))
                    .append(",\"time\":").append(quote(Instant.ofEpochMilli(event.timeMillis()).toString()))
                    .append(",\"ocsf\":").append(event.ocsfJson() == null ? "null" : event.ocsfJson())
                    .append(",\"raw\":").append(event.rawJson()).append("}\n");
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        });
        out.flush();
    }

    private String quote(String value) throws IOException {
        return io.mapper().writeValueAsString(value);
    }

    static EventFilter filter(Context ctx) {
        Set<Integer> severities = new LinkedHashSet<>();
        for (String value : ctx.queryParams("severity")) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    severities.add(parseInt("severity", part.strip()));
                }
            }
        }
        String classText = ctx.queryParam("class");
        return new EventFilter(instant(ctx, "from"), instant(ctx, "to"), ctx.queryParam("tenant"), ctx.queryParam("stream"),
                classText == null || classText.isBlank() ? null : parseInt("class", classText.strip()), severities,
                ctx.queryParam("device"), ctx.queryParam("q"));
    }

    private static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' is not an ISO-8601 UTC time", "write e.g. 2026-01-31T00:00:00Z");
        }
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a number", "e.g. " + name + "=2004");
        }
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed = parseInt(name, value.strip());
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max, null);
        }
        return parsed;
    }

    private static long longParam(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a positive number", null);
        }
    }
}
