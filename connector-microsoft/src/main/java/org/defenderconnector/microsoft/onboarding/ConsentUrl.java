package org.defenderconnector.microsoft.onboarding;

import org.defenderconnector.microsoft.cloud.Endpoints;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL a customer's administrator opens to consent to a multi-tenant app in their tenant.
 *
 * <p>Which URL: the Defender for Endpoint and Defender XDR partner-app docs (reference §1.4) document
 * {@code https://login.microsoftonline.com/common/oauth2/authorize?prompt=consent&client_id=<appId>&response_type=code&sso_reload=true}
 * for exactly this case: an app that uses <em>application</em> permissions of WindowsDefenderATP /
 * Microsoft Threat Protection. It consents to everything the app registration statically requests
 * (all APIs at once), which is what app-only permissions need. The v2 {@code /adminconsent} endpoint
 * instead needs an explicit {@code scope} (one resource's {@code /.default}) and a registered
 * {@code redirect_uri}, neither of which a daemon app has, so it is not used.
 *
 * <p>With a tenant the URL targets that tenant (the admin signs in there); without one it uses
 * {@code common}. The login host is the cloud's (login.microsoftonline.us for GCC High/DoD).
 */
public final class ConsentUrl {
    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private ConsentUrl() {
    }

    /**
     * @throws IllegalArgumentException when the client id is not a GUID
     */
    public static URI forApp(Endpoints endpoints, String clientId, Optional<String> tenant) {
        String id = clientId == null ? "" : clientId.strip();
        if (!GUID.matcher(id).matches()) {
            throw new IllegalArgumentException("The client id must be the app's Application (client) ID, a GUID; got '"
                    + id + "'");
        }
        String where = tenant.map(String::strip).filter(t -> !t.isEmpty()).orElse("common");
        return URI.create(endpoints.loginAuthority() + "/" + URLEncoder.encode(where, StandardCharsets.UTF_8)
                + "/oauth2/authorize?prompt=consent&client_id=" + id + "&response_type=code&sso_reload=true");
    }
}
