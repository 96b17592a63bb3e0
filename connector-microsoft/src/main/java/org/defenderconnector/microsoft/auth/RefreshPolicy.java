package org.defenderconnector.microsoft.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * When a cached token is renewed: once less than 10% of its lifetime is left, but never later than
 * 5 minutes before expiry. Entra's access tokens live 60–90 minutes (not a fixed hour), so the margin
 * follows the real lifetime; with the emulator's short test lifetimes the 10% rule keeps one token
 * per lifetime instead of renewing on every call.
 */
public record RefreshPolicy(double fraction, Duration maxMargin) {
    public static final RefreshPolicy DEFAULT = new RefreshPolicy(0.10, Duration.ofMinutes(5));

    public RefreshPolicy {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("fraction must be in [0,1)");
        }
    }

    /** The instant from which {@code token} should be replaced. */
    public Instant refreshAt(AccessToken token) {
        Duration lifetime = token.lifetime();
        if (lifetime.isNegative()) {
            lifetime = Duration.ZERO;
        }
        Duration margin = Duration.ofMillis((long) (lifetime.toMillis() * fraction));
        if (margin.compareTo(maxMargin) > 0) {
            margin = maxMargin;
        }
        return token.expiresOn().minus(margin);
    }

    public boolean needsRefresh(AccessToken token, Instant now) {
        return !now.isBefore(refreshAt(token));
    }
}
