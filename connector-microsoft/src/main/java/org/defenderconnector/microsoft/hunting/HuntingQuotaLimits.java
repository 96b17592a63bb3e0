package org.defenderconnector.microsoft.hunting;

import java.time.Duration;

/**
 * The query-time quota of advanced hunting per tenant, as the connector budgets it (reference §3.1):
 * "10 minutes running time per hour and 3 hours per day" (the MDE page; the API terms say 4 hours a
 * day, so the lower figure is used), and the CPU quota per 15-minute cycle, whose absolute size is
 * not documented; a quarter of the hourly running time is assumed.
 *
 * @param perCycle       running time per 15-minute cycle (cycles start at :00, :15, :30, :45 UTC)
 * @param perHour        running time per sliding hour
 * @param perDay         running time per sliding day
 * @param maxInPlaceWait the longest wait for quota that a poll sleeps through; a longer one ends the
 *                       poll without error and the stream resumes on a later poll
 */
public record HuntingQuotaLimits(Duration perCycle, Duration perHour, Duration perDay, Duration maxInPlaceWait) {
    public static final Duration CYCLE = Duration.ofMinutes(15);
    public static final HuntingQuotaLimits DOCUMENTED = new HuntingQuotaLimits(Duration.ofSeconds(150),
            Duration.ofMinutes(10), Duration.ofHours(3), Duration.ofSeconds(30));

    public HuntingQuotaLimits {
        for (Duration d : new Duration[] {perCycle, perHour, perDay}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("hunting quota limits must be positive durations");
            }
        }
        if (maxInPlaceWait == null || maxInPlaceWait.isNegative()) {
            throw new IllegalArgumentException("maxInPlaceWait must not be negative");
        }
    }
}
