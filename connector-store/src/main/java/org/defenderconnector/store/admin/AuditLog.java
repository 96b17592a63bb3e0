package org.defenderconnector.store.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The append-only log of configuration changes. */
public final class AuditLog {
    private final AdminDatabase db;
    private final Clock clock;

    public AuditLog(AdminDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detailsJson) {
        db.update("INSERT INTO audit_log(time, actor, action, target, details) VALUES (?,?,?,?,?)", clock.millis(),
                actor, action, target, detailsJson);
    }

    /** Newest first; {@code beforeId} (exclusive) pages further back, null starts at the newest. */
    public List<AuditEntry> page(Long beforeId, int limit) {
        return db.query("SELECT id, time, actor, action, target, details FROM audit_log WHERE id < ?"
                        + " ORDER BY id DESC LIMIT ?",
                rs -> new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)),
                beforeId == null ? Long.MAX_VALUE : beforeId, limit);
    }
}
