package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The natural key of a hunting row (which columns identify it, per table). The OCSF module knows the
 * keys (org.defenderconnector.ocsf.hunting.HuntingKeys#of); the engine passes that function in, so this
 * module keeps no copy of the per-table rules and does not depend on the OCSF module.
 */
@FunctionalInterface
public interface RowKey {
    /** No per-table knowledge: every row is identified by its content. */
    RowKey CONTENT = (table, row) -> null;

    /** The row's natural key, or null when it lacks the columns the table's key needs. */
    String of(String table, JsonNode row);
}
