package org.defenderconnector.microsoft.hunting;

import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.http.RateLimit;
import org.defenderconnector.microsoft.testserver.SimulatedTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When the next hunting query may run, from the running time charged so far and the 429s seen. */
class HuntingBudgetTest {
    static final Instant CYCLE_START = Instant.parse("2025-03-01T12:00:00Z");
    final SimulatedTime time = new SimulatedTime(CYCLE_START.plusSeconds(60));

    HuntingBudget budget(Duration perCycle, Duration perHour, Duration perDay) {
        return new HuntingBudget("contoso", new HuntingQuotaLimits(perCycle, perHour, perDay, Duration.ofSeconds(30)),
                null, time);
    }

    @Test
    void anUnusedBudgetIsReadyNow() {
        assertThat(budget(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(3)).readyAt())
                .isEqualTo(time.instant());
    }

    @Test
    void nearTheCycleLimitTheNextQueryWaitsForTheNextFifteenMinuteCycle() {
        HuntingBudget budget = budget(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(3));
        for (int i = 0; i < 4; i++) {
            budget.charge(Duration.ofSeconds(2));
        }
        assertThat(budget.readyAt()).isEqualTo(time.instant()); // 8 s used, about 2 s expected: fits 10 s

        budget.charge(Duration.ofSeconds(2));

        assertThat(budget.readyAt()).isEqualTo(CYCLE_START.plus(Duration.ofMinutes(15)));
        assertThat(budget.usage().thisCycle()).isEqualTo(Duration.ofSeconds(10));
        time.set(CYCLE_START.plus(Duration.ofMinutes(15)));
        assertThat(budget.readyAt()).isEqualTo(time.instant());
        assertThat(budget.usage().thisCycle()).isZero();
        assertThat(budget.usage().lastHour()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theHourlyRunningTimeSlidesOutCallByCall() {
        HuntingBudget budget = budget(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(3));
        Instant first = time.instant();
        budget.charge(Duration.ofSeconds(10));
        time.advance(Duration.ofMinutes(20));
        budget.charge(Duration.ofSeconds(10));
        time.advance(Duration.ofMinutes(20));
        budget.charge(Duration.ofSeconds(10));

        // 30 s used in the last hour: the next query waits until the first charge is an hour old.
        assertThat(budget.readyAt()).isEqualTo(first.plus(Duration.ofHours(1)).plusMillis(1));
    }

    @Test
    void theDailyRunningTimeIsHonouredToo() {
        HuntingBudget budget = budget(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofSeconds(20));
        Instant first = time.instant();
        budget.charge(Duration.ofSeconds(10));
        time.advance(Duration.ofHours(2));
        budget.charge(Duration.ofSeconds(10));

        assertThat(budget.readyAt()).isEqualTo(first.plus(Duration.ofDays(1)).plusMillis(1));
    }

    @Test
    void a429BlocksUntilItsResetAndTheCallBudgetIsConsulted() {
        RateBudget calls = new RateBudget("contoso", Map.of(ApiFamily.HUNTING, new RateLimit(2, 100)),
                Duration.ofSeconds(65), time, time);
        HuntingBudget budget = new HuntingBudget("contoso", HuntingQuotaLimits.DOCUMENTED, calls, time);
        Instant reset = time.instant().plus(Duration.ofMinutes(7));

        budget.blockUntil(reset);
        budget.blockUntil(reset.minusSeconds(100)); // an earlier reset does not shorten the wait

        assertThat(budget.readyAt()).isEqualTo(reset);
        assertThat(budget.usage().blockedUntil()).isEqualTo(reset);
        time.set(reset);
        assertThat(budget.readyAt()).isEqualTo(reset);
    }

    @Test
    void theCallsPerMinuteOfTheHuntingFamilyDelayTheNextQuery() throws Exception {
        RateBudget calls = new RateBudget("contoso", Map.of(ApiFamily.HUNTING, new RateLimit(2, 100)),
                Duration.ofSeconds(65), time, time);
        HuntingBudget budget = new HuntingBudget("contoso", HuntingQuotaLimits.DOCUMENTED, calls, time);
        Instant now = time.instant();
        calls.acquire(ApiFamily.HUNTING);
        calls.acquire(ApiFamily.HUNTING);

        assertThat(budget.readyAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
    }
}
