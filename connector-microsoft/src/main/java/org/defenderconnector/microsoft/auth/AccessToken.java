package org.defenderconnector.microsoft.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token with its validity. {@link #toString()} never shows the token itself.
 *
 * @param value      the JWT, for the Authorization header only
 * @param acquiredAt when Entra issued it (as seen by us)
 * @param expiresOn  when it stops being accepted
 */
public record AccessToken(String value, Instant acquiredAt, Instant expiresOn) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresOn, "expiresOn");
    }

    public Duration lifetime() {
        return Duration.between(acquiredAt, expiresOn);
    }

    /** The decoded claims (tid, aud, roles, exp, appid). */
    public JwtClaims claims() {
        return JwtClaims.decode(value);
    }

    @Override
    public String toString() {
        return "AccessToken[***, expiresOn=" + expiresOn + "]";
    }
}
