package org.defenderconnector.microsoft.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.microsoft.auth.CertificateFiles;
import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import org.defenderconnector.microsoft.testsupport.EmulatorDirectory;
import org.defenderconnector.microsoft.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.CONTOSO;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.CONTOSO_DOMAIN;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.FULL_APP;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.FULL_SECRET;

/** {@link CheckRunner} against the emulator over HTTPS: each failure case yields its specific guidance. */
class CheckRunnerEmulatorTest {
    private static EmulatorDirectory directory;
    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startEmulator() {
        directory = EmulatorDirectory.start();
    }

    @AfterAll
    static void stopEmulator() {
        directory.close();
    }

    private CheckRequest request(String tenant, String clientId, ClientCredential credential, String streams) {
        return new CheckRequest(tenant, clientId, credential, directory.endpoints(), directory.tls(),
                DefenderStream.parseList(streams));
    }

    private static Check check(CheckReport report, String id) {
        return report.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + report.checks()));
    }

    @Test
    void workingAppPassesEveryRequestedStream() {
        CheckReport report = runner.run(request(CONTOSO, FULL_APP, ClientSecret.of(FULL_SECRET),
                "alerts,machines,vulnerabilities,software,scores,indicators,incidents,xdr-incidents,graph-alerts,hunting"));
        assertThat(report.failures()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.streams()).hasSize(10).allSatisfy((s, status) -> assertThat(status).isEqualTo(CheckStatus.PASS));
        assertThat(check(report, "token:mde").detail()).contains("tid=" + CONTOSO)
                .contains("aud=https://api.securitycenter.microsoft.com").contains("Alert.Read.All");
        assertThat(check(report, "read:alerts").detail()).startsWith("HTTP 200");
        assertThat(check(report, "read:hunting").detail()).startsWith("HTTP 200");
        assertThat(CheckReportFormat.summary(report)).startsWith("OK: all 10 requested streams will work");
    }

    @Test
    void emptyMachineListAnswering404IsAPass() {
        CheckReport report = runner.run(request(CONTOSO_DOMAIN, FULL_APP, ClientSecret.of(FULL_SECRET), "machines"));
        Check read = check(report, "read:machines");
        assertThat(read.status()).isEqualTo(CheckStatus.PASS);
        assertThat(report.ok()).isTrue();
    }

    @Test
    void unknownTenantMentionsTheWrongCloud() {
        CheckReport report = runner.run(request(EmulatorDirectory.UNKNOWN_TENANT, FULL_APP, ClientSecret.of(FULL_SECRET),
                "alerts,incidents"));
        Check token = check(report, "token:mde");
        assertThat(token.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(token.detail()).contains("AADSTS90002");
        assertThat(token.advice().guidance()).isEqualTo(Guidance.TENANT_NOT_FOUND);
        assertThat(token.advice().cause()).contains("another Microsoft cloud");
        // The credential failure is reported once; Graph is not asked again.
        assertThat(check(report, "token:graph").status()).isEqualTo(CheckStatus.SKIP);
        assertThat(directory.tokenRequests(EmulatorDirectory.UNKNOWN_TENANT, FULL_APP, "https://graph.microsoft.com")).isZero();
        assertThat(report.ok()).isFalse();
        assertThat(report.streams()).containsValues(CheckStatus.FAIL);
    }

    @Test
    void appNotConsentedInTheTenantGivesTheConsentUrl() {
        CheckReport report = runner.run(request(CONTOSO, EmulatorDirectory.FOREIGN_APP,
                ClientSecret.of(EmulatorDirectory.FOREIGN_SECRET), "alerts"));
        Advice advice = check(report, "token:mde").advice();
        assertThat(advice.guidance()).isEqualTo(Guidance.APP_NOT_IN_TENANT);
        assertThat(advice.fix()).contains(directory.emulator.baseUrl() + "/" + CONTOSO
                + "/oauth2/authorize?prompt=consent&client_id=" + EmulatorDirectory.FOREIGN_APP);
    }

    @Test
    void wrongSecretIsAnInvalidSecret() {
        CheckReport report = runner.run(request(CONTOSO, FULL_APP, ClientSecret.of("Wr0ng~secret.value_xxxxxxxxxxxxxxxxxxxxx"), "alerts"));
        Check token = check(report, "token:mde");
        assertThat(token.detail()).contains("AADSTS7000215");
        assertThat(token.advice().guidance()).isEqualTo(Guidance.INVALID_SECRET);
        assertThat(token.advice().fix()).contains("Certificates & secrets");
    }

    @Test
    void pastedSecretIdIsRecognised() {
        CheckReport report = runner.run(request(CONTOSO, FULL_APP, ClientSecret.of(EmulatorDirectory.FULL_SECRET_ID), "alerts"));
        Advice advice = check(report, "token:mde").advice();
        assertThat(advice.guidance()).isEqualTo(Guidance.SECRET_ID_NOT_VALUE);
        assertThat(advice.fix()).containsIgnoringCase("use the Value column, not the Secret ID");
    }

    @Test
    void expiredSecretSaysHowToMakeANewOne() {
        CheckReport report = runner.run(request(CONTOSO, FULL_APP, ClientSecret.of(EmulatorDirectory.EXPIRED_SECRET), "alerts"));
        Check token = check(report, "token:mde");
        assertThat(token.detail()).contains("AADSTS7000222");
        assertThat(token.advice().guidance()).isEqualTo(Guidance.SECRET_EXPIRED);
        assertThat(token.advice().fix()).contains("Certificates & secrets > New client secret");
    }

    @Test
    void unregisteredCertificateNamesItsThumbprint(@TempDir Path dir) {
        TestCertificates stranger = TestCertificates.generate("not registered");
        Path pem = TestCertificates.write(dir.resolve("stranger.pem"), stranger.certificatePem(), stranger.pkcs8KeyPem());
        var credential = CertificateFiles.load(pem, Optional.empty(), null);
        CheckReport report = runner.run(request(CONTOSO, FULL_APP, credential, "alerts"));
        Check token = check(report, "token:mde");
        assertThat(token.detail()).contains("AADSTS700027");
        assertThat(token.advice().guidance()).isEqualTo(Guidance.CERTIFICATE_NOT_REGISTERED);
        assertThat(token.advice().cause()).contains(credential.sha1ThumbprintHex());
    }

    @Test
    void registeredCertificateWorksAsPemAndAsPkcs12(@TempDir Path dir) {
        TestCertificates cert = EmulatorDirectory.REGISTERED_CERTIFICATE;
        Path pem = TestCertificates.write(dir.resolve("app.pem"), cert.certificatePem(), cert.pkcs1KeyPem());
        Path p12 = cert.writePkcs12(dir.resolve("app.p12"), "pfx-pass".toCharArray());
        for (ClientCredential credential : List.of(CertificateFiles.load(pem, Optional.empty(), null),
                CertificateFiles.load(p12, Optional.empty(), "pfx-pass".toCharArray()))) {
            CheckReport report = runner.run(request(CONTOSO, FULL_APP, credential, "alerts,incidents"));
            assertThat(report.failures()).as(credential.describe()).isEmpty();
            assertThat(report.ok()).isTrue();
        }
    }

    @Test
    void missingPermissionNamesPermissionApiAndPortalPath() {
        CheckReport report = runner.run(request(CONTOSO, EmulatorDirectory.PARTIAL_APP,
                ClientSecret.of(EmulatorDirectory.PARTIAL_SECRET), "alerts,machines"));
        Check permission = check(report, "permission:alerts");
        assertThat(permission.status()).isEqualTo(CheckStatus.FAIL);
        Advice advice = permission.advice();
        assertThat(advice.guidance()).isEqualTo(Guidance.MISSING_PERMISSION);
        assertThat(advice.symptom()).isEqualTo("The app lacks the WindowsDefenderATP permission Alert.Read.All.");
        assertThat(advice.cause()).contains("Alert.Read.All, Alert.ReadWrite.All").contains("Machine.Read.All");
        assertThat(advice.fix()).isEqualTo("API permissions > Add a permission > APIs my organization uses > WindowsDefenderATP"
                + " > Application permissions > Alert.Read.All > Add permissions > Grant admin consent for " + CONTOSO
                + ". Then run check again (a token carries the permissions it was issued with).");
        assertThat(check(report, "read:alerts").status()).isEqualTo(CheckStatus.SKIP);
        assertThat(report.streams()).containsEntry(DefenderStream.MACHINES, CheckStatus.PASS)
                .containsEntry(DefenderStream.ALERTS, CheckStatus.FAIL);
        assertThat(report.ok()).isFalse();
        assertThat(CheckReportFormat.summary(report)).startsWith("NOT OK: 1 of 2 requested streams will not work (alerts); ready: machines");
    }

    @Test
    void permissionsAddedButNeverConsentedAreDetectedFromTheMissingRolesClaim() {
        CheckReport report = runner.run(request(CONTOSO, EmulatorDirectory.PARTIAL_APP,
                ClientSecret.of(EmulatorDirectory.PARTIAL_SECRET), "incidents,hunting"));
        assertThat(check(report, "token:graph").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(report, "token:graph").detail()).contains("no roles claim");
        Check consent = check(report, "consent:graph");
        assertThat(consent.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(consent.advice().guidance()).isEqualTo(Guidance.NO_ADMIN_CONSENT);
        assertThat(consent.advice().fix()).contains("Grant admin consent for " + CONTOSO)
                .contains("SecurityIncident.Read.All, ThreatHunting.Read.All");
        assertThat(report.ok()).isFalse();
    }

    @Test
    void tokenForAnotherApiIsDiagnosedBeforeItsRolesAreBlamed() {
        // A misconfigured resource: the MDE audience requested for the XDR API.
        Endpoints misconfigured = directory.endpoints().withResource(Api.DEFENDER_XDR, "https://api.securitycenter.microsoft.com");
        CheckReport report = runner.run(new CheckRequest(CONTOSO, FULL_APP, ClientSecret.of(FULL_SECRET), misconfigured,
                directory.tls(), List.of(DefenderStream.XDR_INCIDENTS)));
        Check audience = check(report, "audience:xdr");
        assertThat(audience.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(audience.advice().guidance()).isEqualTo(Guidance.WRONG_AUDIENCE);
        assertThat(audience.advice().cause()).contains("https://api.securitycenter.microsoft.com")
                .contains("expects https://api.security.microsoft.com");
        assertThat(check(report, "permission:xdr-incidents").status()).isEqualTo(CheckStatus.SKIP);
    }

    @Test
    void apiAnswering401ForTheAudienceIsDiagnosedAsWrongAudience() throws Exception {
        var tokens = org.defenderconnector.microsoft.auth.TokenSource.create(directory.endpoints(), directory.tls(),
                FULL_APP, ClientSecret.of(FULL_SECRET));
        var graphToken = tokens.accessToken(CONTOSO, Api.GRAPH);
        var alerts = org.defenderconnector.microsoft.permissions.PermissionCatalog.requirement(DefenderStream.ALERTS);
        ApiProbe.Response resp = new ApiProbe(directory.tls(), java.time.Duration.ofSeconds(30))
                .send(directory.endpoints().baseUrl(Api.DEFENDER_ENDPOINT), alerts.probe(), graphToken.value());
        assertThat(resp.status()).isEqualTo(401);
        CheckRequest req = request(CONTOSO, FULL_APP, ClientSecret.of(FULL_SECRET), "alerts");
        Advice advice = new FailureDiagnosis(req).forResponse(alerts, graphToken.claims(), resp);
        assertThat(advice.guidance()).isEqualTo(Guidance.WRONG_AUDIENCE);
        assertThat(advice.cause()).contains("https://graph.microsoft.com").contains("expects https://api.securitycenter.microsoft.com");
        ApiProbe.Response garbage = new ApiProbe(directory.tls(), java.time.Duration.ofSeconds(30))
                .send(directory.endpoints().baseUrl(Api.DEFENDER_ENDPOINT), alerts.probe(), "not-a-token");
        assertThat(new FailureDiagnosis(req).forResponse(alerts, null, garbage).guidance()).isEqualTo(Guidance.TOKEN_REJECTED);
    }

    @Test
    void emulatorCertificateIsNotTrustedWithoutTheExtraCa() {
        CheckReport report = runner.run(new CheckRequest(CONTOSO, FULL_APP, ClientSecret.of(FULL_SECRET),
                directory.endpoints(), TlsTrust.systemDefault(), List.of(DefenderStream.ALERTS)));
        Check token = check(report, "token:mde");
        assertThat(token.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(token.advice().guidance()).isEqualTo(Guidance.TLS_UNTRUSTED);
        assertThat(token.advice().fix()).contains("--ca-cert");
    }

    @Test
    void jsonReportParsesAndHasTheFields() throws Exception {
        CheckReport report = runner.run(request(CONTOSO, EmulatorDirectory.PARTIAL_APP,
                ClientSecret.of(EmulatorDirectory.PARTIAL_SECRET), "alerts,machines"));
        JsonNode json = new ObjectMapper().readTree(CheckReportFormat.json(report));
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("tenant").asText()).isEqualTo(CONTOSO);
        assertThat(json.get("clientId").asText()).isEqualTo(EmulatorDirectory.PARTIAL_APP);
        assertThat(json.get("streams").get("alerts").asText()).isEqualTo("FAIL");
        assertThat(json.get("streams").get("machines").asText()).isEqualTo("PASS");
        assertThat(json.get("summary").get("failed").asInt()).isEqualTo(1);
        JsonNode failed = null;
        for (JsonNode c : json.get("checks")) {
            assertThat(c.has("id") && c.has("status") && c.has("title") && c.has("detail") && c.has("api")
                    && c.has("stream") && c.has("guidance")).isTrue();
            if (c.get("status").asText().equals("FAIL")) {
                failed = c;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.get("guidance").get("id").asText()).isEqualTo("MISSING_PERMISSION");
        assertThat(failed.get("guidance").get("fix").asText()).contains("Grant admin consent");
    }

    @Test
    void demoConfigCredentialsWorkWithSecretPemAndPkcs12(@TempDir Path dir) throws Exception {
        try (var demo = org.defenderconnector.emulator.Emulator.start(org.defenderconnector.emulator.EmulatorConfig.demo(),
                org.defenderconnector.emulator.EmulatorOptions.defaults())) {
            DemoCredentials.WrittenFiles files = DemoCredentials.write(dir);
            Endpoints endpoints = Endpoints.custom(demo.baseUri(), true);
            TlsTrust tls = TlsTrust.withExtraCa(demo.caCertificatePath());
            List<ClientCredential> credentials = List.of(
                    ClientSecret.of(DemoCredentials.SECRET_VALUE),
                    CertificateFiles.load(files.certificatePem(), Optional.of(files.privateKeyPem()), null),
                    CertificateFiles.load(files.pkcs12(), Optional.empty(), DemoCredentials.PKCS12_PASSWORD.toCharArray()));
            for (ClientCredential credential : credentials) {
                CheckReport report = runner.run(new CheckRequest(DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID,
                        credential, endpoints, tls, DefenderStream.parseList("all")));
                assertThat(report.failures()).as(credential.describe()).isEmpty();
                assertThat(report.ok()).isTrue();
            }
        }
    }
}
