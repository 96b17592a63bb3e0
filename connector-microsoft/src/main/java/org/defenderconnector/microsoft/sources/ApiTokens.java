package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.AccessToken;

/**
 * The tokens of one tenant, one per API audience. Any may be null when the integration does not
 * use that API; creating a stream that needs a missing one fails with a clear message.
 *
 * @param mde   audience https://api.securitycenter.microsoft.com (WindowsDefenderATP)
 * @param xdr   audience https://api.security.microsoft.com (Microsoft Threat Protection)
 * @param graph audience https://graph.microsoft.com
 */
public record ApiTokens(AccessToken mde, AccessToken xdr, AccessToken graph) {
}
