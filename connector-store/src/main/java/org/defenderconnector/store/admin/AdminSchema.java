package org.defenderconnector.store.admin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Creates the server database's tables when missing, and adds the columns later versions introduced to
 * a database an earlier version created; every statement is idempotent.
 */
final class AdminSchema {
    private AdminSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS integrations (
                      name TEXT PRIMARY KEY,
                      tenant_id TEXT NOT NULL,
                      client_id TEXT NOT NULL,
                      auth_method TEXT NOT NULL,
                      cloud TEXT NOT NULL,
                      region TEXT,
                      api_base_url TEXT,
                      extra_ca_pem TEXT,
                      storage_account TEXT,
                      storage_queue TEXT,
                      event_hub_namespace TEXT,
                      event_hub_name TEXT,
                      event_hub_consumer_group TEXT,
                      streams TEXT NOT NULL,
                      poll_interval_seconds INTEGER NOT NULL,
                      secret_expires TEXT,
                      certificate_thumbprint TEXT,
                      certificate_subject TEXT,
                      certificate_not_after INTEGER,
                      active INTEGER NOT NULL DEFAULT 0,
                      created INTEGER NOT NULL,
                      updated INTEGER NOT NULL,
                      audiences TEXT)""");
            addMissingColumns(s);
            // Ciphertext only: the plaintext never reaches this file (see SecretVault).
            s.execute("""
                    CREATE TABLE IF NOT EXISTS secrets (
                      owner TEXT NOT NULL,
                      name TEXT NOT NULL,
                      nonce BLOB NOT NULL,
                      ciphertext BLOB NOT NULL,
                      updated INTEGER NOT NULL,
                      PRIMARY KEY (owner, name))""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS users (
                      username TEXT PRIMARY KEY COLLATE NOCASE,
                      password_hash TEXT NOT NULL,
                      role TEXT NOT NULL,
                      created INTEGER NOT NULL,
                      updated INTEGER NOT NULL)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS api_tokens (
                      id TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      token_hash TEXT NOT NULL UNIQUE,
                      role TEXT NOT NULL,
                      created_by TEXT NOT NULL,
                      created INTEGER NOT NULL,
                      last_used INTEGER)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS audit_log (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      time INTEGER NOT NULL,
                      actor TEXT NOT NULL,
                      action TEXT NOT NULL,
                      target TEXT,
                      details TEXT)""");
        }
    }

    /**
     * Columns added after the first release, with their SQL type. There is no migration framework: a
     * database created before a column existed gets it on open ({@code ALTER TABLE ... ADD COLUMN}, which
     * keeps the rows, their new column null). New columns must therefore be nullable.
     */
    private static final Map<String, String> LATER_INTEGRATION_COLUMNS = Map.of("audiences", "TEXT");

    private static void addMissingColumns(Statement s) throws SQLException {
        Set<String> present = new HashSet<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(integrations)")) {
            while (rs.next()) {
                present.add(rs.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        for (Map.Entry<String, String> column : LATER_INTEGRATION_COLUMNS.entrySet()) {
            if (!present.contains(column.getKey())) {
                s.execute("ALTER TABLE integrations ADD COLUMN " + column.getKey() + " " + column.getValue());
            }
        }
    }
}
