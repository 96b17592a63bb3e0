package org.defenderconnector.app.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, in memory: a restart signs everyone out, which is acceptable for an admin console
 * and means no session secret is ever written to disk. Sessions end after an hour without requests or
 * twelve hours in all, whichever comes first.
 */
public final class Sessions {
    public static final Duration IDLE = Duration.ofHours(1);
    public static final Duration ABSOLUTE = Duration.ofHours(12);

    /** A new session: the id goes into the cookie, the session (with its CSRF token) stays here. */
    public record Started(String id, Session session) {
        @Override
        public String toString() {
            return "Started[" + session + "]";
        }
    }

    private final Map<String, Session> byIdHash = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Started start(String username, Role role) {
        Instant now = clock.instant();
        String id = RandomTokens.next(32);
        Session session = new Session(username, role, RandomTokens.next(32), now, now);
        byIdHash.put(RandomTokens.sha256(id), session);
        return new Started(id, session);
    }

    /** The live session for a cookie value, refreshing its idle timer; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String key = RandomTokens.sha256(id);
        Instant now = clock.instant();
        Session found = byIdHash.computeIfPresent(key, (k, s) -> expired(s, now) ? null : s.seenAt(now));
        return Optional.ofNullable(found);
    }

    public void end(String id) {
        if (id != null) {
            byIdHash.remove(RandomTokens.sha256(id));
        }
    }

    /** Ends every session of a user (password changed, user deleted, role changed). */
    public void endAllOf(String username) {
        byIdHash.values().removeIf(s -> s.username().equalsIgnoreCase(username));
    }

    public int size() {
        byIdHash.values().removeIf(s -> expired(s, clock.instant()));
        return byIdHash.size();
    }

    private static boolean expired(Session s, Instant now) {
        return s.lastSeen().plus(IDLE).isBefore(now) || s.created().plus(ABSOLUTE).isBefore(now);
    }
}
