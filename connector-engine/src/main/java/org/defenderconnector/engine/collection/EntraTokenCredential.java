package org.defenderconnector.engine.collection;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import org.defenderconnector.microsoft.auth.TokenSource;
import reactor.core.publisher.Mono;

import java.time.ZoneOffset;
import java.util.List;

/**
 * The tenant's app registration as an azure-core {@link TokenCredential}, so the Streaming API's Azure
 * resources are signed in to with the same client id and secret or certificate as the Defender APIs: the
 * Storage SDK (scope {@value #STORAGE_SCOPE}) and the Event Hubs Kafka login (the namespace's scope). Tokens
 * come from the tenant's {@link TokenSource} (msal4j, cached and renewed ahead of expiry) for the scope the
 * caller asks for; {@value #STORAGE_SCOPE} when it names none.
 */
final class EntraTokenCredential implements TokenCredential {
    static final String STORAGE_SCOPE = "https://storage.azure.com/.default";

    private final TokenSource tokens;
    private final String tenantId;

    EntraTokenCredential(TokenSource tokens, String tenantId) {
        this.tokens = tokens;
        this.tenantId = tenantId;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        List<String> scopes = request.getScopes();
        String scope = scopes == null || scopes.isEmpty() ? STORAGE_SCOPE : scopes.get(0);
        org.defenderconnector.microsoft.auth.AccessToken token = tokens.accessToken(tenantId, scope);
        return new AccessToken(token.value(), token.expiresOn().atOffset(ZoneOffset.UTC));
    }

    @Override
    public String toString() {
        return "EntraTokenCredential[client=" + tokens.clientId() + ", tenant=" + tenantId + "]";
    }
}
