package org.defenderconnector.microsoft.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void hourLongTokenIsRenewedFiveMinutesBeforeExpiry() {
        AccessToken t = new AccessToken("x", T0, T0.plusSeconds(3599));
        assertThat(RefreshPolicy.DEFAULT.refreshAt(t)).isEqualTo(T0.plusSeconds(3599).minus(Duration.ofMinutes(5)));
    }

    @Test
    void shortTokenIsRenewedWithTenPercentLeft() {
        AccessToken t = new AccessToken("x", T0, T0.plusSeconds(20));
        assertThat(RefreshPolicy.DEFAULT.refreshAt(t)).isEqualTo(T0.plusSeconds(18));
        assertThat(RefreshPolicy.DEFAULT.needsRefresh(t, T0.plusSeconds(17))).isFalse();
        assertThat(RefreshPolicy.DEFAULT.needsRefresh(t, T0.plusSeconds(18))).isTrue();
    }

    @Test
    void accessTokenNeverPrintsItsValue() {
        assertThat(new AccessToken("eyJ-secret-token", T0, T0.plusSeconds(60)).toString()).doesNotContain("eyJ");
    }
}
