package org.defenderconnector.store.browse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The indexes event browsing seeks with, added to the event store's table idempotently. Each ends in
 * (time, uid), the keyset order, so a page is a seek plus a short walk backwards.
 */
final class BrowseIndexes {
    static final String BY_TIME = "events_browse_time_uid";
    static final String BY_TENANT_STREAM = "events_browse_tenant_stream_time_uid";
    static final String BY_CLASS = "events_browse_class_time_uid";

    private BrowseIndexes() {
    }

    static void ensure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE INDEX IF NOT EXISTS " + BY_TIME + " ON events(time, uid)");
            s.execute("CREATE INDEX IF NOT EXISTS " + BY_TENANT_STREAM + " ON events(tenant, stream, time, uid)");
            s.execute("CREATE INDEX IF NOT EXISTS " + BY_CLASS + " ON events(class_uid, time, uid)");
        }
    }
}
