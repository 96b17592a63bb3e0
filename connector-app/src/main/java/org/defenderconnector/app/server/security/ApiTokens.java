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

    /** Tokens seen recently, by hash, so automation polling the API does not query the database each time. */
    private record Cached(ApiTokenRecord record, Instant fetched) {
    }

    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final ApiTokenRecords records;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

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
        String hash = RandomTokens.sha256(token);
        Instant now = clock.instant();
        Cached cached = recent.get(hash);
        Optional<ApiTokenRecord> found;
        if (cached != null && cached.fetched().plus(CACHE_FOR).isAfter(now)) {
            found = Optional.of(cached.record());
        } else {
            found = records.findByHash(hash);
            found.ifPresentOrElse(r -> recent.put(hash, new Cached(r, now)), () -> recent.remove(hash));
        }
        found.ifPresent(r -> touch(hash, r, now));
        return found.map(r -> new Principal("token:" + r.name(), Role.fromId(r.role()), null));
    }

    public List<ApiTokenRecord> list() {
        return records.list();
    }

    public boolean revoke(String id, String actor) {
        boolean removed = records.delete(id);
        // Revocation takes effect at once, cache or not.
        recent.values().removeIf(c -> c.record().id().equals(id));
        if (removed) {
            audit.record(actor, "token.revoke", id, Map.of());
        }
        return removed;
    }

    private void touch(String hash, ApiTokenRecord record, Instant now) {
        // Recording every request would turn each read into a write; a minute's precision is enough.
        if (record.lastUsed() == null || record.lastUsed().plus(TOUCH_EVERY).isBefore(now)) {
            records.touch(record.id(), now);
            ApiTokenRecord touched = new ApiTokenRecord(record.id(), record.name(), record.tokenHash(), record.role(),
                    record.createdBy(), record.created(), now);
            recent.computeIfPresent(hash, (k, c) -> new Cached(touched, c.fetched()));
        }
    }
}
