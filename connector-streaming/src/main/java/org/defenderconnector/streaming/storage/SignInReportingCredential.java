package org.defenderconnector.streaming.storage;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

/** A credential whose failures to produce a token surface as {@link StorageSignInException}s. */
final class SignInReportingCredential implements TokenCredential {
    private final TokenCredential credential;

    SignInReportingCredential(TokenCredential credential) {
        this.credential = credential;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.defer(() -> credential.getToken(request)).onErrorMap(RuntimeException.class,
                e -> e instanceof StorageSignInException ? e : new StorageSignInException(e));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        try {
            return credential.getTokenSync(request);
        } catch (StorageSignInException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageSignInException(e);
        }
    }

    @Override
    public String toString() {
        return credential.toString();
    }
}
