package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.APP;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO_DOMAIN;
import static org.defenderconnector.emulator.support.TestDirectory.FABRIKAM;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.MTP;
import static org.defenderconnector.emulator.support.TestDirectory.SECRET;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP_ALT;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.RunningEmulator;
import org.junit.jupiter.api.Test;

/** Successful token requests: body shapes of v1 and v2, the claims, and how roles follow consent. */
class TokenEndpointTest extends RunningEmulator {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void v2SuccessBodyHasExactlyTheDocumentedFieldsWithNumbers() {
        EmulatorClient.Response response = client.token(CONTOSO, true,
                EmulatorClient.secretForm(APP, SECRET, WDATP + "/.default"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactly("token_type", "expires_in", "ext_expires_in", "access_token");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").isNumber()).isTrue();
        assertThat(body.get("expires_in").asLong()).isEqualTo(3599);
        assertThat(body.get("ext_expires_in").isNumber()).isTrue();
        assertThat(body.get("access_token").isTextual()).isTrue();
    }

    @Test
    void v1SuccessBodyHasStringNumbersExpiresOnNotBeforeAndResource() {
        EmulatorClient.Response response = client.token(CONTOSO, false, Map.of("grant_type", "client_credentials",
                "client_id", APP, "client_secret", SECRET, "resource", WDATP));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactly("token_type", "expires_in", "ext_expires_in", "expires_on",
                "not_before", "resource", "access_token");
        for (String field : List.of("expires_in", "ext_expires_in", "expires_on", "not_before")) {
            assertThat(body.get(field).isTextual()).as(field).isTrue();
            assertThat(body.get(field).asText()).as(field).matches("\\d+");
        }
        assertThat(body.get("expires_in").asText()).isEqualTo("3599");
        assertThat(Long.parseLong(body.get("expires_on").asText()) - Long.parseLong(body.get("not_before").asText()))
                .isEqualTo(3599);
        assertThat(body.get("resource").asText()).isEqualTo(WDATP);
        JsonNode claims = EmulatorClient.claims(body.get("access_token").asText());
        assertThat(claims.get("exp").asLong()).isEqualTo(Long.parseLong(body.get("expires_on").asText()));
    }

    @Test
    void accessTokenCarriesTheDocumentedClaimsAndVerifiesWithThePublishedKey() throws Exception {
        String token = client.accessToken(CONTOSO, APP, SECRET, WDATP);

        JsonNode header = EmulatorClient.header(token);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        JsonNode claims = EmulatorClient.claims(token);
        assertThat(claims.get("aud").asText()).isEqualTo(WDATP);
        assertThat(claims.get("iss").asText()).isEqualTo("https://sts.windows.net/" + CONTOSO + "/");
        assertThat(claims.get("tid").asText()).isEqualTo(CONTOSO);
        assertThat(claims.get("appid").asText()).isEqualTo(APP);
        assertThat(claims.get("azp").asText()).isEqualTo(APP);
        assertThat(claims.get("appidacr").asText()).isEqualTo("1");
        assertThat(claims.get("idtyp").asText()).isEqualTo("app");
        assertThat(claims.get("oid").asText()).matches(GUID);
        assertThat(claims.get("ver").asText()).isEqualTo("1.0");
        assertThat(claims.get("nbf").asLong()).isEqualTo(claims.get("iat").asLong());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3599);
        assertThat(claims.get("iat").asLong()).isCloseTo(CLOCK.instant().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));

        JsonNode jwks = client.get("/common/discovery/keys", null).json();
        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kid").asText()).isEqualTo(header.get("kid").asText());
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()))));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(token.substring(0, token.lastIndexOf('.')).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)))).isTrue();
    }

    @Test
    void rolesAreTheConsentedPermissionsOfTheRequestedApiOnly() {
        assertThat(roles(client.accessToken(CONTOSO, APP, SECRET, WDATP)))
                .containsExactly("Alert.Read.All", "Machine.Read.All");
        assertThat(roles(client.accessToken(CONTOSO, APP, SECRET, WDATP_ALT)))
                .containsExactly("Alert.Read.All", "Machine.Read.All");
        assertThat(roles(client.accessToken(CONTOSO, APP, SECRET, MTP))).containsExactly("Incident.Read.All");
        // ThreatHunting.Read.All was requested on the app but never consented: it must not appear.
        assertThat(roles(client.accessToken(CONTOSO, APP, SECRET, GRAPH)))
                .containsExactly("SecurityIncident.Read.All", "SecurityAlert.Read.All");
    }

    @Test
    void tokenHasNoRolesClaimWhenNothingWasConsented() {
        JsonNode claims = EmulatorClient.claims(client.accessToken(FABRIKAM, APP, SECRET, WDATP));

        assertThat(claims.has("roles")).isFalse();
        assertThat(claims.get("tid").asText()).isEqualTo(FABRIKAM);
    }

    /**
     * Azure Storage (the Streaming API's account) is a resource like the others: the v1 issuer Azure Storage
     * and Azurite check, its own audience, and no roles, since storage access is granted by Azure RBAC on the
     * account rather than by application permissions. Asked for by v2 scope and by its App ID (v1 resource).
     */
    @Test
    void azureStorageTokensCarryTheStorageAudienceTheV1IssuerAndNoRoles() {
        JsonNode claims = EmulatorClient.claims(client.accessToken(CONTOSO, APP, SECRET, "https://storage.azure.com"));

        assertThat(claims.get("aud").asText()).isEqualTo("https://storage.azure.com");
        assertThat(claims.get("iss").asText()).isEqualTo("https://sts.windows.net/" + CONTOSO + "/");
        assertThat(claims.get("ver").asText()).isEqualTo("1.0");
        assertThat(claims.has("roles")).isFalse();

        EmulatorClient.Response v1 = client.token(CONTOSO, false, Map.of("grant_type", "client_credentials",
                "client_id", APP, "client_secret", SECRET, "resource", "e406a681-f3d4-42a8-90b6-c2b029497af1"));
        assertThat(v1.status()).isEqualTo(200);
        assertThat(EmulatorClient.claims(v1.json().get("access_token").asText()).get("aud").asText())
                .isEqualTo("e406a681-f3d4-42a8-90b6-c2b029497af1");
    }

    @Test
    void audienceIsTheResourceAsRequested() {
        JsonNode claims = EmulatorClient.claims(client.accessToken(CONTOSO, APP, SECRET, GRAPH + "/"));

        assertThat(claims.get("aud").asText()).isEqualTo(GRAPH + "/");
        assertThat(roles(client.accessToken(CONTOSO, APP, SECRET, GRAPH + "/"))).isNotEmpty();
    }

    @Test
    void openIdScopesThatMsalAddsAreIgnored() {
        EmulatorClient.Response response = client.token(CONTOSO, true,
                EmulatorClient.secretForm(APP, SECRET, "openid " + GRAPH + "/.default profile offline_access"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(EmulatorClient.claims(response.json().get("access_token").asText()).get("aud").asText())
                .isEqualTo(GRAPH);
    }

    @Test
    void aVerifiedDomainWorksInPlaceOfTheTenantId() {
        JsonNode claims = EmulatorClient.claims(client.accessToken(CONTOSO_DOMAIN, APP, SECRET, GRAPH));

        assertThat(claims.get("tid").asText()).isEqualTo(CONTOSO);
        assertThat(claims.get("iss").asText()).isEqualTo("https://sts.windows.net/" + CONTOSO + "/");
    }

    @Test
    void tokenLifetimeCanBeChangedAtRunTime() {
        try {
            emulator.admin().setTokenLifetime(Duration.ofSeconds(600));
            JsonNode body = client.token(CONTOSO, true, EmulatorClient.secretForm(APP, SECRET, GRAPH + "/.default"))
                    .json();

            assertThat(body.get("expires_in").asLong()).isEqualTo(600);
            JsonNode claims = EmulatorClient.claims(body.get("access_token").asText());
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
        } finally {
            emulator.admin().setTokenLifetime(Duration.ofSeconds(EmulatorConfig.DEFAULT_TOKEN_LIFETIME_SECONDS));
        }
    }

    @Test
    void tokenRequestsAreCountedPerTenantClientAndResource() {
        emulator.admin().resetCounters();
        client.accessToken(CONTOSO, APP, SECRET, GRAPH);
        client.accessToken(CONTOSO_DOMAIN, APP, SECRET, GRAPH);
        client.token(CONTOSO, false, Map.of("grant_type", "client_credentials", "client_id", APP,
                "client_secret", SECRET, "resource", GRAPH));
        client.accessToken(CONTOSO, APP, SECRET, WDATP);
        client.token(CONTOSO, true, EmulatorClient.secretForm(APP, "wrong", WDATP + "/.default"));

        EmulatorAdmin admin = emulator.admin();
        assertThat(admin.tokenRequestCount(CONTOSO, APP, GRAPH)).isEqualTo(3);
        assertThat(admin.tokenRequestCount(CONTOSO_DOMAIN, APP.toUpperCase(), GRAPH + "/.default")).isEqualTo(3);
        assertThat(admin.tokenRequestCount(CONTOSO, APP, WDATP)).isEqualTo(2);
        assertThat(admin.tokenRequestCount(CONTOSO, APP, MTP)).isZero();
        assertThat(admin.tokenRequestCounts()).hasSize(2);

        admin.resetCounters();
        assertThat(admin.tokenRequestCount(CONTOSO, APP, GRAPH)).isZero();
    }

    private static List<String> roles(String token) {
        List<String> roles = new ArrayList<>();
        EmulatorClient.claims(token).path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
