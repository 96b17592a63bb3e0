package org.defenderconnector.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores users. Usernames are unique regardless of case. */
public final class UserAccounts {
    private static final String COLUMNS = "username, password_hash, role, created, updated";
    private final AdminDatabase db;

    public UserAccounts(AdminDatabase db) {
        this.db = db;
    }

    public long count() {
        return db.queryOne("SELECT COUNT(*) FROM users", rs -> rs.getLong(1)).orElse(0L);
    }

    public Optional<UserAccount> find(String username) {
        return db.queryOne("SELECT " + COLUMNS + " FROM users WHERE username=?", UserAccounts::read, username);
    }

    public List<UserAccount> list() {
        return db.query("SELECT " + COLUMNS + " FROM users ORDER BY username", UserAccounts::read);
    }

    /** False when the name is taken. */
    public boolean create(UserAccount user) {
        return db.update("INSERT OR IGNORE INTO users(" + COLUMNS + ") VALUES (?,?,?,?,?)", user.username(),
                user.passwordHash(), user.role(), user.created().toEpochMilli(), user.updated().toEpochMilli()) == 1;
    }

    public boolean updatePassword(String username, String passwordHash, Instant now) {
        return db.update("UPDATE users SET password_hash=?, updated=? WHERE username=?", passwordHash,
                now.toEpochMilli(), username) == 1;
    }

    public boolean updateRole(String username, String role, Instant now) {
        return db.update("UPDATE users SET role=?, updated=? WHERE username=?", role, now.toEpochMilli(), username) == 1;
    }

    public boolean delete(String username) {
        return db.update("DELETE FROM users WHERE username=?", username) == 1;
    }

    public long countWithRole(String role) {
        return db.queryOne("SELECT COUNT(*) FROM users WHERE role=?", rs -> rs.getLong(1), role).orElse(0L);
    }

    private static UserAccount read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
