package org.defenderconnector.store.browse;

import org.defenderconnector.store.StoreException;
import org.defenderconnector.store.StoredEvent;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the event store for people: filtered pages, one event, and exports. It has its own small pool
 * of query-only connections to the store file, so browsing runs in parallel with collection (SQLite in
 * WAL mode lets readers and the writer proceed together) and with other browsers. Each statement runs
 * in its own read snapshot; no connection holds a transaction open between calls.
 */
public final class EventBrowser implements AutoCloseable {
    /** Rows examined at most per page when a filter cannot be served by an index. */
    public static final int DEFAULT_SCAN_BUDGET = 20_000;
    public static final int MAX_PAGE = 500;
    private static final int EXPORT_CHUNK = 1_000;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final BlockingQueue<Connection> pool;
    private final List<Connection> all;
    private final int scanBudget;

    private EventBrowser(List<Connection> connections, int scanBudget) {
        this.all = List.copyOf(connections);
        this.pool = new ArrayBlockingQueue<>(connections.size(), false, connections);
        this.scanBudget = scanBudget;
    }

    /**
     * Opens {@code readers} connections to a store file the {@code EventStore} has already created,
     * adding the browsing indexes if missing (the first time on a big store this takes a while).
     */
    public static EventBrowser open(Path storeFile, int readers) {
        return open(storeFile, readers, DEFAULT_SCAN_BUDGET);
    }

    public static EventBrowser open(Path storeFile, int readers, int scanBudget) {
        String url = "jdbc:sqlite:" + storeFile.toAbsolutePath();
        List<Connection> connections = new ArrayList<>();
        try {
            try (Connection ddl = DriverManager.getConnection(url); Statement s = ddl.createStatement()) {
                s.execute("PRAGMA busy_timeout=30000");
                BrowseIndexes.ensure(ddl);
            }
            for (int i = 0; i < readers; i++) {
                Connection c = DriverManager.getConnection(url);
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout=10000");
                    s.execute("PRAGMA query_only=ON");
                }
                connections.add(c);
            }
            return new EventBrowser(connections, scanBudget);
        } catch (SQLException e) {
            connections.forEach(EventBrowser::closeQuietly);
            throw new StoreException("cannot open the event store at " + storeFile + " for browsing: " + e.getMessage(), e);
        }
    }

    /** One page of matching events, newest first, starting after {@code after} (null: the newest). */
    public EventPage page(EventFilter filter, PageCursor after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        boolean sifting = BrowseQuery.summaries(filter, after, 1).sifting;
        // Without sift conditions every row is a hit and size + 1 rows tell whether more exist. With them,
        // at most `budget` rows are examined; one row more tells whether the search could go on.
        int budget = sifting ? Math.max(scanBudget, size) : Integer.MAX_VALUE;
        BrowseQuery query = BrowseQuery.summaries(filter, after, sifting ? budget + 1 : size + 1);
        return withConnection(c -> {
            List<Row> rows = new ArrayList<>();
            PageCursor next = null;
            int scanned = 0;
            boolean complete = true;
            try (PreparedStatement s = prepare(c, query.sql, query.args); ResultSet rs = s.executeQuery()) {
                PageCursor lastScanned = null;
                while (rs.next()) {
                    if (scanned == budget) {
                        next = lastScanned;
                        complete = false;
                        break;
                    }
                    if (rs.getInt(9) == 1) {
                        if (rows.size() == size) {
                            Row last = rows.get(rows.size() - 1);
                            next = new PageCursor(last.time(), last.uid());
                            break;
                        }
                        rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), (Number) rs.getObject(7), (Number) rs.getObject(8)));
                    }
                    scanned++;
                    lastScanned = new PageCursor(rs.getLong(2), rs.getString(1));
                }
            }
            return new EventPage(summaries(c, rows), next, scanned, complete);
        });
    }

    /** The summary columns of one listed event, before its JSON details are looked up. */
    private record Row(String uid, long time, String tenant, String stream, String kind, String naturalId, Number classUid,
                       Number severityId) {
    }

    /**
     * Device and title of the listed events in one statement: a primary-key look-up per row and one JSON
     * parse each, only for the rows shown (never for rows a filter examined and skipped).
     */
    private static List<EventSummary> summaries(Connection c, List<Row> rows) throws SQLException {
        java.util.Map<String, String[]> details = new java.util.HashMap<>();
        if (!rows.isEmpty()) {
            String marks = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
            try (PreparedStatement s = prepare(c, "SELECT uid, " + BrowseQuery.DETAILS
                    + " FROM events WHERE uid IN (" + marks + ")", rows.stream().map(r -> (Object) r.uid()).toList());
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    details.put(rs.getString(1), firstOfEach(rs.getString(2)));
                }
            }
        }
        List<EventSummary> summaries = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String[] d = details.getOrDefault(r.uid(), new String[2]);
            summaries.add(new EventSummary(r.uid(), Instant.ofEpochMilli(r.time()), r.tenant(), r.stream(), r.kind(),
                    r.naturalId(), r.classUid() == null ? null : r.classUid().intValue(),
                    r.severityId() == null ? null : r.severityId().intValue(), d[0], d[1]));
        }
        return summaries;
    }

    /** One stored event, raw and OCSF. */
    public Optional<StoredEvent> event(String uid) {
        return withConnection(c -> {
            try (PreparedStatement s = prepare(c, "SELECT uid, tenant, stream, kind, natural_id, time, raw, ocsf"
                    + " FROM events WHERE uid = ?", List.of(uid)); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        });
    }

    /** Receives exported events one by one; may throw to stop the export (client went away). */
    @FunctionalInterface
    public interface ExportSink {
        void accept(StoredEvent event) throws Exception;
    }

    /**
     * Every event matching the filter, newest first, at most {@code max}. Read in chunks of a thousand,
     * each its own short snapshot, so an export of millions neither holds a connection nor pins the WAL.
     * Returns how many were exported.
     */
    public long export(EventFilter filter, long max, ExportSink sink) throws Exception {
        long exported = 0;
        PageCursor after = null;
        while (exported < max) {
            int chunk = (int) Math.min(EXPORT_CHUNK, max - exported);
            PageCursor from = after;
            List<StoredEvent> events = withConnection(c -> {
                BrowseQuery query = BrowseQuery.fullEvents(filter, from, chunk);
                List<StoredEvent> rows = new ArrayList<>(chunk);
                try (PreparedStatement s = prepare(c, query.sql, query.args); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(stored(rs));
                    }
                }
                return rows;
            });
            for (StoredEvent event : events) {
                sink.accept(event);
            }
            exported += events.size();
            if (events.size() < chunk) {
                break;
            }
            StoredEvent last = events.get(events.size() - 1);
            after = new PageCursor(last.timeMillis(), last.uid());
        }
        return exported;
    }

    /** The newest event time per stream of one tenant: how fresh each stream's data is. */
    public java.util.Map<String, Instant> newestPerStream(String tenant) {
        return withConnection(c -> {
            java.util.Map<String, Instant> result = new java.util.LinkedHashMap<>();
            try (PreparedStatement s = prepare(c, "SELECT stream, MAX(time) FROM events INDEXED BY "
                    + BrowseIndexes.BY_TENANT_STREAM + " WHERE tenant = ? GROUP BY stream", List.of(tenant));
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
            return result;
        });
    }

    /** Stored events per stream of one tenant. */
    public java.util.Map<String, Long> countPerStream(String tenant) {
        return withConnection(c -> {
            java.util.Map<String, Long> result = new java.util.LinkedHashMap<>();
            try (PreparedStatement s = prepare(c, "SELECT stream, COUNT(*) FROM events INDEXED BY "
                    + BrowseIndexes.BY_TENANT_STREAM + " WHERE tenant = ? GROUP BY stream", List.of(tenant));
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getLong(2));
                }
            }
            return result;
        });
    }

    /** The SQLite query plan of a page query, for tests that guard against plans that sort. */
    List<String> plan(EventFilter filter, PageCursor after, int limit) {
        BrowseQuery query = BrowseQuery.summaries(filter, after, limit);
        return withConnection(c -> {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "EXPLAIN QUERY PLAN " + query.sql, query.args);
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(4));
                }
            }
            return lines;
        });
    }

    /** True while a trivial query answers: part of {@code /readyz}. */
    public boolean isHealthy() {
        try {
            return withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM events LIMIT 1")) {
                    return true;
                }
            });
        } catch (StoreException e) {
            return false;
        }
    }

    /** [device, title] from the six candidates of {@link BrowseQuery#DETAILS}. */
    private static String[] firstOfEach(String jsonArray) {
        String[] result = new String[2];
        if (jsonArray == null) {
            return result;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode values = JSON.readTree(jsonArray);
            for (int i = 0; i < 6; i++) {
                com.fasterxml.jackson.databind.JsonNode v = values.path(i);
                if (!v.isNull() && !v.isMissingNode() && result[i / 3] == null) {
                    result[i / 3] = v.isTextual() ? v.asText() : v.toString();
                }
            }
        } catch (java.io.IOException e) {
            // SQLite built this array; if it ever cannot be read, the list just shows no device or title.
        }
        return result;
    }

    private static StoredEvent stored(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getString(8));
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
        return s;
    }

    @FunctionalInterface
    private interface WithConnection<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T withConnection(WithConnection<T> work) {
        Connection c;
        try {
            c = pool.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a store connection", e);
        }
        if (c == null) {
            throw new StoreException("every store connection stayed busy for 30 s; try again", null);
        }
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("event query failed: " + e.getMessage(), e);
        } finally {
            pool.add(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing after a failure: the original error is the one to report.
        }
    }

    @Override
    public void close() {
        all.forEach(EventBrowser::closeQuietly);
    }
}
