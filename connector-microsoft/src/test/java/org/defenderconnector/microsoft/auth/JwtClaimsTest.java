package org.defenderconnector.microsoft.auth;

import org.defenderconnector.microsoft.testsupport.Jwts;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtClaimsTest {

    @Test
    void readsTheClaimsDiagnosisNeeds() {
        String jwt = Jwts.withPayload("{\"aud\":\"https://api.securitycenter.microsoft.com\",\"tid\":\"11111111-1111-1111-1111-111111111111\","
                + "\"appid\":\"22222222-2222-2222-2222-222222222222\",\"exp\":1900000000,\"ver\":\"1.0\","
                + "\"iss\":\"https://sts.windows.net/11111111-1111-1111-1111-111111111111/\",\"roles\":[\"Alert.Read.All\",\"Machine.Read.All\"]}");
        JwtClaims c = JwtClaims.decode(jwt);
        assertThat(c.tenantId()).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(c.audience()).isEqualTo("https://api.securitycenter.microsoft.com");
        assertThat(c.appId()).isEqualTo("22222222-2222-2222-2222-222222222222");
        assertThat(c.expiresAt()).isEqualTo(Instant.ofEpochSecond(1900000000));
        assertThat(c.roles()).containsExactly("Alert.Read.All", "Machine.Read.All");
        assertThat(c.hasRolesClaim()).isTrue();
        assertThat(c.hasRole("alert.read.all")).isTrue();
        assertThat(c.version()).isEqualTo("1.0");
    }

    @Test
    void tokenWithoutRolesClaimIsDistinguishedFromEmptyRoles() {
        JwtClaims none = JwtClaims.decode(Jwts.withPayload("{\"aud\":[\"https://graph.microsoft.com\"],\"azp\":\"abc\",\"ver\":\"2.0\"}"));
        assertThat(none.hasRolesClaim()).isFalse();
        assertThat(none.roles()).isEmpty();
        assertThat(none.audience()).isEqualTo("https://graph.microsoft.com");
        assertThat(none.appId()).isEqualTo("abc");
        assertThat(none.expiry()).isEmpty();
    }

    @Test
    void errorsNeverEchoTheToken() {
        String notJson = "eyJhbGciOiJub25lIn0.bm90LWpzb24tc2VjcmV0LXBheWxvYWQ.sig";
        assertThatThrownBy(() -> JwtClaims.decode(notJson))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("bm90LWpzb24");
        assertThatThrownBy(() -> JwtClaims.decode("opaque-token-value"))
                .hasMessageNotContaining("opaque-token-value");
    }
}
