package org.defenderconnector.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Jittered exponential backoff between failed cycles ("full jitter"): spreads retries of many
 * streams so a tenant-wide outage does not end in a synchronized retry storm.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    public Duration delay(int consecutiveFailures) {
        long cap = max.toMillis();
        long base = initial.toMillis() << Math.min(Math.max(consecutiveFailures - 1, 0), 20);
        long ceiling = Math.min(cap, Math.max(base, initial.toMillis()));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
