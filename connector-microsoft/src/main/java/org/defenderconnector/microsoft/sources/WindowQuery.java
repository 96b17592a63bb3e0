package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.ApiException;

import java.time.Instant;

/** Reads the records of one collection whose watermark field lies in [from, to). */
public interface WindowQuery {
    /**
     * One page of at most {@code top} records.
     *
     * @param cursor null for the first page
     */
    WindowPage fetch(Instant from, Instant to, int top, PageCursor cursor) throws ApiException;

    /** What the records are called in messages ("MDE alerts"). */
    String describe();
}
