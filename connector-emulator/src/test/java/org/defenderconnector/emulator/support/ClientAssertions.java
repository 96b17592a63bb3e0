package org.defenderconnector.emulator.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds certificate client assertions the way Entra's docs describe them (certificate-credentials.md), with
 * the JDK only: header alg + x5t#S256 or x5t, claims aud, iss, sub, jti, nbf, iat, exp.
 */
public final class ClientAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    public enum Thumbprint { SHA256, SHA1 }

    private ClientAssertions() {
    }

    /** A PS256 / x5t#S256 assertion valid for ten minutes. */
    public static String build(String clientId, String audience, X509Certificate certificate, PrivateKey key) {
        return build("PS256", Thumbprint.SHA256, clientId, clientId, audience, Instant.now().plusSeconds(600),
                certificate, key);
    }

    public static String build(String alg, Thumbprint thumbprint, String issuer, String subject, String audience,
                               Instant expires, X509Certificate namedCertificate, PrivateKey signingKey) {
        try {
            ObjectNode header = JSON.createObjectNode().put("alg", alg).put("typ", "JWT");
            byte[] der = namedCertificate.getEncoded();
            if (thumbprint == Thumbprint.SHA256) {
                header.put("x5t#S256", B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(der)));
            } else {
                header.put("x5t", B64URL.encodeToString(MessageDigest.getInstance("SHA-1").digest(der)));
            }
            long now = Instant.now().getEpochSecond();
            ObjectNode claims = JSON.createObjectNode().put("aud", audience).put("iss", issuer).put("sub", subject)
                    .put("jti", UUID.randomUUID().toString()).put("nbf", now).put("iat", now)
                    .put("exp", expires.getEpochSecond());
            String input = B64URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signer;
            if ("PS256".equals(alg)) {
                signer = Signature.getInstance("RSASSA-PSS");
                signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                signer = Signature.getInstance("SHA256withRSA");
            }
            signer.initSign(signingKey);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
