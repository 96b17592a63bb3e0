package org.defenderconnector.microsoft.http;

import org.defenderconnector.microsoft.testserver.SimulatedTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateBudgetTest {
    final SimulatedTime time = new SimulatedTime(Instant.parse("2025-03-01T10:00:00Z"));

    @Test
    void documentedLimitsAreTheDefaults() {
        RateBudget budget = RateBudget.documented("t1");
        Map<ApiFamily, BudgetUsage> usage = budget.usage();
        assertThat(usage.get(ApiFamily.MDE_REST).limit()).isEqualTo(new RateLimit(100, 1_500));
        assertThat(usage.get(ApiFamily.MDE_EXPORT).limit()).isEqualTo(new RateLimit(30, 1_000));
        assertThat(usage.get(ApiFamily.XDR_INCIDENTS).limit()).isEqualTo(new RateLimit(50, 1_500));
        assertThat(usage.get(ApiFamily.GRAPH_SECURITY).limit().perMinute()).isEqualTo(150);
        assertThat(usage.get(ApiFamily.HUNTING).limit()).isEqualTo(new RateLimit(45, 1_500));
    }

    @Test
    void aCallOverTheMinuteLimitWaitsForTheOldestCallToLeaveTheWindow() throws Exception {
        RateBudget budget = new RateBudget("t1", Map.of(ApiFamily.MDE_REST, new RateLimit(3, 100)),
                Duration.ofMinutes(2), time, time);
        budget.acquire(ApiFamily.MDE_REST);
        time.advance(Duration.ofSeconds(10));
        budget.acquire(ApiFamily.MDE_REST);
        budget.acquire(ApiFamily.MDE_REST);
        assertThat(time.pauses()).isEmpty();
        budget.acquire(ApiFamily.MDE_REST);
        // The first call was at 10:00:00, so the fourth may go at 10:01:00, 50 s after "now".
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(50));
        assertThat(budget.usage().get(ApiFamily.MDE_REST).callsLastMinute()).isEqualTo(3);
        assertThat(budget.usage().get(ApiFamily.MDE_REST).callsLastHour()).isEqualTo(4);
        // Other families are not charged.
        assertThat(budget.usage().get(ApiFamily.GRAPH_SECURITY).callsLastHour()).isZero();
    }

    @Test
    void theHourLimitHoldsToo() throws Exception {
        RateBudget budget = new RateBudget("t1", Map.of(ApiFamily.MDE_EXPORT, new RateLimit(10, 4)),
                Duration.ofHours(2), time, time);
        for (int i = 0; i < 4; i++) {
            budget.acquire(ApiFamily.MDE_EXPORT);
            time.advance(Duration.ofMinutes(1));
        }
        budget.acquire(ApiFamily.MDE_EXPORT);
        assertThat(time.pauses()).containsExactly(Duration.ofMinutes(56));
    }

    @Test
    void aPermitFurtherAwayThanTheMaxWaitFailsAtOnceAsRetryable() throws Exception {
        RateBudget budget = new RateBudget("t1", Map.of(ApiFamily.XDR_INCIDENTS, new RateLimit(2, 100)),
                Duration.ofSeconds(30), time, time);
        budget.acquire(ApiFamily.XDR_INCIDENTS);
        budget.acquire(ApiFamily.XDR_INCIDENTS);
        assertThatThrownBy(() -> budget.acquire(ApiFamily.XDR_INCIDENTS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.kind()).isEqualTo(ApiException.Kind.THROTTLED);
                    assertThat(e.getMessage()).contains("Defender XDR incidents API").contains("60 s");
                });
        assertThat(time.pauses()).isEmpty();
        // The refused call was not charged.
        assertThat(budget.usage().get(ApiFamily.XDR_INCIDENTS).callsLastMinute()).isEqualTo(2);
    }

    @Test
    void aHoldOffAfter429DelaysEveryStreamOfTheFamily() throws Exception {
        RateBudget budget = new RateBudget("t1", Map.of(), Duration.ofMinutes(1), time, time);
        budget.holdOff(ApiFamily.GRAPH_SECURITY, time.instant().plusSeconds(20));
        budget.acquire(ApiFamily.GRAPH_SECURITY);
        budget.acquire(ApiFamily.MDE_REST);
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(20));
    }
}
