package org.defenderconnector.emulator.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.jwt.Jwt;
import org.defenderconnector.emulator.jwt.JwtSigner;

/**
 * Enforces what the real APIs enforce before any data is served: a bearer token signed by the directory and
 * within its lifetime (401), issued for this API's audience (401), carrying one of the operation's
 * application permissions in {@code roles} (403). Roles come from the token only: a permission removed after
 * the token was issued keeps working until the token expires, as with Entra.
 */
public final class ApiGate {

    private final JwtSigner signer;
    private final Clock clock;

    public ApiGate(JwtSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** Validates the {@code Authorization} header for {@code family}; 401 rejections otherwise. */
    public Caller authenticate(String authorization, ApiFamily family) throws ApiRejection {
        boolean graph = family == ApiFamily.GRAPH;
        String token = bearerToken(authorization);
        if (token == null) {
            throw unauthorized(family, graph ? "Access token is empty."
                    : "Authorization header is missing or is not a Bearer token. Send 'Authorization: Bearer "
                    + "<access token>' with a token for " + family.resource().identifierUris().get(0) + ".");
        }
        Jwt jwt;
        try {
            jwt = Jwt.parse(token);
        } catch (Jwt.MalformedJwtException e) {
            throw unauthorized(family, graph ? "Invalid JWT token. The token is not in JWS compact format."
                    : "The access token is malformed: " + e.getMessage() + ".");
        }
        if (!signer.signed(jwt)) {
            throw unauthorized(family, graph ? "Access token validation failure. Invalid signature."
                    : "The access token signature is invalid: it was not issued by this directory.");
        }
        Instant now = clock.instant();
        Long exp = jwt.numericClaim("exp");
        Long nbf = jwt.numericClaim("nbf");
        if (exp == null || now.getEpochSecond() >= exp) {
            throw unauthorized(family, graph ? "Lifetime validation failed, the token is expired."
                    : "The access token expired at " + (exp == null ? "?" : Instant.ofEpochSecond(exp))
                    + ". Acquire a new token.");
        }
        if (nbf != null && now.getEpochSecond() < nbf) {
            throw unauthorized(family, "The access token is not valid before " + Instant.ofEpochSecond(nbf) + ".");
        }
        String audience = jwt.claim("aud");
        if (audience == null || !family.resource().isIdentifiedBy(audience)) {
            String expected = family.resource().identifierUris().stream().map(uri -> "'" + uri + "'")
                    .collect(Collectors.joining(" or "));
            throw unauthorized(family, (graph ? "Invalid audience. " : "")
                    + "The access token audience '" + audience + "' is not accepted by this API; request a token "
                    + "for " + expected + ".");
        }
        return new Caller(jwt.claim("tid"), jwt.claim("appid"), audience, roles(jwt.claims().get("roles")),
                Instant.ofEpochSecond(exp), jwt.claim("uti"));
    }

    /** 403 unless the caller holds one of the route's accepted roles. */
    public void authorize(Caller caller, ApiRoute route) throws ApiRejection {
        if (route.acceptedRoles().isEmpty() || route.acceptedRoles().stream().anyMatch(caller.roles()::contains)) {
            return;
        }
        if (route.family() == ApiFamily.GRAPH) {
            throw new ApiRejection(403, "Forbidden", "Missing role permissions on the request. API requires one of '"
                    + String.join(", ", route.acceptedRoles()) + "'. Roles on the request '"
                    + String.join(", ", caller.roles()) + "'.");
        }
        throw new ApiRejection(403, "Forbidden", "The application does not have any of the required application "
                + "permissions (" + String.join(", ", route.acceptedRoles()) + ") to access the resource.");
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String trimmed = authorization.trim();
        if (trimmed.length() <= 7 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = trimmed.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static List<String> roles(JsonNode claim) {
        List<String> roles = new ArrayList<>();
        if (claim != null && claim.isArray()) {
            claim.forEach(role -> roles.add(role.asText()));
        }
        return List.copyOf(roles);
    }

    private static ApiRejection unauthorized(ApiFamily family, String message) {
        return new ApiRejection(401, family == ApiFamily.GRAPH ? "InvalidAuthenticationToken" : "Unauthorized", message);
    }
}
