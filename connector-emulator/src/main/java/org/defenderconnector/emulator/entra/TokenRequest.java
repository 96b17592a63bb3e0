package org.defenderconnector.emulator.entra;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A POST to a token endpoint as received.
 *
 * @param version       v1 ({@code /oauth2/token}) or v2 ({@code /oauth2/v2.0/token})
 * @param tenantSegment the tenant id or domain from the path, as given
 * @param form          the form parameters (first occurrence of each)
 * @param authorities   host[:port] values under which this request reached the emulator (the Host header
 *                      first, then the bound address), used to recognize a client assertion's audience
 */
public record TokenRequest(Version version, String tenantSegment, Map<String, String> form,
                           List<String> authorities) {

    public enum Version { V1, V2 }

    public static final String ASSERTION_TYPE_JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public String param(String name) {
        String value = form.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * OpenID Connect scopes that Entra ignores in a client credentials request. MSAL adds them to every token
     * request, including client credentials ("openid profile offline_access"), and Entra accepts that.
     */
    private static final Set<String> IGNORED_SCOPES = Set.of("openid", "profile", "offline_access");

    /** The v2 scope values that matter: the {@code scope} parameter split on spaces, OIDC scopes dropped. */
    public List<String> resourceScopes() {
        String scope = param("scope");
        if (scope == null) {
            return List.of();
        }
        return Arrays.stream(scope.trim().split("\\s+"))
                .filter(value -> !value.isEmpty() && !IGNORED_SCOPES.contains(value.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * The resource this request asks a token for, as the client wrote it: v1 {@code resource}, or the single v2
     * scope without its {@code /.default} suffix; null when absent.
     */
    public String requestedResource() {
        if (version == Version.V1) {
            return param("resource");
        }
        List<String> scopes = resourceScopes();
        if (scopes.size() != 1) {
            return scopes.isEmpty() ? null : String.join(" ", scopes);
        }
        String single = scopes.get(0);
        return single.endsWith("/.default") ? single.substring(0, single.length() - "/.default".length()) : single;
    }
}
