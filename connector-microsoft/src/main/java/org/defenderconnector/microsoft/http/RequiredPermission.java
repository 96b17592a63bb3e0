package org.defenderconnector.microsoft.http;

import java.util.List;

/**
 * The application permission an endpoint needs, named as the Entra portal names it, so that a 401
 * or 403 can say exactly what to grant and where.
 *
 * @param api      the API as listed under "APIs my organization uses" (WindowsDefenderATP,
 *                 Microsoft Threat Protection, Microsoft Graph)
 * @param audience the token audience that API accepts (e.g. https://api.securitycenter.microsoft.com)
 * @param roles    the accepted application permissions, least privileged first
 */
public record RequiredPermission(String api, String audience, List<String> roles) {
    public static final String MDE_AUDIENCE = "https://api.securitycenter.microsoft.com";
    public static final String XDR_AUDIENCE = "https://api.security.microsoft.com";
    public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

    public RequiredPermission {
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an endpoint needs at least one permission");
        }
    }

    public static RequiredPermission mde(String... roles) {
        return new RequiredPermission("WindowsDefenderATP", MDE_AUDIENCE, List.of(roles));
    }

    public static RequiredPermission xdr(String... roles) {
        return new RequiredPermission("Microsoft Threat Protection", XDR_AUDIENCE, List.of(roles));
    }

    public static RequiredPermission graph(String... roles) {
        return new RequiredPermission("Microsoft Graph", GRAPH_AUDIENCE, List.of(roles));
    }

    public String leastPrivileged() {
        return roles.get(0);
    }

    /** What to do after a 403: grant the permission, with the portal path. */
    public String grantFix() {
        return "grant the application permission " + leastPrivileged() + " of " + api
                + ": Microsoft Entra admin center > Identity > Applications > App registrations > (the connector's app)"
                + " > API permissions > Add a permission > APIs my organization uses > " + api
                + " > Application permissions > " + leastPrivileged()
                + ", then 'Grant admin consent for <your tenant>' (a Global or Privileged Role Administrator must consent;"
                + " new permissions reach new tokens only, and the connector fetches a new token on its next try)";
    }

    /** What to do after a second 401: the token is for the wrong audience, or the credentials are wrong. */
    public String tokenFix() {
        return "the API did not accept the token: make sure the token is requested for the audience " + audience
                + " (scope " + audience + "/.default) of " + api + " in the right tenant and cloud, and that the app's"
                + " client secret or certificate is valid (Microsoft Entra admin center > App registrations > (the app)"
                + " > Certificates & secrets); run 'defender-connector check' to diagnose";
    }
}
