package org.defenderconnector.microsoft.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.JsonRecord;
import org.defenderconnector.microsoft.http.ODataPageReader;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole collection, page by page: {@code $top} and the next link, or {@code $skip} when none is given. */
final class ODataListQuery {
    private final ApiClient client;
    private final CollectionSpec spec;
    private final boolean notFoundMeansEmpty;
    private final RecentlyCreated recent;

    /**
     * Limits a list to items created since a moving cut-off ({@code field ge cutoff}). The cut-off is
     * the start of the UTC day {@code lookback} ago, so it stays the same across the pages of one
     * snapshot (a $skip offset is only meaningful against an unchanged filter).
     */
    record RecentlyCreated(String field, Duration lookback, Clock clock) {
        String filter() {
            Instant cutoff = clock.instant().minus(lookback).truncatedTo(ChronoUnit.DAYS);
            return field + " ge " + ODataTime.format(cutoff);
        }
    }

    /** @param notFoundMeansEmpty the machine list answers 404 when there are no machines (documented quirk) */
    ODataListQuery(ApiClient client, CollectionSpec spec, boolean notFoundMeansEmpty) {
        this(client, spec, notFoundMeansEmpty, null);
    }

    ODataListQuery(ApiClient client, CollectionSpec spec, boolean notFoundMeansEmpty, RecentlyCreated recent) {
        this.client = client;
        this.spec = spec;
        this.notFoundMeansEmpty = notFoundMeansEmpty;
        this.recent = recent;
    }

    WindowPage fetch(int top, PageCursor cursor) throws ApiException {
        URI uri;
        if (cursor != null && cursor.nextLink() != null) {
            uri = URI.create(cursor.nextLink());
        } else {
            Map<String, String> params = new LinkedHashMap<>();
            if (recent != null) {
                params.put("$filter", recent.filter());
            }
            params.put("$top", Integer.toString(top));
            if (cursor != null && cursor.skip() > 0) {
                params.put("$skip", Long.toString(cursor.skip()));
            }
            uri = spec.uri(params);
        }
        long skipped = cursor == null ? 0 : cursor.skip();
        try {
            return client.get(spec.request(uri), body -> {
                try (ODataPageReader reader = new ODataPageReader(body, spec.wantedFields())) {
                    List<JsonRecord> records = new ArrayList<>();
                    JsonRecord r;
                    while ((r = reader.next()) != null) {
                        records.add(r);
                    }
                    PageCursor next = null;
                    if (reader.nextLink() != null) {
                        next = new PageCursor(reader.nextLink(), skipped + records.size());
                    } else if (records.size() >= top) {
                        next = PageCursor.skip(skipped + records.size());
                    }
                    return new WindowPage(records, next);
                }
            });
        } catch (ApiException e) {
            if (notFoundMeansEmpty && e.kind() == ApiException.Kind.NOT_FOUND) {
                return new WindowPage(List.of(), null);
            }
            throw e;
        }
    }

    CollectionSpec spec() {
        return spec;
    }
}
