package org.defenderconnector.app.server.integrations;

import org.defenderconnector.store.admin.IntegrationRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static IntegrationRecord secret(LocalDate expires) {
        return new IntegrationRecord("x", "t.example.com", "c", IntegrationRecord.AuthMethod.SECRET, "global", null, null,
                null, null, List.of("alerts"), 0, expires, null, false, CLOCK.instant(), CLOCK.instant());
    }

    @Test
    void warnsFromTheConfiguredNumberOfDaysBefore() {
        assertThat(Expiry.of(secret(LocalDate.parse("2026-07-01")), 30, CLOCK)).satisfies(e -> {
            assertThat(e.daysLeft()).isEqualTo(30);
            assertThat(e.warning()).isTrue();
            assertThat(e.message()).contains("expires in 30 days (2026-07-01)");
        });
        assertThat(Expiry.of(secret(LocalDate.parse("2026-07-02")), 30, CLOCK).warning()).isFalse();
        assertThat(Expiry.of(secret(LocalDate.parse("2026-07-02")), 45, CLOCK).warning()).isTrue();
        assertThat(Expiry.of(secret(LocalDate.parse("2026-06-02")), 30, CLOCK).message()).contains("in 1 day ");
        assertThat(Expiry.of(secret(LocalDate.parse("2026-05-30")), 30, CLOCK)).satisfies(e -> {
            assertThat(e.daysLeft()).isEqualTo(-2);
            assertThat(e.message()).contains("expired on 2026-05-30");
        });
        assertThat(Expiry.of(secret(null), 30, CLOCK)).satisfies(e -> {
            assertThat(e.warning()).isFalse();
            assertThat(e.message()).contains("Enter the secret's expiry date");
        });
    }

    @Test
    void aCertificateExpiresWhenItSays() {
        IntegrationRecord cert = new IntegrationRecord("x", "t.example.com", "c", IntegrationRecord.AuthMethod.CERTIFICATE,
                "global", null, null, null, null, List.of("alerts"), 0, null,
                new IntegrationRecord.CertificateFacts("AB", "CN=x", Instant.parse("2026-06-11T08:00:00Z")), false,
                CLOCK.instant(), CLOCK.instant());
        Expiry expiry = Expiry.of(cert, 30, CLOCK);
        assertThat(expiry.what()).isEqualTo("certificate");
        assertThat(expiry.daysLeft()).isEqualTo(10);
        assertThat(expiry.message()).contains("upload a new certificate");
    }
}
