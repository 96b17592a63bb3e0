package org.defenderconnector.app.server.security;

import org.defenderconnector.app.server.audit.AuditTrail;
import org.defenderconnector.store.admin.ApiTokenRecord;
import org.defenderconnector.store.admin.ApiTokenRecords;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API tokens for automation ({@code Authorization: Bearer dct_...}). A token is shown once when created;
 * only its SHA-256 is stored, so a copy of the database does not give access.
 */
public final class ApiTokens {
    public static final String PREFIX = "dct_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A token just created: the value is only ever available here. */
    public record Issued(ApiTokenRecord record, String token) {
        @Override
        public String toString() {
            return "Issued[" + record + "]";
        }
    }

    private final ApiTokenRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiTokens(ApiTokenRecords records, AuditTrail audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    public Issued issue(String name, Role role, String actor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name: give the token a name of 1 to 100 characters (what uses it)");
        }
        String token = PREFIX + RandomTokens.next(32);
        ApiTokenRecord record = new ApiTokenRecord(RandomTokens.next(9), name.strip(), RandomTokens.sha256(token),
                role.id(), actor, clock.instant(), null);
        records.create(record);
        audit.record(actor, "token.create", record.id(), Map.of("name", record.name(), "role", role.id()));
        return new Issued(record, token);
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiTokenRecord> found = records.findByHash(RandomTokens.sha256(token));
        found.ifPresent(this::touch);
        return found.map(r -> new Principal("token:" + r.name(), Role.fromId(r.role()), null));
    }

    public List<ApiTokenRecord> list() {
        return records.list();
    }

    public boolean revoke(String id, String actor) {
        boolean removed = records.delete(id);
        if (removed) {
            audit.record(actor, "token.revoke", id, Map.of());
        }
        return removed;
    }

    private void touch(ApiTokenRecord record) {
        // Recording every request would turn each read into a write; a minute's precision is enough.
        Instant now = clock.instant();
        if (record.lastUsed() == null || record.lastUsed().plus(TOUCH_EVERY).isBefore(now)) {
            records.touch(record.id(), now);
        }
    }
}
