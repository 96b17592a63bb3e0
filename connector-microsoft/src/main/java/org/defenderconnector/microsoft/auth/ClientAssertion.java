package org.defenderconnector.microsoft.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The signed JWT a certificate credential sends instead of a secret, built exactly as Entra documents it
 * (entra-docs certificate-credentials.md, reference §1.3): header {@code alg=PS256}, {@code typ=JWT},
 * {@code x5t#S256} = base64url SHA-256 thumbprint; claims {@code aud} = the token endpoint,
 * {@code iss} = {@code sub} = client id, a fresh {@code jti}, {@code nbf} = {@code iat} = now and a short
 * {@code exp}.
 *
 * <p>We build it ourselves rather than let msal4j do it: msal4j 1.26 writes the thumbprint in standard
 * base64 with padding, while JWS (RFC 7515 §4.1.8) and the Entra doc specify base64url.
 */
final class ClientAssertion {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private ClientAssertion() {
    }

    static String create(ClientCertificate certificate, String clientId, String tokenEndpoint, Instant now) {
        if (!(certificate.privateKey() instanceof RSAPrivateKey)) {
            throw new CredentialFileException("Certificate credentials need an RSA key; this one is "
                    + certificate.privateKey().getAlgorithm());
        }
        ObjectNode header = JSON.createObjectNode()
                .put("alg", "PS256")
                .put("typ", "JWT")
                .put("x5t#S256", certificate.sha256Thumbprint());
        long seconds = now.getEpochSecond();
        ObjectNode claims = JSON.createObjectNode()
                .put("aud", tokenEndpoint)
                .put("iss", clientId)
                .put("sub", clientId)
                .put("jti", UUID.randomUUID().toString())
                .put("nbf", seconds)
                .put("iat", seconds)
                .put("exp", seconds + LIFETIME.toSeconds());
        String signingInput = B64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            pss.initSign(certificate.privateKey());
            pss.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(pss.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the client assertion: " + e.getClass().getSimpleName(), e);
        }
    }
}
