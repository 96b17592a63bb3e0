package org.defenderconnector.app.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one username within the
 * window, that username is locked for the window's length. Counting per username (not per address)
 * also covers guessing spread over many addresses; the lock is temporary so it cannot lock an admin
 * out for good.
 */
public final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(int count, Instant first) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until the next attempt is allowed, or 0 when allowed now. */
    public long retryAfterSeconds(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.count() < MAX_FAILURES) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), f.first().plus(WINDOW));
        if (left.isNegative() || left.isZero()) {
            failures.remove(key(username));
            return 0;
        }
        return Math.max(1, left.toSeconds());
    }

    public void failed(String username) {
        Instant now = clock.instant();
        failures.compute(key(username), (k, f) -> f == null || f.first().plus(WINDOW).isBefore(now)
                ? new Failures(1, now) : new Failures(f.count() + 1, f.first()));
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
