package org.defenderconnector.microsoft.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The claims of an Entra access token that diagnosis needs. Decoding does not verify the
 * signature (the API does that); it only reads what Entra put in the token so we can tell the user
 * which tenant, audience and permissions it carries. Neither this class nor its errors ever print the
 * token.
 *
 * @param tenantId the {@code tid} claim
 * @param audience the {@code aud} claim (first value if it is an array)
 * @param roles    application permissions granted with admin consent ({@code roles}); empty when absent
 * @param hasRolesClaim false when the token has no {@code roles} claim at all (no consent for this API)
 * @param expiresAt {@code exp}, or null if missing
 * @param appId    {@code appid} (v1 tokens) or {@code azp} (v2 tokens)
 * @param issuer   {@code iss}
 * @param version  {@code ver} ("1.0" or "2.0")
 */
public record JwtClaims(String tenantId, String audience, List<String> roles, boolean hasRolesClaim,
                        Instant expiresAt, String appId, String issuer, String version) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public JwtClaims {
        roles = List.copyOf(roles);
    }

    /**
     * @throws IllegalArgumentException when the text is not a JWT with a JSON payload (the message
     *                                  does not include the text)
     */
    public static JwtClaims decode(String jwt) {
        if (jwt == null) {
            throw new IllegalArgumentException("No token");
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT (expected header.payload.signature)");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(Base64.getUrlDecoder().decode(padless(parts[1])));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("Not a JWT: the payload is not base64url JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("Not a JWT: the payload is not a JSON object");
        }
        JsonNode aud = payload.get("aud");
        String audience = aud == null ? null : aud.isArray() ? (aud.isEmpty() ? null : aud.get(0).asText()) : aud.asText();
        JsonNode rolesNode = payload.get("roles");
        List<String> roles = new ArrayList<>();
        if (rolesNode != null && rolesNode.isArray()) {
            rolesNode.forEach(r -> roles.add(r.asText()));
        } else if (rolesNode != null && rolesNode.isTextual()) {
            roles.add(rolesNode.asText());
        }
        JsonNode exp = payload.get("exp");
        Instant expiresAt = exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        String appId = text(payload, "appid");
        if (appId == null) {
            appId = text(payload, "azp");
        }
        return new JwtClaims(text(payload, "tid"), audience, roles, rolesNode != null, expiresAt, appId,
                text(payload, "iss"), text(payload, "ver"));
    }

    public boolean hasRole(String role) {
        return roles.stream().anyMatch(r -> r.equalsIgnoreCase(role));
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    private static String padless(String s) {
        return s.replace("=", "");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
