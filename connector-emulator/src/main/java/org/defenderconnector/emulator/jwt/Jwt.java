package org.defenderconnector.emulator.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A compact JWS (header.payload.signature) as received: access tokens presented to the APIs and client
 * assertions posted to the token endpoint. Only RS256 and PS256 are understood; that is all Entra uses here.
 */
public record Jwt(String encodedHeader, String encodedPayload, byte[] signature, JsonNode header, JsonNode claims) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses the three segments; throws {@link MalformedJwtException} when it is not a JWS with JSON parts. */
    public static Jwt parse(String compact) {
        if (compact == null) {
            throw new MalformedJwtException("no token");
        }
        String[] parts = compact.trim().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new MalformedJwtException("a JWT has three non-empty base64url segments separated by dots");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw new MalformedJwtException("the JWT header and payload must be JSON objects");
            }
            return new Jwt(parts[0], parts[1], signature, header, claims);
        } catch (IllegalArgumentException | IOException e) {
            throw new MalformedJwtException("the JWT segments are not base64url-encoded JSON");
        }
    }

    public String alg() {
        return header.path("alg").asText("");
    }

    /** A string claim, or null when absent. */
    public String claim(String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A NumericDate claim (seconds since the epoch), or null when absent or not a number. */
    public Long numericClaim(String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    /** Verifies the signature with {@code key} under the header's algorithm (RS256 or PS256 only). */
    public boolean verify(PublicKey key) {
        try {
            Signature verifier = verifierFor(alg());
            if (verifier == null) {
                return false;
            }
            verifier.initVerify(key);
            verifier.update((encodedHeader + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static Signature verifierFor(String alg) throws GeneralSecurityException {
        switch (alg) {
            case "RS256":
                return Signature.getInstance("SHA256withRSA");
            case "PS256":
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                return pss;
            default:
                return null;
        }
    }

    /** The token is not a well-formed JWS. */
    public static final class MalformedJwtException extends RuntimeException {
        public MalformedJwtException(String message) {
            super(message);
        }
    }
}
