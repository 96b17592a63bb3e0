package org.defenderconnector.microsoft.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The call budget of one tenant, shared by all of its streams. Microsoft counts calls per app and
 * tenant over a minute and over an hour; rather than call and be told 429, a caller takes a permit
 * first and waits for one when the budget is used up. Waiting is bounded: a permit further away
 * than {@code maxWait} fails at once with a retryable error, so a poll never hangs for an hour.
 *
 * <p>Counting is an exact sliding log of the calls of the last hour (at most a few thousand
 * timestamps per family). A permit granted for a future instant is logged at that instant, which
 * keeps permits in order and the windows honest while callers sleep.
 */
public final class RateBudget {
    private static final Logger LOG = LoggerFactory.getLogger(RateBudget.class);
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    private final String tenant;
    private final Map<ApiFamily, CallLog> logs = new EnumMap<>(ApiFamily.class);
    private final Duration maxWait;
    private final Clock clock;
    private final Pause pause;

    public RateBudget(String tenant, Map<ApiFamily, RateLimit> limits, Duration maxWait, Clock clock, Pause pause) {
        this.tenant = tenant;
        this.maxWait = maxWait;
        this.clock = clock;
        this.pause = pause;
        for (ApiFamily family : ApiFamily.values()) {
            logs.put(family, new CallLog(limits.getOrDefault(family, family.documentedLimit())));
        }
    }

    /** The documented limits of every family; waits up to a little over a minute for a permit. */
    public static RateBudget documented(String tenant) {
        return new RateBudget(tenant, Map.of(), Duration.ofSeconds(65), Clock.systemUTC(), Pause.SLEEP);
    }

    public String tenant() {
        return tenant;
    }

    /**
     * Takes one permit for a call of {@code family}, waiting for it if needed.
     *
     * @throws ApiException (retryable, kind THROTTLED) when the next permit is further away than the max wait
     */
    public void acquire(ApiFamily family) throws ApiException {
        long waitMillis;
        synchronized (this) {
            CallLog log = logs.get(family);
            long now = clock.millis();
            long slot = log.earliestSlot(now);
            waitMillis = slot - now;
            if (waitMillis > maxWait.toMillis()) {
                throw new ApiException(ApiException.Kind.THROTTLED, 0, "tenant " + tenant + ": the "
                        + family.displayName() + " budget (" + log.limit + ") is used up for the next "
                        + Duration.ofMillis(waitMillis).toSeconds() + " s; the stream resumes when calls are free again",
                        true, null, null, null);
            }
            log.record(slot);
        }
        if (waitMillis > 0) {
            LOG.debug("tenant {}: waiting {} ms for a {} permit", tenant, waitMillis, family.displayName());
            try {
                pause.pause(Duration.ofMillis(waitMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(ApiException.Kind.THROTTLED, 0, "interrupted while waiting for a "
                        + family.displayName() + " permit", true, null, null, e);
            }
        }
    }

    /**
     * How long a call of {@code family} would wait for its permit now, without taking it: lets a
     * caller that can do something better than block (defer to its next poll) decide before calling.
     */
    public synchronized Duration waitFor(ApiFamily family) {
        long now = clock.millis();
        return Duration.ofMillis(Math.max(0, logs.get(family).earliestSlot(now) - now));
    }

    /** After a 429, stop handing out permits for the family until {@code until} (Retry-After). */
    public synchronized void holdOff(ApiFamily family, Instant until) {
        CallLog log = logs.get(family);
        log.holdOffUntil = Math.max(log.holdOffUntil, until.toEpochMilli());
    }

    /** Calls made (or granted) in the last minute and hour, per family. */
    public synchronized Map<ApiFamily, BudgetUsage> usage() {
        long now = clock.millis();
        Map<ApiFamily, BudgetUsage> usage = new EnumMap<>(ApiFamily.class);
        for (Map.Entry<ApiFamily, CallLog> e : logs.entrySet()) {
            CallLog log = e.getValue();
            log.prune(now);
            usage.put(e.getKey(), new BudgetUsage(e.getKey(), log.limit, log.countAfter(now - MINUTE),
                    log.countAfter(now - HOUR)));
        }
        return usage;
    }

    /** The sliding log of one family's calls (epoch millis, ascending). */
    private static final class CallLog {
        final RateLimit limit;
        final ArrayDeque<Long> calls = new ArrayDeque<>();
        long holdOffUntil;

        CallLog(RateLimit limit) {
            this.limit = limit;
        }

        void prune(long now) {
            while (!calls.isEmpty() && calls.peekFirst() <= now - HOUR) {
                calls.pollFirst();
            }
        }

        /** The earliest instant at or after now when one more call fits both windows. */
        long earliestSlot(long now) {
            prune(now);
            long slot = Math.max(now, holdOffUntil);
            if (!calls.isEmpty()) {
                slot = Math.max(slot, calls.peekLast());
            }
            // A call at t fits the minute window when the perMinute-th most recent call is at or before t - 1 min.
            slot = Math.max(slot, nthMostRecent(limit.perMinute()) + MINUTE);
            slot = Math.max(slot, nthMostRecent(limit.perHour()) + HOUR);
            return slot;
        }

        private long nthMostRecent(int n) {
            if (calls.size() < n) {
                return Long.MIN_VALUE / 2;
            }
            Iterator<Long> it = calls.descendingIterator();
            long value = 0;
            for (int i = 0; i < n; i++) {
                value = it.next();
            }
            return value;
        }

        void record(long slot) {
            calls.addLast(slot);
        }

        int countAfter(long since) {
            int count = 0;
            Iterator<Long> it = calls.descendingIterator();
            while (it.hasNext() && it.next() > since) {
                count++;
            }
            return count;
        }
    }
}
