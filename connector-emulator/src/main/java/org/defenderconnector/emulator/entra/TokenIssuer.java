package org.defenderconnector.emulator.entra;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.directory.TenantDirectory;
import org.defenderconnector.emulator.jwt.JwtSigner;

/**
 * Mints app-only access tokens the way Entra does for Microsoft's own APIs: RS256 JWTs in the v1.0 token
 * format whatever endpoint was used (the token format follows what the resource API accepts, not the endpoint;
 * Graph and the Defender APIs accept v1.0 tokens), with {@code roles} = the admin-consented application
 * permissions on that API, and no {@code roles} claim at all when there are none.
 */
public final class TokenIssuer {

    /** A signed token and its validity. */
    public record IssuedToken(String accessToken, Instant notBefore, Instant expiresOn) {
        public long expiresInSeconds() {
            return expiresOn.getEpochSecond() - notBefore.getEpochSecond();
        }
    }

    private final JwtSigner signer;
    private final Clock clock;
    private final IssuedTokenLedger ledger = new IssuedTokenLedger();
    private volatile Duration lifetime;

    public TokenIssuer(JwtSigner signer, Clock clock, Duration lifetime) {
        this.signer = signer;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** When each token was issued (for invalidating tokens issued before a point in time). */
    public IssuedTokenLedger ledger() {
        return ledger;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Changes the lifetime of tokens issued from now on. */
    public void setLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
        this.lifetime = lifetime;
    }

    /** The issuer of v1.0 tokens for a tenant. */
    public static String issuer(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    /**
     * @param audience the resource exactly as requested (v1 {@code resource}, or the v2 scope without
     *                 {@code /.default})
     * @param roles    granted application permissions on that resource; may be empty
     */
    public IssuedToken issue(TenantDirectory.Tenant tenant, String clientId, String audience, List<String> roles,
                             ClientAuthenticator.Method method) {
        Instant exactly = clock.instant();
        Instant now = Instant.ofEpochSecond(exactly.getEpochSecond());
        Instant expires = now.plus(lifetime);
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("aud", audience);
        claims.put("iss", issuer(tenant.id()));
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("appid", clientId);
        claims.put("appidacr", method.appidacr());
        claims.put("azp", clientId);
        claims.put("idp", issuer(tenant.id()));
        claims.put("idtyp", "app");
        String oid = servicePrincipalObjectId(tenant.id(), clientId);
        claims.put("oid", oid);
        if (!roles.isEmpty()) {
            ArrayNode array = claims.putArray("roles");
            roles.forEach(array::add);
        }
        claims.put("sub", oid);
        claims.put("tid", tenant.id());
        String uti = Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes(UUID.randomUUID()));
        claims.put("uti", uti);
        claims.put("ver", "1.0");
        ledger.record(uti, exactly, expires);
        return new IssuedToken(signer.sign(claims), now, expires);
    }

    /** A stable object id for the app's service principal in the tenant (the same in every token). */
    static String servicePrincipalObjectId(String tenantId, String clientId) {
        return UUID.nameUUIDFromBytes(("servicePrincipal:" + tenantId + ":" + clientId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static byte[] uuidBytes(UUID uuid) {
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }
}
