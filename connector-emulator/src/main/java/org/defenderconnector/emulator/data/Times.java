package org.defenderconnector.emulator.data;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Time arithmetic at the 100 ns precision Microsoft's 7-digit timestamps carry. */
public final class Times {

    public static final long HOUR_SECONDS = 3600;
    public static final long DAY_SECONDS = 86_400;

    private Times() {
    }

    /** An instant rounded down to 100 ns. */
    public static Instant ticks(Instant instant) {
        return Instant.ofEpochSecond(instant.getEpochSecond(), instant.getNano() / 100 * 100);
    }

    /** A random instant in [start, start + span), at 100 ns precision. */
    public static Instant within(SplittableRandom random, Instant start, Duration span) {
        long spanTicks = Math.max(1, span.toNanos() / 100);
        return ticks(start.plusNanos(random.nextLong(spanTicks) * 100));
    }

    /** {@code start} plus a random duration in [min, max), at 100 ns precision. */
    public static Instant after(SplittableRandom random, Instant start, Duration min, Duration max) {
        return within(random, start.plus(min), max.minus(min));
    }

    /** .NET ticks (100 ns since 0001-01-01), as MDE alert ids embed them. */
    public static long dotNetTicks(Instant instant) {
        return (instant.getEpochSecond() + 62_135_596_800L) * 10_000_000L + instant.getNano() / 100;
    }

    public static long hourIndex(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), HOUR_SECONDS);
    }

    public static long dayIndex(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), DAY_SECONDS);
    }

    public static Instant hourStart(long hourIndex) {
        return Instant.ofEpochSecond(hourIndex * HOUR_SECONDS);
    }

    public static Instant dayStart(long dayIndex) {
        return Instant.ofEpochSecond(dayIndex * DAY_SECONDS);
    }

    public static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
