package org.defenderconnector.emulator.api;

import java.time.Instant;
import java.util.List;

/**
 * Who is calling an API, from a validated access token.
 *
 * @param tenantId  the token's {@code tid}
 * @param clientId  the token's {@code appid}
 * @param audience  the token's {@code aud}
 * @param roles     the token's {@code roles} (empty when the claim is absent)
 * @param expiresAt the token's {@code exp}
 * @param tokenId   the token's {@code uti} (unique token id)
 */
public record Caller(String tenantId, String clientId, String audience, List<String> roles, Instant expiresAt,
                     String tokenId) {
}
