package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.JsonRecord;
import org.defenderconnector.microsoft.http.ODataPageReader;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET <collection>?$filter=<field> ge <from> and <field> lt <to>&$top=N}, then the next link
 * the server gives, or {@code $skip} when it gives none but the page was full.
 */
public final class ODataWindowQuery implements WindowQuery {
    private final ApiClient client;
    private final CollectionSpec spec;

    public ODataWindowQuery(ApiClient client, CollectionSpec spec) {
        this.client = client;
        this.spec = spec;
    }

    @Override
    public WindowPage fetch(Instant from, Instant to, int top, PageCursor cursor) throws ApiException {
        URI uri;
        if (cursor != null && cursor.nextLink() != null) {
            uri = URI.create(cursor.nextLink());
        } else {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("$filter", spec.filterField() + " ge " + ODataTime.format(from) + " and " + spec.filterField()
                    + " lt " + ODataTime.format(to));
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

    @Override
    public String describe() {
        return spec.description();
    }
}
