package org.defenderconnector.microsoft.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSecretTest {

    @Test
    void neverPrintsItsValue() {
        ClientSecret s = ClientSecret.of("  Xq8~very.secret-value_123  ");
        assertThat(s.value()).isEqualTo("Xq8~very.secret-value_123");
        assertThat(s.toString()).doesNotContain("secret-value").contains("***");
        assertThat(s.describe()).isEqualTo("client secret");
    }

    @Test
    void recognisesAPastedSecretId() {
        assertThat(ClientSecret.of("5d1c3f0e-8a2b-4c6d-9e7f-0123456789ab").looksLikeSecretId()).isTrue();
        assertThat(ClientSecret.of("Xq8~abcdefghijklmnopqrstuvwxyz0123456789").looksLikeSecretId()).isFalse();
    }

    @Test
    void emptySecretIsRefused() {
        assertThatThrownBy(() -> ClientSecret.of("   ")).hasMessageContaining("empty");
    }
}
