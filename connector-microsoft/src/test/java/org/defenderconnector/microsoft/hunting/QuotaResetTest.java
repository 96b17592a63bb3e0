package org.defenderconnector.microsoft.hunting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading when a 429 ends: Retry-After, or the reset the body names. */
class QuotaResetTest {
    static final Instant NOW = Instant.parse("2025-03-01T12:03:00Z");
    static final Instant FALLBACK = NOW.plusSeconds(60);

    @Test
    void retryAfterAlone() {
        assertThat(QuotaReset.of(Duration.ofSeconds(840), null, NOW, FALLBACK)).isEqualTo(NOW.plusSeconds(840));
    }

    @Test
    void anInstantAfterResetInTheBody() {
        assertThat(QuotaReset.of(null, "The tenant has used its advanced hunting CPU quota of 150 seconds for the"
                + " current 15-minute cycle. The quota resets at 2025-03-01T12:15:00Z (in 720 seconds).", NOW, FALLBACK))
                .isEqualTo(Instant.parse("2025-03-01T12:15:00Z"));
    }

    @Test
    void secondsInTheBody() {
        assertThat(QuotaReset.of(null, "Rate limit is exceeded. Try again in 23 seconds.", NOW, FALLBACK))
                .isEqualTo(NOW.plusSeconds(23));
    }

    @Test
    void theLatestOfHeaderAndBodyWins() {
        assertThat(QuotaReset.of(Duration.ofSeconds(10), "resets at 2025-03-01T12:15:00Z", NOW, FALLBACK))
                .isEqualTo(Instant.parse("2025-03-01T12:15:00Z"));
    }

    @Test
    void nothingUsableGivesTheFallback() {
        assertThat(QuotaReset.of(null, "Too many requests; created 2025-03-01T11:00:00Z", NOW, FALLBACK)).isEqualTo(FALLBACK);
        assertThat(QuotaReset.of(null, null, NOW, FALLBACK)).isEqualTo(FALLBACK);
        assertThat(QuotaReset.of(null, "resets at 2025-03-01T11:00:00Z", NOW, FALLBACK)).isEqualTo(FALLBACK);
    }
}
