package org.defenderconnector.emulator.hunting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's advanced hunting CPU budget per 15-minute cycle (api-advanced-hunting.md: "Queries are blocked
 * once the tenant reaches 100% [CPU] until after the next 15-minute cycle"). Cycles start at :00, :15, :30 and
 * :45 UTC on the emulator clock. A query runs while budget remains and is charged its cost afterwards.
 */
public final class HuntingQuota {

    public static final Duration CYCLE = Duration.ofMinutes(15);

    private record Usage(long cycle, double seconds) {
    }

    private final Clock clock;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private volatile double budgetSeconds;

    public HuntingQuota(double budgetSeconds, Clock clock) {
        this.budgetSeconds = budgetSeconds;
        this.clock = clock;
    }

    public void setBudgetSeconds(double seconds) {
        this.budgetSeconds = seconds;
    }

    public double budgetSeconds() {
        return budgetSeconds;
    }

    /** When the tenant's budget is spent, the end of the current cycle. */
    public Optional<Instant> blockedUntil(String tenantId) {
        long cycle = cycle(clock.instant());
        Usage used = usage.get(key(tenantId));
        if (used != null && used.cycle() == cycle && used.seconds() >= budgetSeconds) {
            return Optional.of(Instant.ofEpochSecond((cycle + 1) * CYCLE.getSeconds()));
        }
        return Optional.empty();
    }

    public void charge(String tenantId, double seconds) {
        long cycle = cycle(clock.instant());
        usage.merge(key(tenantId), new Usage(cycle, seconds), (old, added) -> old.cycle() == cycle
                ? new Usage(cycle, old.seconds() + added.seconds()) : added);
    }

    /** CPU seconds the tenant used in the current cycle. */
    public double used(String tenantId) {
        Usage used = usage.get(key(tenantId));
        return used == null || used.cycle() != cycle(clock.instant()) ? 0 : used.seconds();
    }

    public void reset() {
        usage.clear();
    }

    private static long cycle(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), CYCLE.getSeconds());
    }

    private static String key(String tenantId) {
        return tenantId == null ? "" : tenantId.toLowerCase(Locale.ROOT);
    }
}
