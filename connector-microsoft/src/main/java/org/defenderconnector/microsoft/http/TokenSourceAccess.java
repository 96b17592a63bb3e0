package org.defenderconnector.microsoft.http;

import org.defenderconnector.api.SourceException;
import org.defenderconnector.microsoft.auth.TokenException;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Api;

import java.util.Objects;

/** The onboarding {@link TokenSource} seen as the HTTP client's {@link AccessToken} for one tenant and API. */
public final class TokenSourceAccess implements AccessToken {
    private final TokenSource tokens;
    private final String tenant;
    private final Api api;

    /** @param tenant the Entra tenant GUID or verified domain */
    public TokenSourceAccess(TokenSource tokens, String tenant, Api api) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public String bearer() throws SourceException {
        try {
            return tokens.token(tenant, api);
        } catch (TokenException e) {
            // The message is Entra's own (AADSTS code, trace and correlation ids), never the credential.
            throw new SourceException(e.getMessage(), e.isTransient(),
                    e.isTransient() ? null : "run 'defender-connector check' to diagnose the credentials of this integration",
                    e);
        }
    }

    @Override
    public void invalidate() {
        tokens.invalidate(tenant, api);
    }

    @Override
    public String toString() {
        return "token for " + api + " in " + tenant;
    }
}
