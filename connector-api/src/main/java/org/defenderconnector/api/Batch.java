package org.defenderconnector.api;

import java.util.List;

/**
 * What one poll returned: a bounded number of records (one page, one blob range) and the position
 * to commit once a sink has durably taken them.
 *
 * @param more true when the source already knows there is more to read right away (next page),
 *             so the engine should poll again without waiting for the interval
 */
public record Batch(List<SourceRecord> records, Position next, boolean more) {
    public Batch {
        records = List.copyOf(records);
    }

    public static Batch empty(Position unchanged) {
        return new Batch(List.of(), unchanged, false);
    }
}
