package org.defenderconnector.streaming.eventhubs;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;

import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/**
 * An Entra access token as Kafka's OAUTHBEARER login holds it. Kafka renews it ahead of {@link #lifetimeMs}
 * (sasl.login.refresh.*) by asking {@link EntraLoginCallbackHandler} again; the credential behind it caches, so
 * that costs a token request only when the credential's own copy is due for renewal. {@link #toString} never
 * shows the token.
 *
 * @param principalName the app's client id from the token ({@code appid}, else {@code sub}), for Kafka's log lines
 */
record EntraBearerToken(String value, Set<String> scope, long lifetimeMs, String principalName, Long startTimeMs)
        implements OAuthBearerToken {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A token for the namespace from its credential.
     *
     * @throws IOException when the credential issues none; the message says why without a secret (the
     *                     credential's own message, e.g. Entra's AADSTS description) and is safe to log
     */
    static EntraBearerToken fetch(KafkaSecurity.EventHubsEntra entra, Clock clock) throws IOException {
        AccessToken token;
        try {
            token = entra.credential().getTokenSync(new TokenRequestContext().addScopes(entra.scope()));
        } catch (RuntimeException e) {
            throw new IOException("Entra ID issued no token for " + entra.scope() + ": " + e.getMessage(), e);
        }
        if (token == null || token.getToken() == null || token.getExpiresAt() == null) {
            throw new IOException("Entra ID issued no token for " + entra.scope() + ": the credential "
                    + entra.credential() + " returned none");
        }
        long now = clock.millis();
        return new EntraBearerToken(token.getToken(), Set.of(entra.scope()),
                token.getExpiresAt().toInstant().toEpochMilli(), principal(token.getToken()), now);
    }

    /**
     * The identity named in the token, read without verifying it: it only labels Kafka's log lines (the broker
     * verifies the token and takes its own principal from it).
     */
    private static String principal(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length == 3) {
            try {
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                for (String claim : new String[] {"appid", "azp", "sub"}) {
                    if (claims.path(claim).isTextual()) {
                        return claims.get(claim).asText();
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // Not a JWT we can read: the label below is as good for a log line.
            }
        }
        return "entra-app";
    }

    @Override
    public String toString() {
        return "EntraBearerToken[principal=" + principalName + ", scope=" + scope + ", expires=" + lifetimeMs
                + ", value=***]";
    }
}
