package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.JsonRecord;
import org.defenderconnector.microsoft.http.ODataPageReader;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One page of an OData collection, the way the window and list queries both page: the server's next link
 * when it gave one, else {@code $filter} (if any), {@code $top} and {@code $skip}; the following page is
 * the next link in the answer, or {@code $skip} past this page when there is none but the page was full.
 */
final class ODataPages {
    private ODataPages() {
    }

    /**
     * @param filter the {@code $filter} value, or null for none; asked only when the request is built here
     *               rather than taken from a next link, so a moving filter is computed at most once a page
     */
    static WindowPage fetch(ApiClient client, CollectionSpec spec, Supplier<String> filter, int top,
                            PageCursor cursor) throws ApiException {
        URI uri;
        if (cursor != null && cursor.nextLink() != null) {
            uri = URI.create(cursor.nextLink());
        } else {
            Map<String, String> params = new LinkedHashMap<>();
            String filterValue = filter.get();
            if (filterValue != null) {
                params.put("$filter", filterValue);
            }
            params.put("$top", Integer.toString(top));
            if (cursor != null && cursor.skip() > 0) {
                params.put("$skip", Long.toString(cursor.skip()));
            }
            uri = spec.uri(params);
        }
        long skipped = cursor == null ? 0 : cursor.skip();
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
    }
}
