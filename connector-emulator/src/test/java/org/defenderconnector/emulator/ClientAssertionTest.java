package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.TokenErrorsTest.assertEntraErrorShape;
import static org.defenderconnector.emulator.support.TestDirectory.APP;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO_DOMAIN;
import static org.defenderconnector.emulator.support.TestDirectory.FABRIKAM;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.support.ClientAssertions;
import org.defenderconnector.emulator.support.ClientAssertions.Thumbprint;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.RunningEmulator;
import org.defenderconnector.emulator.support.TestCertificates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Certificate credentials: client assertions built here with the JDK, verified against the registered cert. */
class ClientAssertionTest extends RunningEmulator {

    private static final TestCertificates.Credential UNREGISTERED = TestCertificates.generate("not registered");

    private static String v2Url(String tenant) {
        return emulator.baseUrl() + "/" + tenant + "/oauth2/v2.0/token";
    }

    private static String v1Url(String tenant) {
        return emulator.baseUrl() + "/" + tenant + "/oauth2/token";
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"PS256, SHA256", "RS256, SHA256", "RS256, SHA1", "PS256, SHA1"})
    void assertionSignedByTheRegisteredCertificateIsAccepted(String alg, Thumbprint thumbprint) {
        String assertion = ClientAssertions.build(alg, thumbprint, APP, APP, v2Url(CONTOSO),
                Instant.now().plusSeconds(600), registeredCertificate.certificate(), registeredCertificate.privateKey());

        EmulatorClient.Response response = client.token(CONTOSO, true, assertionForm(assertion, "scope", GRAPH + "/.default"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode claims = EmulatorClient.claims(response.json().get("access_token").asText());
        assertThat(claims.get("appid").asText()).isEqualTo(APP);
        assertThat(claims.get("appidacr").asText()).isEqualTo("2");
        assertThat(claims.get("roles")).isNotEmpty();
    }

    @Test
    void v1AndV2TokenUrlsOfTheSameTenantAreBothAcceptedAsAudience() {
        String v1Audience = ClientAssertions.build(APP, v1Url(CONTOSO), registeredCertificate.certificate(),
                registeredCertificate.privateKey());
        String v2AudienceOnV1 = ClientAssertions.build(APP, v2Url(CONTOSO), registeredCertificate.certificate(),
                registeredCertificate.privateKey());
        String domainAudience = ClientAssertions.build(APP, v2Url(CONTOSO_DOMAIN), registeredCertificate.certificate(),
                registeredCertificate.privateKey());

        assertThat(client.token(CONTOSO, false, assertionForm(v1Audience, "resource", WDATP)).status()).isEqualTo(200);
        assertThat(client.token(CONTOSO, false, assertionForm(v2AudienceOnV1, "resource", WDATP)).status()).isEqualTo(200);
        assertThat(client.token(CONTOSO, true, assertionForm(domainAudience, "scope", GRAPH + "/.default")).status())
                .isEqualTo(200);
    }

    @Test
    void assertionSignedByAnotherCertificateIsRejectedWith700027() {
        String assertion = ClientAssertions.build(APP, v2Url(CONTOSO), UNREGISTERED.certificate(),
                UNREGISTERED.privateKey());

        EmulatorClient.Response response = client.token(CONTOSO, true, assertionForm(assertion, "scope", GRAPH + "/.default"));

        assertThat(response.status()).isEqualTo(401);
        assertEntraErrorShape(response.json(), "invalid_client", 700027);
        assertThat(response.json().get("error_description").asText()).contains("key was not found");
    }

    @Test
    void assertionNamingTheRegisteredCertificateButSignedByAnotherKeyIsRejectedWith700027() {
        String forged = ClientAssertions.build("PS256", Thumbprint.SHA256, APP, APP, v2Url(CONTOSO),
                Instant.now().plusSeconds(600), registeredCertificate.certificate(), UNREGISTERED.privateKey());

        EmulatorClient.Response response = client.token(CONTOSO, true, assertionForm(forged, "scope", GRAPH + "/.default"));

        assertThat(response.status()).isEqualTo(401);
        assertEntraErrorShape(response.json(), "invalid_client", 700027);
    }

    @Test
    void assertionForAnotherTenantsTokenEndpointIsRejected() {
        String assertion = ClientAssertions.build(APP, v2Url(FABRIKAM), registeredCertificate.certificate(),
                registeredCertificate.privateKey());

        EmulatorClient.Response response = client.token(CONTOSO, true, assertionForm(assertion, "scope", GRAPH + "/.default"));

        assertThat(response.status()).isEqualTo(401);
        assertEntraErrorShape(response.json(), "invalid_client", 700023);
        assertThat(response.json().get("error_description").asText()).contains(v2Url(CONTOSO));
    }

    @Test
    void expiredAssertionIsRejected() {
        String assertion = ClientAssertions.build("PS256", Thumbprint.SHA256, APP, APP, v2Url(CONTOSO),
                Instant.now().minusSeconds(60), registeredCertificate.certificate(), registeredCertificate.privateKey());

        EmulatorClient.Response response = client.token(CONTOSO, true, assertionForm(assertion, "scope", GRAPH + "/.default"));

        assertThat(response.status()).isEqualTo(401);
        assertEntraErrorShape(response.json(), "invalid_client", 700024);
    }

    @Test
    void assertionIssuedForAnotherClientIsRejected() {
        String assertion = ClientAssertions.build("PS256", Thumbprint.SHA256, "0bad0000-0000-4000-8000-0000000000ff",
                APP, v2Url(CONTOSO), Instant.now().plusSeconds(600), registeredCertificate.certificate(),
                registeredCertificate.privateKey());

        EmulatorClient.Response response = client.token(CONTOSO, true, assertionForm(assertion, "scope", GRAPH + "/.default"));

        assertThat(response.status()).isEqualTo(401);
        assertEntraErrorShape(response.json(), "invalid_client", 700021);
    }

    @Test
    void malformedAssertionIsRejected() {
        EmulatorClient.Response response = client.token(CONTOSO, true,
                assertionForm("not.a-jwt", "scope", GRAPH + "/.default"));

        assertThat(response.status()).isEqualTo(400);
        assertEntraErrorShape(response.json(), "invalid_request", 50027);
    }

    private static Map<String, String> assertionForm(String assertion, String resourceParam, String resource) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", APP);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        form.put(resourceParam, resource);
        return form;
    }
}
