package org.defenderconnector.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store file as another process sees it: opened read-only with plain JDBC, so a test can look at
 * what a running (or killed) connector made durable without going through the connector's own code.
 */
final class StoredEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    StoredEvents(Path file) {
        this.file = file;
    }

    /** One stored event: its uid, natural id, raw record and OCSF form (null when not normalized). */
    record Row(String uid, String naturalId, String raw, String ocsf) {
        JsonNode rawJson() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                throw new AssertionError("stored raw record is not JSON: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Every stored version of a stream as {@code id@version}, one entry per stored event (a list, so a
     * duplicate shows twice). The version is the record's last-update field read as an instant.
     */
    List<String> versions(String stream, String versionField) {
        List<String> keys = new ArrayList<>();
        each(stream, row -> {
            JsonNode raw = row.rawJson();
            String version = raw.path(versionField).asText(null);
            keys.add(row.naturalId() + "@" + (version == null ? "none" : Instant.parse(version)));
        });
        return keys;
    }

    /** The natural id of every stored event of a stream, one entry per event. */
    List<String> naturalIds(String stream) {
        List<String> ids = new ArrayList<>();
        each(stream, row -> ids.add(row.naturalId()));
        return ids;
    }

    long count(String stream) {
        return single("SELECT COUNT(*) FROM events WHERE tenant=? AND stream=?", stream);
    }

    long withoutOcsf() {
        return single("SELECT COUNT(*) FROM events WHERE ocsf IS NULL", null);
    }

    /** The raw record the {@code latest_events} view shows for an entity. */
    Optional<JsonNode> latest(String stream, String naturalId) {
        return query("SELECT uid, natural_id, raw, ocsf FROM latest_events WHERE tenant=? AND stream=? AND natural_id=?",
                List.of(ConnectorYaml.TENANT, stream, naturalId)).stream().findFirst().map(Row::rawJson);
    }

    /** The committed position of a stream, as the JSON the store keeps. */
    Optional<JsonNode> position(String stream) {
        List<String> texts = new ArrayList<>();
        withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT position FROM positions WHERE tenant=? AND stream=?")) {
                s.setString(1, ConnectorYaml.TENANT);
                s.setString(2, stream);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        texts.add(rs.getString(1));
                    }
                }
            }
        });
        return texts.stream().findFirst().map(t -> {
            try {
                return JSON.readTree(t);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** A recorded skipped window: [start, end) of a stream. */
    record Window(String stream, Instant start, Instant end) {
        boolean contains(Instant time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }

    List<Window> skippedWindows() {
        List<Window> windows = new ArrayList<>();
        withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT stream, window_start, window_end FROM skipped_windows");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    windows.add(new Window(rs.getString(1), Instant.parse(rs.getString(2)), Instant.parse(rs.getString(3))));
                }
            }
        });
        return windows;
    }

    /** Events per stream. */
    Map<String, Long> countByStream() {
        Map<String, Long> counts = new LinkedHashMap<>();
        withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT stream, COUNT(*) FROM events GROUP BY stream ORDER BY stream");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        });
        return counts;
    }

    void each(String stream, Consumer<Row> consumer) {
        query("SELECT uid, natural_id, raw, ocsf FROM events WHERE tenant=? AND stream=? ORDER BY uid",
                List.of(ConnectorYaml.TENANT, stream)).forEach(consumer);
    }

    private List<Row> query(String sql, List<String> args) {
        List<Row> rows = new ArrayList<>();
        withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    s.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        });
        return rows;
    }

    private long single(String sql, String stream) {
        long[] result = new long[1];
        withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (stream != null) {
                    s.setString(1, ConnectorYaml.TENANT);
                    s.setString(2, stream);
                }
                try (ResultSet rs = s.executeQuery()) {
                    result[0] = rs.next() ? rs.getLong(1) : 0;
                }
            }
        });
        return result[0];
    }

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** The store creates its tables one by one, skipped_windows last. */
    private static boolean schemaCreated(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='skipped_windows'");
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getLong(1) == 1;
        }
    }

    private void withConnection(Work work) {
        if (!Files.exists(file)) {
            return;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            if (!schemaCreated(connection)) {
                return; // the connector is still creating its tables: nothing stored yet
            }
            work.run(connection);
        } catch (SQLException e) {
            throw new AssertionError("cannot read the store " + file + ": " + e.getMessage(), e);
        }
    }
}
