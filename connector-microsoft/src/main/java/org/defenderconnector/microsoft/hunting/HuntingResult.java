package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

/**
 * What one advanced hunting query returned.
 *
 * @param columns  the result schema, in order (Graph {@code schema[{name,type}]}, legacy {@code Schema[{Name,Type}]})
 * @param rows     the result rows, each an object keyed by column name
 * @param reported the execution time the API reported (XDR {@code Stats.ExecutionTime}), or null
 * @param measured the wall time from sending the query to the end of the body
 * @param bytes    the size of the response body
 */
public record HuntingResult(List<HuntingColumn> columns, List<ObjectNode> rows, Duration reported, Duration measured,
                            long bytes) {
    public HuntingResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The time to charge to the tenant's quota: what the API reported, else what was measured. */
    public Duration executionTime() {
        return reported != null ? reported : measured;
    }
}
