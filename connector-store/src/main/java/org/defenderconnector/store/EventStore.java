package org.defenderconnector.store;

import org.defenderconnector.api.Event;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.PositionStore;
import org.defenderconnector.api.Sink;
import org.defenderconnector.api.StreamId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded store: one SQLite file in WAL mode holding events (every version, keyed by uid),
 * each stream's committed position, stream health and windows that had to be skipped.
 *
 * <p>It is at once a {@link Sink} and a {@link PositionStore}. A write is one transaction, so when
 * {@link #write} returns the events are on disk; a uid already held is ignored, which makes a
 * replayed batch (after a crash between write and position commit) harmless.
 */
public final class EventStore implements Sink, PositionStore, AutoCloseable {
    private final Connection connection;
    private final Clock clock;
    private final Object lock = new Object();

    private EventStore(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    public static EventStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static EventStore open(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode is durable against process crashes (the WAL is written before
                // the transaction returns); only an OS crash may lose the last transactions.
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            StoreSchema.create(connection);
            connection.setAutoCommit(false);
            return new EventStore(connection, clock);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + file + ": " + e.getMessage()
                    + " (check that the directory is writable and no other process holds the file)", e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the store directory for " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "store";
    }

    /** Durably stores the events; uids already present are skipped. Returns how many were new. */
    public int writeCounting(List<Event> events) {
        if (events.isEmpty()) {
            return 0;
        }
        synchronized (lock) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO events(uid, tenant, stream, kind, natural_id, time, ingested, raw, ocsf,"
                            + " class_uid, severity_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                long now = clock.millis();
                for (Event event : events) {
                    insert.setString(1, event.uid());
                    insert.setString(2, event.tenant());
                    insert.setString(3, event.stream());
                    insert.setString(4, event.kind());
                    insert.setString(5, event.naturalId());
                    insert.setLong(6, event.time().toEpochMilli());
                    insert.setLong(7, now);
                    insert.setString(8, event.rawJson());
                    insert.setString(9, event.ocsfJson());
                    OcsfSummary summary = OcsfSummary.of(event.ocsfJson());
                    setNullableInt(insert, 10, summary.classUid());
                    setNullableInt(insert, 11, summary.severityId());
                    insert.addBatch();
                }
                int inserted = 0;
                for (int count : insert.executeBatch()) {
                    inserted += Math.max(count, 0);
                }
                connection.commit();
                return inserted;
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreException("could not store " + events.size() + " events: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void write(List<Event> events) {
        writeCounting(events);
    }

    @Override
    public Optional<Position> load(StreamId id) {
        synchronized (lock) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT position FROM positions WHERE tenant=? AND stream=?")) {
                select.setString(1, id.tenant());
                select.setString(2, id.stream());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(PositionJson.parse(rs.getString(1))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("could not read the position of " + id + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void commit(StreamId id, Position position) {
        synchronized (lock) {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO positions(tenant, stream, position, updated) VALUES (?,?,?,?)"
                            + " ON CONFLICT(tenant, stream) DO UPDATE SET position=excluded.position, updated=excluded.updated")) {
                upsert.setString(1, id.tenant());
                upsert.setString(2, id.stream());
                upsert.setString(3, PositionJson.format(position));
                upsert.setLong(4, clock.millis());
                upsert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreException("could not commit the position of " + id + ": " + e.getMessage(), e);
            }
        }
    }

    public void resetPosition(StreamId id) {
        execute("DELETE FROM positions WHERE tenant=? AND stream=?", id.tenant(), id.stream());
    }

    public void saveHealth(StreamHealth health) {
        synchronized (lock) {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO stream_health(tenant, stream, state, records, last_success, last_error, fix, updated)"
                            + " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(tenant, stream) DO UPDATE SET state=excluded.state,"
                            + " records=excluded.records, last_success=excluded.last_success,"
                            + " last_error=excluded.last_error, fix=excluded.fix, updated=excluded.updated")) {
                upsert.setString(1, health.id().tenant());
                upsert.setString(2, health.id().stream());
                upsert.setString(3, health.state().name());
                upsert.setLong(4, health.records());
                setNullableLong(upsert, 5, health.lastSuccess() == null ? null : health.lastSuccess().toEpochMilli());
                upsert.setString(6, health.lastError());
                upsert.setString(7, health.fix());
                upsert.setLong(8, clock.millis());
                upsert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreException("could not save the health of " + health.id() + ": " + e.getMessage(), e);
            }
        }
    }

    public List<StreamHealth> health() {
        synchronized (lock) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT tenant, stream, state, records, last_success, last_error, fix"
                         + " FROM stream_health ORDER BY tenant, stream")) {
                List<StreamHealth> all = new ArrayList<>();
                while (rs.next()) {
                    long success = rs.getLong(5);
                    all.add(new StreamHealth(new StreamId(rs.getString(1), rs.getString(2)),
                            StreamHealth.State.valueOf(rs.getString(3)), rs.getLong(4),
                            rs.wasNull() || success == 0 ? null : Instant.ofEpochMilli(success),
                            rs.getString(6), rs.getString(7)));
                }
                return all;
            } catch (SQLException e) {
                throw new StoreException("could not read stream health: " + e.getMessage(), e);
            }
        }
    }

    /** Records a time window that could not be read after every retry, so it can be replayed later. */
    public void recordSkippedWindow(SkippedWindow window) {
        execute("INSERT INTO skipped_windows(tenant, stream, window_start, window_end, error, recorded) VALUES (?,?,?,?,?,?)",
                window.id().tenant(), window.id().stream(), window.start().toString(), window.end().toString(),
                window.error(), clock.millis());
    }

    public List<SkippedWindow> skippedWindows() {
        synchronized (lock) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT tenant, stream, window_start, window_end, error FROM skipped_windows"
                         + " ORDER BY recorded")) {
                List<SkippedWindow> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(new SkippedWindow(new StreamId(rs.getString(1), rs.getString(2)),
                            Instant.parse(rs.getString(3)), Instant.parse(rs.getString(4)), rs.getString(5)));
                }
                return all;
            } catch (SQLException e) {
                throw new StoreException("could not read skipped windows: " + e.getMessage(), e);
            }
        }
    }

    public void forgetSkippedWindow(SkippedWindow window) {
        execute("DELETE FROM skipped_windows WHERE tenant=? AND stream=? AND window_start=? AND window_end=?",
                window.id().tenant(), window.id().stream(), window.start().toString(), window.end().toString());
    }

    /** Dead-letter payloads are kept up to this many characters: enough to see what was wrong with a line. */
    public static final int DEAD_LETTER_PAYLOAD_MAX = 64 * 1024;
    private static final int DEAD_LETTER_ERROR_MAX = 2_000;

    /**
     * Keeps a streamed record that could not be read, with where it came from. The payload is cut to
     * {@link #DEAD_LETTER_PAYLOAD_MAX} characters (its full length is kept); the same letter recorded twice
     * (a batch read again after a failed commit) is kept once.
     */
    public void recordDeadLetter(StreamId stream, String location, long offset, String error, String payload,
                                 Instant at) {
        execute("INSERT OR IGNORE INTO dead_letters(tenant, stream, location, source_offset, error, payload, payload_length,"
                        + " at, recorded) VALUES (?,?,?,?,?,?,?,?,?)",
                stream.tenant(), stream.stream(), location, offset, cut(error, DEAD_LETTER_ERROR_MAX),
                cut(payload, DEAD_LETTER_PAYLOAD_MAX), (long) payload.length(), at.toEpochMilli(), clock.millis());
    }

    /** The dead letters of a stream, oldest first, at most {@code limit}. */
    public List<StoredDeadLetter> deadLetters(StreamId stream, int limit) {
        synchronized (lock) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT location, source_offset, error, payload, payload_length, at FROM dead_letters"
                            + " WHERE tenant=? AND stream=? ORDER BY at, rowid LIMIT ?")) {
                select.setString(1, stream.tenant());
                select.setString(2, stream.stream());
                select.setInt(3, limit);
                List<StoredDeadLetter> all = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        all.add(new StoredDeadLetter(stream, rs.getString(1), rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getLong(5), Instant.ofEpochMilli(rs.getLong(6))));
                    }
                }
                return all;
            } catch (SQLException e) {
                throw new StoreException("could not read the dead letters of " + stream + ": " + e.getMessage(), e);
            }
        }
    }

    /** Deletes dead letters met longer than {@code maxAge} ago; returns how many were deleted. */
    public int applyDeadLetterRetention(Duration maxAge) {
        return deleteOlderThan("DELETE FROM dead_letters WHERE at < ?", maxAge, "could not apply retention to dead letters: ");
    }

    /** Cuts text to at most {@code max} characters without splitting a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** Deletes events whose time is older than {@code maxAge}; returns how many were deleted. */
    public int applyRetention(Duration maxAge) {
        return deleteOlderThan("DELETE FROM events WHERE time < ?", maxAge, "could not apply retention: ");
    }

    /** Runs {@code delete} (one epoch-millisecond cut-off parameter) in its own transaction. */
    private int deleteOlderThan(String delete, Duration maxAge, String failure) {
        long cutoff = clock.millis() - maxAge.toMillis();
        synchronized (lock) {
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                statement.setLong(1, cutoff);
                int deleted = statement.executeUpdate();
                connection.commit();
                return deleted;
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreException(failure + e.getMessage(), e);
            }
        }
    }

    public EventQueries queries() {
        return new EventQueries(connection, lock);
    }

    private void execute(String sql, Object... args) {
        synchronized (lock) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                statement.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreException("store update failed: " + e.getMessage(), e);
            }
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs to see.
        }
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("could not close the store: " + e.getMessage(), e);
            }
        }
    }
}
