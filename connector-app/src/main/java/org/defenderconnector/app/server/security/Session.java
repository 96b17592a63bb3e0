package org.defenderconnector.app.server.security;

import java.time.Instant;

/**
 * A console login. The session id itself is only in the user's cookie; the server keys sessions by its hash.
 *
 * @param csrfToken the synchronizer token the console must echo in {@code X-CSRF-Token} on every change
 */
public record Session(String username, Role role, String csrfToken, Instant created, Instant lastSeen) {
    Session seenAt(Instant now) {
        return new Session(username, role, csrfToken, created, now);
    }

    @Override
    public String toString() {
        return "Session[" + username + ", " + role.id() + "]";
    }
}
