package org.defenderconnector.microsoft.onboarding;

import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.auth.JwtClaims;
import org.defenderconnector.microsoft.auth.TokenException;
import org.defenderconnector.microsoft.auth.TokenKey;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import org.defenderconnector.microsoft.permissions.PermissionCatalog;
import org.defenderconnector.microsoft.permissions.StreamRequirement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The API-answer and token-error mappings that the emulator cannot provoke on demand. */
class FailureDiagnosisTest {
    private static final String TENANT = "c0000000-0000-4000-8000-000000000001";
    private final CheckRequest request = new CheckRequest(TENANT, "a0000000-0000-4000-8000-000000000001",
            ClientSecret.of("whatever-secret-value"), Endpoints.of(Cloud.GLOBAL), TlsTrust.systemDefault(),
            List.of(DefenderStream.ALERTS));
    private final FailureDiagnosis diagnosis = new FailureDiagnosis(request);
    private final StreamRequirement alerts = PermissionCatalog.requirement(DefenderStream.ALERTS);
    private final JwtClaims claims = new JwtClaims(TENANT, "https://api.securitycenter.microsoft.com",
            List.of("Machine.Read.All"), true, null, null, null, "1.0");

    private Advice answer(int status, String body, String retryAfter) {
        return diagnosis.forResponse(alerts, claims, new ApiProbe.Response(status, body, Optional.ofNullable(retryAfter)));
    }

    @Test
    void forbiddenFromTheApiIsAMissingPermission() {
        Advice a = answer(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"The application does not have any of the"
                + " required application permissions (Alert.ReadWrite.All, Alert.Read.All) to access the resource.\",\"target\":\"x\"}}", null);
        assertThat(a.guidance()).isEqualTo(Guidance.MISSING_PERMISSION);
        assertThat(a.symptom()).contains("Alert.Read.All").contains("WindowsDefenderATP");
        assertThat(a.cause()).contains("Machine.Read.All");
    }

    @Test
    void disabledFeatureRateLimitServerErrorAndOthers() {
        assertThat(answer(403, "{\"error\":{\"code\":\"DisabledFeature\",\"message\":\"Tenant feature isn't enabled\"}}", null)
                .guidance()).isEqualTo(Guidance.FEATURE_DISABLED);
        Advice throttled = answer(429, "", "17");
        assertThat(throttled.guidance()).isEqualTo(Guidance.RATE_LIMITED);
        assertThat(throttled.fix()).startsWith("Wait 17 seconds");
        assertThat(answer(503, "oops", null).guidance()).isEqualTo(Guidance.SERVICE_ERROR);
        Advice other = answer(400, "{\"error\":{\"code\":\"ODataError\",\"message\":\"bad $top\"}}", null);
        assertThat(other.guidance()).isEqualTo(Guidance.UNEXPECTED_RESPONSE);
        assertThat(other.symptom()).contains("HTTP 400");
        assertThat(other.cause()).contains("ODataError: bad $top");
    }

    @Test
    void unknownAadstsCodePointsToTheErrorLookup() {
        TokenException e = new TokenException(TokenException.Kind.REJECTED, new TokenKey(TENANT, "c", "r"), 400,
                "invalid_request", 50059, null, null, "No tenant-identifying information found.", null);
        Advice a = diagnosis.forToken(e, Api.GRAPH);
        assertThat(a.guidance()).isEqualTo(Guidance.TOKEN_ERROR_OTHER);
        assertThat(a.symptom()).isEqualTo("Entra ID refused the token request: AADSTS50059 (invalid_request).");
        assertThat(a.fix()).contains("https://login.microsoftonline.com/error?code=50059");
    }

    @Test
    void apiNotProvisionedAndConditionalAccess() {
        TokenException notThere = new TokenException(TokenException.Kind.REJECTED, new TokenKey(TENANT, "c", "r"), 400,
                "invalid_resource", 500011, null, null, "The resource principal was not found.", null);
        assertThat(notThere.isCredentialProblem()).isFalse();
        Advice a = diagnosis.forToken(notThere, Api.DEFENDER_ENDPOINT);
        assertThat(a.guidance()).isEqualTo(Guidance.API_NOT_IN_TENANT);
        assertThat(a.symptom()).contains("https://api.securitycenter.microsoft.com");
        TokenException ca = new TokenException(TokenException.Kind.REJECTED, new TokenKey(TENANT, "c", "r"), 400,
                "invalid_grant", 53003, null, null, "Blocked by CA.", null);
        assertThat(diagnosis.forToken(ca, Api.GRAPH).guidance()).isEqualTo(Guidance.BLOCKED_BY_CONDITIONAL_ACCESS);
    }
}
