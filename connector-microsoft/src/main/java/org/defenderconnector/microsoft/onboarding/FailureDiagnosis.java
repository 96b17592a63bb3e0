package org.defenderconnector.microsoft.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.microsoft.auth.ClientCertificate;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.auth.JwtClaims;
import org.defenderconnector.microsoft.auth.TokenException;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.permissions.StreamRequirement;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps a concrete failure (token error, API answer, I/O error) to its {@link Guidance} entry, filled in. */
final class FailureDiagnosis {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CheckRequest request;
    private final Map<String, String> base = new HashMap<>();

    FailureDiagnosis(CheckRequest request) {
        this.request = request;
        base.put("tenant", request.tenant());
        base.put("clientId", request.clientId());
        base.put("cloud", request.endpoints().cloud().id());
        base.put("defenderPortal", request.endpoints().cloud().defenderPortal().toString());
        try {
            base.put("consentUrl", ConsentUrl.forApp(request.endpoints(), request.clientId(),
                    Optional.of(request.tenant())).toString());
        } catch (IllegalArgumentException notAGuid) {
            base.put("consentUrl", "(needs the app's client id as a GUID)");
        }
        if (request.credential() instanceof ClientCertificate cert) {
            base.put("thumbprint", cert.sha1ThumbprintHex());
        }
    }

    Advice forToken(TokenException e, Api api) {
        Map<String, String> v = values(api);
        switch (e.kind()) {
            case TLS_UNTRUSTED:
                v.put("host", request.endpoints().loginAuthority().getHost());
                return Guidance.TLS_UNTRUSTED.advise(v);
            case UNREACHABLE:
                v.put("host", request.endpoints().loginAuthority().getHost());
                return Guidance.NETWORK_UNREACHABLE.advise(v);
            default:
                break;
        }
        int code = e.aadstsCode().orElse(-1);
        Guidance g = switch (code) {
            case 90002, 900023 -> Guidance.TENANT_NOT_FOUND;
            case 700016, 700011 -> Guidance.APP_NOT_IN_TENANT;
            case 7000215, 70002 -> request.credential() instanceof ClientSecret s && s.looksLikeSecretId()
                    ? Guidance.SECRET_ID_NOT_VALUE : Guidance.INVALID_SECRET;
            case 7000222 -> Guidance.SECRET_EXPIRED;
            case 700027 -> Guidance.CERTIFICATE_NOT_REGISTERED;
            case 50012 -> request.credential() instanceof ClientCertificate
                    ? Guidance.CERTIFICATE_NOT_REGISTERED : Guidance.TOKEN_ERROR_OTHER;
            case 7000218 -> Guidance.CREDENTIAL_MISSING;
            case 7000112, 70001 -> Guidance.APP_DISABLED;
            case 53003 -> Guidance.BLOCKED_BY_CONDITIONAL_ACCESS;
            case 500011 -> Guidance.API_NOT_IN_TENANT;
            default -> Guidance.TOKEN_ERROR_OTHER;
        };
        v.put("code", code < 0 ? "?" : Integer.toString(code));
        v.put("error", e.error().orElse("no error code"));
        v.put("description", e.description().orElse(e.getMessage()));
        return g.advise(v);
    }

    /** A token whose audience is not the one {@code api} accepts; the expected one is the cloud's documented resource. */
    Advice wrongAudience(Api api, String audience) {
        Map<String, String> v = values(api);
        v.put("audience", audience == null ? "(none)" : audience);
        v.put("expectedAudience", request.endpoints().cloud().resource(api));
        return Guidance.WRONG_AUDIENCE.advise(v);
    }

    Advice noConsent(Api api, String neededPermissions) {
        Map<String, String> v = values(api);
        v.put("permission", neededPermissions);
        return Guidance.NO_ADMIN_CONSENT.advise(v);
    }

    Advice missingPermission(StreamRequirement req, JwtClaims claims) {
        Map<String, String> v = values(req.api());
        v.put("permission", req.leastPrivileged());
        v.put("accepted", String.join(", ", req.acceptedPermissions()));
        v.put("roles", claims == null || claims.roles().isEmpty() ? "(none)" : String.join(", ", claims.roles()));
        return Guidance.MISSING_PERMISSION.advise(v);
    }

    /** Diagnoses a non-success answer to a probe. */
    Advice forResponse(StreamRequirement req, JwtClaims claims, ApiProbe.Response resp) {
        Api api = req.api();
        Map<String, String> v = values(api);
        String code = errorField(resp.body(), "code");
        String message = errorField(resp.body(), "message");
        int status = resp.status();
        if (status == 401) {
            if (message != null && message.toLowerCase(Locale.ROOT).contains("audience")) {
                return wrongAudience(api, claims == null ? null : claims.audience());
            }
            return Guidance.TOKEN_REJECTED.advise(v);
        }
        if (status == 403) {
            if ("DisabledFeature".equalsIgnoreCase(code)) {
                return Guidance.FEATURE_DISABLED.advise(v);
            }
            return missingPermission(req, claims);
        }
        if (status == 429) {
            v.put("retryAfter", resp.retryAfter().map(s -> s + " seconds").orElse("a minute"));
            return Guidance.RATE_LIMITED.advise(v);
        }
        if (status >= 500) {
            return Guidance.SERVICE_ERROR.advise(v);
        }
        v.put("status", Integer.toString(status));
        v.put("message", message == null ? "(no message)" : (code == null ? "" : code + ": ") + message);
        return Guidance.UNEXPECTED_RESPONSE.advise(v);
    }

    Advice forIo(Api api, URI url, IOException e) {
        Map<String, String> v = values(api);
        v.put("host", url.getHost());
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return Guidance.TLS_UNTRUSTED.advise(v);
            }
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof HttpTimeoutException) {
                return Guidance.NETWORK_UNREACHABLE.advise(v);
            }
        }
        return Guidance.NETWORK_UNREACHABLE.advise(v);
    }

    /** The {@code error.message} of an MDE/XDR or Graph error body, for check details. */
    static String errorMessage(String body) {
        return errorField(body, "message");
    }

    private Map<String, String> values(Api api) {
        Map<String, String> v = new HashMap<>(base);
        if (api != null) {
            v.put("api", api.entraName());
            v.put("apiPicker", api.portalPickerPath());
            v.put("resource", request.endpoints().resource(api));
        }
        return v;
    }

    private static String errorField(String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode err = JSON.readTree(body).path("error");
            JsonNode f = err.get(field);
            return f == null || f.isNull() ? null : f.asText();
        } catch (IOException notJson) {
            return null;
        }
    }
}
