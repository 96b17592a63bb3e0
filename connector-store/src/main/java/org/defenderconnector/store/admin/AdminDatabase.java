package org.defenderconnector.store.admin;

import org.defenderconnector.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's own SQLite file: integrations, encrypted secrets, users, API tokens and the audit log.
 *
 * <p>It is a separate file from the event store on purpose: the event store keeps one connection in a
 * long-lived transaction, and a second writer on the same file would make its writes fail with a busy
 * snapshot. Configuration changes are rare, so one connection guarded by a lock is plenty here.
 */
public final class AdminDatabase implements AutoCloseable {
    private final Connection connection;
    private final Object lock = new Object();

    private AdminDatabase(Connection connection) {
        this.connection = connection;
    }

    public static AdminDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // FULL: a configuration change (a new user, a rotated secret) must survive a power cut.
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA foreign_keys=ON");
                // Deleted secrets are overwritten with zeros rather than left in free pages.
                s.execute("PRAGMA secure_delete=ON");
            }
            AdminSchema.create(connection);
            return new AdminDatabase(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the server database at " + file + ": " + e.getMessage()
                    + " (check that the directory is writable and no other server uses it)", e);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory for " + file + ": " + e.getMessage(), e);
        }
    }

    /** A row mapper that may throw SQLException, so callers need no try/catch of their own. */
    @FunctionalInterface
    interface Rows<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    int update(String sql, Object... args) {
        synchronized (lock) {
            try (PreparedStatement statement = prepare(sql, args)) {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("server database update failed: " + e.getMessage(), e);
            }
        }
    }

    <T> List<T> query(String sql, Rows<T> rows, Object... args) {
        synchronized (lock) {
            try (PreparedStatement statement = prepare(sql, args); ResultSet rs = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(rows.map(rs));
                }
                return result;
            } catch (SQLException e) {
                throw new StoreException("server database query failed: " + e.getMessage(), e);
            }
        }
    }

    <T> Optional<T> queryOne(String sql, Rows<T> rows, Object... args) {
        List<T> all = query(sql, rows, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Runs several statements as one transaction: all or nothing. */
    <T> T inTransaction(Work<T> work) {
        synchronized (lock) {
            try {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("server database transaction failed: " + e.getMessage(), e);
            }
        }
    }

    static PreparedStatement bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else if (arg instanceof Boolean b) {
                statement.setInt(i + 1, b ? 1 : 0);
            } else {
                statement.setObject(i + 1, arg);
            }
        }
        return statement;
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        return bind(connection.prepareStatement(sql), args);
    }

    /** True while the database answers a trivial query: what {@code /readyz} asks. */
    public boolean isHealthy() {
        synchronized (lock) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                return rs.next();
            } catch (SQLException e) {
                return false;
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("could not close the server database: " + e.getMessage(), e);
            }
        }
    }
}
