package org.defenderconnector.emulator.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Call quotas per application per tenant per bucket, over sliding windows of one minute and one hour on the
 * emulator clock. A refused call is not counted (the docs: resubmitting early just gets 429 again), and the wait
 * it reports is until the oldest counted call leaves the exceeded window.
 */
public final class RateLimits {

    /** What a refusal says: which limit, and when to retry. */
    public record Refusal(LimitBucket bucket, String window, int limit, Duration retryAfter) {
    }

    private final Clock clock;
    private final Map<LimitBucket, RateLimitSettings.Limit> limits = new EnumMap<>(LimitBucket.class);
    private final Map<String, Deque<Instant>> calls = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    public RateLimits(RateLimitSettings settings, Clock clock) {
        this.clock = clock;
        for (LimitBucket bucket : LimitBucket.values()) {
            limits.put(bucket, new RateLimitSettings.Limit(bucket.documentedPerMinute(), bucket.documentedPerHour()));
        }
        settings.buckets().forEach((key, limit) -> limits.put(LimitBucket.byKey(key), limit));
        this.enabled = settings.enabled();
    }

    /** Turns every quota on or off (counters keep running only while on). */
    public void setEnabled(boolean on) {
        this.enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Sets a bucket's limits; null = no limit for that window. */
    public synchronized void set(LimitBucket bucket, Integer perMinute, Integer perHour) {
        limits.put(bucket, new RateLimitSettings.Limit(perMinute, perHour));
    }

    public synchronized RateLimitSettings.Limit limit(LimitBucket bucket) {
        return limits.get(bucket);
    }

    /** Restores the documented numbers of every bucket. */
    public synchronized void documented() {
        for (LimitBucket bucket : LimitBucket.values()) {
            limits.put(bucket, new RateLimitSettings.Limit(bucket.documentedPerMinute(), bucket.documentedPerHour()));
        }
    }

    /** Forgets every counted call. */
    public void reset() {
        calls.clear();
    }

    /** Counts a call, or says why it is refused. */
    public Optional<Refusal> acquire(String tenantId, String clientId, LimitBucket bucket, String family) {
        if (!enabled) {
            return Optional.empty();
        }
        RateLimitSettings.Limit limit = limit(bucket);
        Deque<Instant> log = calls.computeIfAbsent(tenantId + " " + clientId + " " + bucket + " " + family,
                key -> new ArrayDeque<>());
        Instant now = clock.instant();
        synchronized (log) {
            Instant hourAgo = now.minus(Duration.ofHours(1));
            while (!log.isEmpty() && !log.peekFirst().isAfter(hourAgo)) {
                log.pollFirst();
            }
            if (limit.perMinute() != null) {
                Instant minuteAgo = now.minus(Duration.ofMinutes(1));
                int inMinute = 0;
                Instant oldestInMinute = null;
                for (var it = log.descendingIterator(); it.hasNext(); ) {
                    Instant call = it.next();
                    if (!call.isAfter(minuteAgo)) {
                        break;
                    }
                    inMinute++;
                    oldestInMinute = call;
                }
                if (inMinute >= limit.perMinute()) {
                    return Optional.of(new Refusal(bucket, "minute", limit.perMinute(),
                            Duration.between(now, oldestInMinute.plus(Duration.ofMinutes(1)))));
                }
            }
            if (limit.perHour() != null && log.size() >= limit.perHour()) {
                return Optional.of(new Refusal(bucket, "hour", limit.perHour(),
                        Duration.between(now, log.peekFirst().plus(Duration.ofHours(1)))));
            }
            log.addLast(now);
            return Optional.empty();
        }
    }
}
