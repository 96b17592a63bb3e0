package org.defenderconnector.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the store's tables when missing. Statements are idempotent so opening is always safe. */
final class StoreSchema {
    private StoreSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS events (
                      uid TEXT PRIMARY KEY,
                      tenant TEXT NOT NULL,
                      stream TEXT NOT NULL,
                      kind TEXT,
                      natural_id TEXT,
                      time INTEGER NOT NULL,
                      ingested INTEGER NOT NULL,
                      raw TEXT NOT NULL,
                      ocsf TEXT,
                      class_uid INTEGER,
                      severity_id INTEGER)""");
            s.execute("CREATE INDEX IF NOT EXISTS events_by_stream_time ON events(tenant, stream, time)");
            s.execute("CREATE INDEX IF NOT EXISTS events_by_entity ON events(tenant, stream, natural_id, time)");
            s.execute("CREATE INDEX IF NOT EXISTS events_by_time ON events(time)");
            // Every version is kept in events; this view is the newest version of each entity.
            s.execute("""
                    CREATE VIEW IF NOT EXISTS latest_events AS
                      SELECT * FROM (
                        SELECT e.*, ROW_NUMBER() OVER (PARTITION BY tenant, stream, natural_id
                                                       ORDER BY time DESC, ingested DESC) AS version_rank
                        FROM events e)
                      WHERE version_rank = 1""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS positions (
                      tenant TEXT NOT NULL, stream TEXT NOT NULL, position TEXT NOT NULL, updated INTEGER NOT NULL,
                      PRIMARY KEY (tenant, stream))""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS stream_health (
                      tenant TEXT NOT NULL, stream TEXT NOT NULL, state TEXT NOT NULL, records INTEGER NOT NULL,
                      last_success INTEGER, last_error TEXT, fix TEXT, updated INTEGER NOT NULL,
                      PRIMARY KEY (tenant, stream))""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS skipped_windows (
                      tenant TEXT NOT NULL, stream TEXT NOT NULL, window_start TEXT NOT NULL, window_end TEXT NOT NULL,
                      error TEXT, recorded INTEGER NOT NULL)""");
            // Streamed records that could not be read. A batch that was not committed is read again and may
            // report the same letter twice: the unique key keeps it once.
            s.execute("""
                    CREATE TABLE IF NOT EXISTS dead_letters (
                      tenant TEXT NOT NULL, stream TEXT NOT NULL, location TEXT NOT NULL, source_offset INTEGER NOT NULL,
                      error TEXT NOT NULL, payload TEXT NOT NULL, payload_length INTEGER NOT NULL, at INTEGER NOT NULL,
                      recorded INTEGER NOT NULL,
                      UNIQUE (tenant, stream, location, source_offset, error))""");
            s.execute("CREATE INDEX IF NOT EXISTS dead_letters_by_stream_time ON dead_letters(tenant, stream, at)");
        }
    }
}
