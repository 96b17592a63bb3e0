package org.defenderconnector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only questions about stored events: counts for summaries, and look-ups for tests and the API. */
public final class EventQueries {
    private final Connection connection;
    private final Object lock;

    EventQueries(Connection connection, Object lock) {
        this.connection = connection;
        this.lock = lock;
    }

    /** Number of stored event versions per stream of a tenant (all tenants when tenant is null). */
    public Map<String, Long> countByStream(String tenant) {
        return countBy("stream", tenant);
    }

    /** Number of stored event versions per OCSF class uid ("none" when not normalized). */
    public Map<String, Long> countByOcsfClass(String tenant) {
        return countBy("COALESCE(CAST(class_uid AS TEXT), 'none')", tenant);
    }

    /** Number of distinct entities (newest versions) per stream. */
    public Map<String, Long> countLatestByStream(String tenant) {
        String sql = "SELECT stream, COUNT(*) FROM latest_events" + (tenant == null ? "" : " WHERE tenant=?")
                + " GROUP BY stream ORDER BY stream";
        return groupCount(sql, tenant);
    }

    public long count(String tenant, String stream) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT COUNT(*) FROM events WHERE tenant=? AND stream=?")) {
                s.setString(1, tenant);
                s.setString(2, stream);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw new StoreException("count failed: " + e.getMessage(), e);
            }
        }
    }

    /** Natural ids and how many versions each has, for one stream: the duplicate/loss checks use this. */
    public Map<String, Long> versionsPerEntity(String tenant, String stream) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT natural_id, COUNT(*) FROM events WHERE tenant=? AND stream=? GROUP BY natural_id")) {
                s.setString(1, tenant);
                s.setString(2, stream);
                Map<String, Long> result = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new StoreException("query failed: " + e.getMessage(), e);
            }
        }
    }

    /** Stored events of one stream in time order (raw and OCSF), at most {@code limit}. */
    public List<StoredEvent> events(String tenant, String stream, int limit) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT uid, tenant, stream, kind, natural_id, time, raw, ocsf FROM events"
                            + " WHERE tenant=? AND stream=? ORDER BY time, uid LIMIT ?")) {
                s.setString(1, tenant);
                s.setString(2, stream);
                s.setInt(3, limit);
                List<StoredEvent> result = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.add(new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new StoreException("query failed: " + e.getMessage(), e);
            }
        }
    }

    private Map<String, Long> countBy(String expression, String tenant) {
        String sql = "SELECT " + expression + ", COUNT(*) FROM events" + (tenant == null ? "" : " WHERE tenant=?")
                + " GROUP BY 1 ORDER BY 1";
        return groupCount(sql, tenant);
    }

    private Map<String, Long> groupCount(String sql, String tenant) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                if (tenant != null) {
                    s.setString(1, tenant);
                }
                Map<String, Long> result = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new StoreException("query failed: " + e.getMessage(), e);
            }
        }
    }
}
