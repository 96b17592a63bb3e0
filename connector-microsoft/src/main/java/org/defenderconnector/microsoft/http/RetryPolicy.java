package org.defenderconnector.microsoft.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How one request is retried by the client before the failure goes up to the source.
 *
 * @param maxAttempts       attempts per request for 5xx, timeouts and broken bodies (first try included)
 * @param initialBackoff    the first backoff; doubled per attempt, with full jitter
 * @param maxBackoff        the cap of one backoff
 * @param maxThrottleRetries how many 429s one request may wait out before giving up
 * @param maxRetryAfter     the longest Retry-After the client waits in place; longer ones go up as a
 *                          retryable failure so the engine's backoff takes over instead of a blocked thread
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, int maxThrottleRetries,
                          Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Backoff before attempt {@code failures + 1}: between half and all of initial x 2^(failures-1), capped. */
    public Duration backoff(int failures) {
        long initial = Math.max(1, initialBackoff.toMillis());
        long base = initial << Math.min(Math.max(failures - 1, 0), 20);
        long ceiling = Math.min(maxBackoff.toMillis(), base);
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
