package org.defenderconnector.microsoft.onboarding;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every failure {@code check} can diagnose, with its symptom, cause and fix. This enum is the one
 * table: {@code check} prints from it and docs/troubleshooting.md is generated from it
 * ({@link TroubleshootingDoc}); a test keeps the two identical.
 *
 * <p>Texts may contain placeholders such as {@code {tenant}} or {@code {permission}}; {@link #advise}
 * fills them from the failed check, and the docs show them as {@code <tenant>}.
 */
public enum Guidance {
    TENANT_NOT_FOUND("AADSTS90002 (invalid_request)",
            "Entra ID does not know the tenant '{tenant}'.",
            "The tenant ID or domain is mistyped, or the tenant lives in another Microsoft cloud than the one"
                    + " selected ({cloud}): a commercial or GCC tenant is not found on login.microsoftonline.us and"
                    + " a GCC High / DoD tenant is not found on login.microsoftonline.com.",
            "Copy the Directory (tenant) ID from Microsoft Entra ID > Overview (or from the app registration's"
                    + " Overview page). If the tenant is in a US Government cloud, select it: --cloud gcc, gcc-high or dod."),
    APP_NOT_IN_TENANT("AADSTS700016 (unauthorized_client)",
            "Application '{clientId}' was not found in tenant '{tenant}'.",
            "The client ID is wrong, the app is registered in another tenant, or it is a multi-tenant app that no"
                    + " administrator of this tenant has consented to yet, so it has no service principal here.",
            "Check the Application (client) ID under App registrations > your app > Overview and that the tenant is the"
                    + " one where Defender runs. For a multi-tenant app, a Global Administrator of that tenant must open"
                    + " this consent URL and accept: {consentUrl}"),
    INVALID_SECRET("AADSTS7000215 (invalid_client)",
            "Entra ID rejected the client secret.",
            "The secret value does not match any secret of the app: mistyped, truncated, copied from another app,"
                    + " or the secret was deleted.",
            "Create a new secret under App registrations > your app > Certificates & secrets > Client secrets >"
                    + " New client secret and copy its Value at once (it is shown only once); give it to the connector."),
    SECRET_ID_NOT_VALUE("AADSTS7000215 with a GUID-shaped secret",
            "The client secret given is a GUID: that is the Secret ID, not the secret.",
            "Certificates & secrets lists each secret with a Value and a Secret ID. The Secret ID (a GUID) only names"
                    + " the secret; Entra rejects it as a credential.",
            "Use the Value column, not the Secret ID. The value is visible only right after the secret is created;"
                    + " if it is lost, create a new one (Certificates & secrets > New client secret) and copy its Value."),
    SECRET_EXPIRED("AADSTS7000222 (invalid_client)",
            "The client secret has expired.",
            "Client secrets have an end date (at most 24 months); this one has passed it.",
            "App registrations > your app > Certificates & secrets > New client secret; give the new Value to the"
                    + " connector, then delete the expired secret. Note the new expiry date."),
    CERTIFICATE_NOT_REGISTERED("AADSTS700027 (invalid_client)",
            "Entra ID did not accept the certificate credential.",
            "The certificate used (SHA-1 thumbprint {thumbprint}) is not uploaded to the app registration, was removed"
                    + " or expired there, or the private key does not belong to it.",
            "Upload the certificate's public part (.cer/.pem/.crt, without the private key) under App registrations >"
                    + " your app > Certificates & secrets > Certificates > Upload certificate, and check that the"
                    + " thumbprint shown there is {thumbprint}."),
    CREDENTIAL_MISSING("AADSTS7000218 (invalid_client)",
            "The token request carried neither a client secret nor a certificate.",
            "No credential was configured, or it was empty.",
            "Give a client secret (--secret-env NAME or --secret-file PATH) or a certificate (--certificate PATH)."),
    APP_DISABLED("AADSTS7000112 (unauthorized_client)",
            "The application is disabled in tenant '{tenant}'.",
            "An administrator disabled sign-in for the app's enterprise application (service principal).",
            "Microsoft Entra ID > Enterprise applications > the app > Properties > Enabled for users to sign-in? = Yes."),
    BLOCKED_BY_CONDITIONAL_ACCESS("AADSTS53003",
            "A Conditional Access policy blocked the token request.",
            "The tenant has a Conditional Access policy for workload identities (e.g. location-based) that excludes"
                    + " where the connector runs.",
            "Ask the tenant's administrator to allow the connector's app (or its network location) in Microsoft Entra ID"
                    + " > Security > Conditional Access."),
    API_NOT_IN_TENANT("AADSTS500011 (invalid_resource / invalid_scope)",
            "The API {api} ({resource}) was not found in tenant '{tenant}'.",
            "The service is not provisioned in this tenant (its service principal appears once Defender is licensed and"
                    + " the Defender portal was opened), or the resource belongs to another cloud than {cloud}.",
            "Make sure Microsoft Defender for Endpoint / Defender XDR is licensed and was set up at {defenderPortal};"
                    + " check the --cloud setting."),
    NO_ADMIN_CONSENT("token has no roles claim",
            "The token for {api} carries no permission at all.",
            "Application permissions of {api} were added to the app but admin consent was never granted (or none were"
                    + " added). Entra puts a permission into the token's roles only after admin consent.",
            "App registrations > your app > API permissions > Grant admin consent for {tenant}; the Status column must"
                    + " read 'Granted for ...'. Needed: {permission}. For a multi-tenant app use the consent URL: {consentUrl}"),
    MISSING_PERMISSION("HTTP 403 Forbidden, or permission absent from the token's roles",
            "The app lacks the {api} permission {permission}.",
            "This stream needs one of: {accepted}. The token's roles are: {roles}.",
            "API permissions > Add a permission > {apiPicker} > Application permissions > {permission} > Add permissions"
                    + " > Grant admin consent for {tenant}. Then run check again (a token carries the permissions it was"
                    + " issued with)."),
    WRONG_AUDIENCE("HTTP 401 naming the audience, or a token whose aud is another API's",
            "The {api} API refused the token: it was issued for another API.",
            "The token's audience is {audience} but this API expects {expectedAudience}; the resource / scope setting"
                    + " is wrong (for example a Graph token sent to the Defender API, or a commercial audience used in a"
                    + " government cloud).",
            "Request the token for {expectedAudience}/.default; check --cloud and any audience override (--audience"
                    + " API=URI, or audiences: in the configuration; in the US Government clouds Microsoft does not document"
                    + " the audiences, so set the one your tenant's API accepts)."),
    TOKEN_REJECTED("HTTP 401 Unauthorized",
            "The {api} API answered 401 Unauthorized.",
            "The token is invalid for this API: expired (check the clock), from another cloud, or signed for another"
                    + " tenant.",
            "Check that the machine's clock is synchronised (NTP), that --cloud matches the tenant, and that the tenant"
                    + " is the one where Defender runs."),
    FEATURE_DISABLED("HTTP 403 DisabledFeature",
            "{api} answered that a tenant feature is not enabled.",
            "The API is licensed but the feature behind it is switched off, or the tenant's Defender onboarding is"
                    + " incomplete.",
            "Finish Defender onboarding at {defenderPortal} and enable the feature the message names; then run check"
                    + " again."),
    RATE_LIMITED("HTTP 429 Too Many Requests",
            "{api} is throttling this app in tenant '{tenant}'.",
            "The per-app, per-tenant quota (MDE: 100 calls per minute, 1,500 per hour) is used up, often by another"
                    + " tool using the same app registration.",
            "Wait {retryAfter} and run check again; give each tool its own app registration."),
    SERVICE_ERROR("HTTP 5xx",
            "{api} answered with a server error.",
            "A transient problem on Microsoft's side.",
            "Run check again in a few minutes; if it persists, check the Microsoft 365 service health page."),
    UNEXPECTED_RESPONSE("another HTTP status",
            "{api} answered HTTP {status} to a simple read.",
            "The request was not accepted for a reason check does not know; the API's message says: {message}",
            "Check the base URL settings (--region, --endpoint-base); report the message if it persists."),
    TLS_UNTRUSTED("TLS handshake failure (PKIX path building failed)",
            "The connector does not trust the TLS certificate of {host}.",
            "The server's certificate is not signed by a CA in the Java trust store: a custom endpoint (emulator) or a"
                    + " TLS-inspecting proxy with its own CA.",
            "Give the CA certificate as a PEM file with --ca-cert PATH (it is added to the default trust store)."
                    + " Verification is never switched off."),
    NETWORK_UNREACHABLE("connection refused, unknown host or timeout",
            "{host} cannot be reached.",
            "No network route, DNS failure, a firewall or proxy blocking HTTPS, or a wrong endpoint URL.",
            "Allow outbound HTTPS to {host} (login and API hosts of the {cloud} cloud) and check --endpoint-base and"
                    + " --region."),
    TOKEN_ERROR_OTHER("another AADSTS code",
            "Entra ID refused the token request: AADSTS{code} ({error}).",
            "{description}",
            "Look the code up at https://login.microsoftonline.com/error?code={code} and fix the app registration"
                    + " or tenant setting it names.");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final String trigger;
    private final String symptom;
    private final String cause;
    private final String fix;

    Guidance(String trigger, String symptom, String cause, String fix) {
        this.trigger = trigger;
        this.symptom = symptom;
        this.cause = cause;
        this.fix = fix;
    }

    /** What signals this case (AADSTS code, HTTP status, token shape). */
    public String trigger() {
        return trigger;
    }

    /** Symptom template with {placeholders}. */
    public String symptom() {
        return symptom;
    }

    public String cause() {
        return cause;
    }

    public String fix() {
        return fix;
    }

    /** Fills the templates; placeholders without a value stay visible as {@code <name>}. */
    public Advice advise(Map<String, String> values) {
        return new Advice(this, fill(symptom, values), fill(cause, values), fill(fix, values));
    }

    /** The templates with placeholders shown as {@code <name>}, as in the docs. */
    public Advice generic() {
        return advise(Map.of());
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = Optional.ofNullable(values.get(m.group(1))).filter(v -> !v.isBlank())
                    .orElse("<" + m.group(1) + ">");
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
