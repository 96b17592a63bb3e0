package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;

import java.time.Instant;

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
        return ODataPages.fetch(client, spec, () -> spec.filterField() + " ge " + ODataTime.format(from) + " and "
                + spec.filterField() + " lt " + ODataTime.format(to), top, cursor);
    }

    @Override
    public String describe() {
        return spec.description();
    }
}
