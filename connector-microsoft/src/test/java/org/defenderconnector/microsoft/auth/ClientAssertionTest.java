package org.defenderconnector.microsoft.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.microsoft.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAssertionTest {

    @Test
    void assertionIsTheDocumentedPs256JwtWithBase64UrlThumbprint() throws Exception {
        TestCertificates cert = TestCertificates.generate("assertion test");
        ClientCertificate credential = new ClientCertificate(cert.keyPair.getPrivate(), List.of(cert.certificate));
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        String endpoint = "https://login.microsoftonline.com/t1/oauth2/v2.0/token";

        String jwt = ClientAssertion.create(credential, "client-1", endpoint, now);

        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("PS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        String expectedThumbprint = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(cert.certificate.getEncoded()));
        assertThat(header.get("x5t#S256").asText()).isEqualTo(expectedThumbprint).doesNotContain("=", "+", "/");
        assertThat(claims.get("aud").asText()).isEqualTo(endpoint);
        assertThat(claims.get("iss").asText()).isEqualTo("client-1");
        assertThat(claims.get("sub").asText()).isEqualTo("client-1");
        assertThat(claims.get("jti").asText()).hasSize(36);
        assertThat(claims.get("nbf").asLong()).isEqualTo(now.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(now.getEpochSecond() + 600);

        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        pss.initVerify(cert.certificate.getPublicKey());
        pss.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(pss.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(ClientAssertion.create(credential, "client-1", endpoint, now)).as("fresh jti each time").isNotEqualTo(jwt);
    }

    @Test
    void clientCredentialsBodyKeepsOnlyTheDocumentedScope() {
        String msalBody = "grant_type=client_credentials&scope=openid+profile+offline_access+https%3A%2F%2Fgraph.microsoft.com%2F.default"
                + "&client_info=1&client_id=abc&client_secret=s%7Ecret";
        assertThat(EntraHttpClient.documentedClientCredentialsBody(msalBody)).isEqualTo(
                "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_info=1&client_id=abc"
                        + "&client_secret=s%7Ecret");
        String other = "grant_type=refresh_token&scope=openid+profile";
        assertThat(EntraHttpClient.documentedClientCredentialsBody(other)).isEqualTo(other);
    }
}
