package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.http.AccessToken;
import org.defenderconnector.microsoft.http.TokenSourceAccess;

/**
 * The tokens of one tenant, one per API audience. Any may be null when the integration does not
 * use that API; creating a stream that needs a missing one fails with a clear message.
 *
 * @param mde   audience https://api.securitycenter.microsoft.com (WindowsDefenderATP)
 * @param xdr   audience https://api.security.microsoft.com (Microsoft Threat Protection)
 * @param graph audience https://graph.microsoft.com
 */
public record ApiTokens(AccessToken mde, AccessToken xdr, AccessToken graph) {
    /** The three audiences of one tenant from the onboarding token source. */
    public static ApiTokens of(TokenSource tokens, String tenant) {
        return new ApiTokens(new TokenSourceAccess(tokens, tenant, Api.DEFENDER_ENDPOINT),
                new TokenSourceAccess(tokens, tenant, Api.DEFENDER_XDR), new TokenSourceAccess(tokens, tenant, Api.GRAPH));
    }
}
