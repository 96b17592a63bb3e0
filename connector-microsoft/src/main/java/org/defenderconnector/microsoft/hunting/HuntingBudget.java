package org.defenderconnector.microsoft.hunting;

import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.RateBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The advanced hunting budget of one tenant, shared by all its hunting streams (and ad hoc queries):
 * besides the calls per minute and hour (the {@link RateBudget}'s HUNTING family), Microsoft counts
 * the running time of the tenant's queries per 15-minute cycle, per hour and per day, and answers
 * 429 once it is spent. Each query's execution time (reported by the API, else measured) is charged
 * here; before the next query, {@link #readyAt()} says when it can run without crossing a limit,
 * assuming it costs about as much as recent ones. Near a limit the streams therefore wait rather
 * than run into 429s, and after a 429 they wait until the reset the API named.
 */
public final class HuntingBudget {
    private static final Logger LOG = LoggerFactory.getLogger(HuntingBudget.class);
    private static final long CYCLE_MILLIS = HuntingQuotaLimits.CYCLE.toMillis();
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private record Charge(long at, long nanos) {
    }

    /** What was used, for status pages and logs. */
    public record Usage(Duration thisCycle, Duration lastHour, Duration lastDay, Instant blockedUntil) {
    }

    private final String tenant;
    private final HuntingQuotaLimits limits;
    private final RateBudget calls;
    private final Clock clock;
    private final ArrayDeque<Charge> charges = new ArrayDeque<>();
    private long blockedUntil;
    /** Exponentially weighted average cost of recent queries, the guess for the next one. */
    private double expectedNanos = 1e9;

    /** @param calls the tenant's call budget (its HUNTING family is consulted), or null */
    public HuntingBudget(String tenant, HuntingQuotaLimits limits, RateBudget calls, Clock clock) {
        this.tenant = tenant;
        this.limits = limits;
        this.calls = calls;
        this.clock = clock;
    }

    public HuntingQuotaLimits limits() {
        return limits;
    }

    /** Charges one query's execution time, at now. */
    public synchronized void charge(Duration executionTime) {
        long nanos = Math.max(0, executionTime.toNanos());
        charges.addLast(new Charge(clock.millis(), nanos));
        expectedNanos = 0.7 * expectedNanos + 0.3 * nanos;
        prune(clock.millis());
    }

    /** After a 429 (calls or running time): nothing runs before {@code until}. */
    public synchronized void blockUntil(Instant until) {
        if (until.toEpochMilli() > blockedUntil) {
            blockedUntil = until.toEpochMilli();
            LOG.info("tenant {}: advanced hunting quota reached; queries resume at {}", tenant, until);
        }
    }

    /** The earliest instant (now or later) at which the next query fits every limit. */
    public Instant readyAt() {
        long now = clock.millis();
        long at;
        synchronized (this) {
            prune(now);
            at = Math.max(now, blockedUntil);
            long expected = (long) Math.min(expectedNanos, limits.perCycle().toNanos() / 2.0);
            for (int round = 0; round < 8; round++) {
                long next = at;
                next = Math.max(next, cycleReady(next, expected));
                next = Math.max(next, slidingReady(next, HOUR, limits.perHour().toNanos(), expected));
                next = Math.max(next, slidingReady(next, DAY, limits.perDay().toNanos(), expected));
                if (next == at) {
                    break;
                }
                at = next;
            }
        }
        if (calls != null) {
            at = Math.max(at, now + calls.waitFor(ApiFamily.HUNTING).toMillis());
        }
        return Instant.ofEpochMilli(at);
    }

    public synchronized Usage usage() {
        long now = clock.millis();
        prune(now);
        long cycleStart = Math.floorDiv(now, CYCLE_MILLIS) * CYCLE_MILLIS;
        return new Usage(Duration.ofNanos(usedSince(cycleStart)), Duration.ofNanos(usedSince(now - HOUR + 1)),
                Duration.ofNanos(usedSince(now - DAY + 1)), blockedUntil > now ? Instant.ofEpochMilli(blockedUntil) : null);
    }

    /** In the cycle holding {@code at}: fits, or the start of the next cycle. */
    private long cycleReady(long at, long expected) {
        long cycleStart = Math.floorDiv(at, CYCLE_MILLIS) * CYCLE_MILLIS;
        long used = usedBetween(cycleStart, at);
        if (used > 0 && used + expected > limits.perCycle().toNanos()) {
            return cycleStart + CYCLE_MILLIS;
        }
        return at;
    }

    /** In the sliding window ending at {@code at}: fits, or when enough of the oldest charges have left it. */
    private long slidingReady(long at, long window, long limit, long expected) {
        long used = usedBetween(at - window + 1, at);
        if (used == 0 || used + expected <= limit) {
            return at;
        }
        for (Charge c : charges) {
            if (c.at <= at - window || c.at > at) {
                continue;
            }
            used -= c.nanos;
            if (used + expected <= limit) {
                return c.at + window + 1;
            }
        }
        return at;
    }

    private long usedSince(long since) {
        return usedBetween(since, Long.MAX_VALUE);
    }

    /** Charges made in [from, to]. */
    private long usedBetween(long from, long to) {
        long sum = 0;
        Iterator<Charge> it = charges.descendingIterator();
        while (it.hasNext()) {
            Charge c = it.next();
            if (c.at < from) {
                break;
            }
            if (c.at <= to) {
                sum += c.nanos;
            }
        }
        return sum;
    }

    private void prune(long now) {
        while (!charges.isEmpty() && charges.peekFirst().at <= now - DAY) {
            charges.pollFirst();
        }
    }
}
