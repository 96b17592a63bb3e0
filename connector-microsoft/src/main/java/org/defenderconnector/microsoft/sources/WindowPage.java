package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.JsonRecord;

import java.util.List;

/**
 * One page of a time-window query.
 *
 * @param next where the following page starts, or null when this was the last page
 */
public record WindowPage(List<JsonRecord> records, PageCursor next) {
    public WindowPage {
        records = List.copyOf(records);
    }

    /** The server had more than one page for the query. */
    public boolean full() {
        return next != null;
    }
}
