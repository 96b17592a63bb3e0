package org.defenderconnector.microsoft.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;

import java.util.List;

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
        try {
            return ODataPages.fetch(client, spec, () -> recent == null ? null : recent.filter(), top, cursor);
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
