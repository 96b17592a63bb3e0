package org.defenderconnector.microsoft.http;

import java.time.Duration;

/**
 * Waits. The real one sleeps; tests pass one that records what it was asked to wait, so they can
 * assert that Retry-After was honoured without measuring time.
 */
@FunctionalInterface
public interface Pause {
    Pause SLEEP = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    };

    void pause(Duration duration) throws InterruptedException;
}
