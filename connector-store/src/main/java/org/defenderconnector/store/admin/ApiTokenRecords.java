package org.defenderconnector.store.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores API tokens by hash. */
public final class ApiTokenRecords {
    private static final String COLUMNS = "id, name, token_hash, role, created_by, created, last_used";
    private final AdminDatabase db;

    public ApiTokenRecords(AdminDatabase db) {
        this.db = db;
    }

    public void create(ApiTokenRecord token) {
        db.update("INSERT INTO api_tokens(" + COLUMNS + ") VALUES (?,?,?,?,?,?,?)", token.id(), token.name(),
                token.tokenHash(), token.role(), token.createdBy(), token.created().toEpochMilli(),
                token.lastUsed() == null ? null : token.lastUsed().toEpochMilli());
    }

    public Optional<ApiTokenRecord> findByHash(String tokenHash) {
        return db.queryOne("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash=?", ApiTokenRecords::read, tokenHash);
    }

    public List<ApiTokenRecord> list() {
        return db.query("SELECT " + COLUMNS + " FROM api_tokens ORDER BY created, id", ApiTokenRecords::read);
    }

    public boolean delete(String id) {
        return db.update("DELETE FROM api_tokens WHERE id=?", id) == 1;
    }

    public void touch(String id, Instant when) {
        db.update("UPDATE api_tokens SET last_used=? WHERE id=?", when.toEpochMilli(), id);
    }

    private static ApiTokenRecord read(ResultSet rs) throws SQLException {
        Object lastUsed = rs.getObject(7);
        return new ApiTokenRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                lastUsed == null ? null : Instant.ofEpochMilli(((Number) lastUsed).longValue()));
    }
}
