package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.defenderconnector.emulator.directory.ResourceApi;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, validating and writing configs; the demo config and its credentials. */
class EmulatorConfigTest {

    @TempDir
    Path dir;

    @Test
    void documentedYamlExampleLoadsWithACertificateFileRelativeToTheConfig() throws Exception {
        Files.writeString(dir.resolve("app.pem"), TestCertificates.generate("from file").certificatePem());
        Files.writeString(dir.resolve("emulator.yaml"), """
                tokenLifetimeSeconds: 1800
                applications:
                  - clientId: 2f6c4c1e-0000-4000-8000-000000000001
                    displayName: defender-connector
                    homeTenant: 11111111-0000-4000-8000-000000000001
                    multiTenant: true
                    secrets:
                      - id: 5d1c0000-0000-4000-8000-000000000001
                        value: "abc~secret-value"
                        expires: 2027-06-30T00:00:00Z
                    certificates:
                      - path: app.pem
                tenants:
                  - id: 11111111-0000-4000-8000-000000000001
                    domains: [contoso.onmicrosoft.com]
                    servicePrincipals:
                      - clientId: 2f6c4c1e-0000-4000-8000-000000000001
                        grants:
                          WindowsDefenderATP: [Alert.Read.All, Machine.Read.All]
                          Microsoft Threat Protection: [Incident.Read.All]
                          Microsoft Graph: [SecurityIncident.Read.All, SecurityAlert.Read.All, ThreatHunting.Read.All]
                        requestedNotConsented:
                          Microsoft Graph: [ThreatHunting.Read.All]
                """);

        EmulatorConfig config = EmulatorConfig.load(dir.resolve("emulator.yaml"));

        assertThat(config.tokenLifetimeSeconds()).isEqualTo(1800);
        EmulatorConfig.Application app = config.applications().get(0);
        assertThat(app.multiTenant()).isTrue();
        assertThat(app.secrets().get(0).expires()).isEqualTo(Instant.parse("2027-06-30T00:00:00Z"));
        assertThat(app.certificates().get(0).pem()).contains("BEGIN CERTIFICATE");
        assertThat(config.tenants().get(0).servicePrincipals().get(0).grants())
                .containsKeys("WindowsDefenderATP", "Microsoft Threat Protection", "Microsoft Graph");
    }

    @Test
    void jsonIsAcceptedToo() {
        EmulatorConfig config = EmulatorConfig.parse("""
                {"tenants": [{"id": "11111111-0000-4000-8000-000000000001"}], "applications": []}
                """);

        assertThat(config.tenants()).hasSize(1);
        assertThat(config.tokenLifetimeSeconds()).isEqualTo(EmulatorConfig.DEFAULT_TOKEN_LIFETIME_SECONDS);
    }

    @Test
    void everyInconsistencyIsReportedAtOnce() {
        assertThatThrownBy(() -> EmulatorConfig.parse("""
                tokenLifetimeSeconds: 0
                applications:
                  - clientId: not-a-guid
                    homeTenant: 11111111-0000-4000-8000-000000000001
                  - clientId: 2f6c4c1e-0000-4000-8000-000000000002
                    homeTenant: 11111111-0000-4000-8000-000000000001
                    secrets:
                      - id: 5d1c0000-0000-4000-8000-000000000001
                tenants:
                  - id: 11111111-0000-4000-8000-000000000001
                  - id: 22222222-0000-4000-8000-000000000002
                    servicePrincipals:
                      - clientId: 2f6c4c1e-0000-4000-8000-000000000002
                        grants:
                          Azure Storage: [user_impersonation]
                          Azure Key Vault: [Vault.Read]
                      - clientId: 2f6c4c1e-0000-4000-8000-0000000000ff
                """))
                .isInstanceOf(EmulatorConfigException.class)
                .hasMessageContaining("tokenLifetimeSeconds")
                .hasMessageContaining("applications[0].clientId must be a GUID")
                .hasMessageContaining("applications[1].secrets[0].value is missing")
                .hasMessageContaining("single-tenant")
                .hasMessageContaining("Azure Storage defines no application permissions")
                .hasMessageContaining("unknown API 'Azure Key Vault'")
                .hasMessageContaining("servicePrincipals[1].clientId 2f6c4c1e-0000-4000-8000-0000000000ff is not one");
    }

    @Test
    void unknownKeysAreRejectedWithTheirName() {
        assertThatThrownBy(() -> EmulatorConfig.parse("tokenLifetime: 10\n"))
                .isInstanceOf(EmulatorConfigException.class).hasMessageContaining("tokenLifetime");
    }

    @Test
    void secretValuesNeverAppearInToStringOrYamlErrors() {
        EmulatorConfig.Secret secret = new EmulatorConfig.Secret("5d1c0000-0000-4000-8000-000000000001",
                "super-secret-value", null);

        assertThat(secret.toString()).doesNotContain("super-secret-value");
        assertThat(EmulatorConfig.demo().toString()).doesNotContain(DemoCredentials.SECRET_VALUE);
    }

    @Test
    void demoConfigHasEveryPermissionAndRoundTripsThroughYaml() {
        EmulatorConfig demo = EmulatorConfig.demo();

        EmulatorConfig.ServicePrincipal sp = demo.tenants().get(0).servicePrincipals().get(0);
        for (ResourceApi api : ResourceApi.values()) {
            assertThat(sp.grants().get(api.displayName())).containsExactlyInAnyOrderElementsOf(api.knownRoles());
        }
        assertThat(demo.applications().get(0).secrets().get(0).id()).isEqualTo(DemoCredentials.SECRET_ID);
        EmulatorConfig reparsed = EmulatorConfig.parse(demo.toYaml());
        assertThat(reparsed.tenants().get(0).id()).isEqualTo(DemoCredentials.TENANT_ID);
        assertThat(reparsed.applications().get(0).certificates().get(0).pem())
                .isEqualTo(DemoCredentials.get().certificatePem());
    }

    @Test
    void demoCredentialsAreWrittenAsPemAndPkcs12ThatBelongTogether() throws Exception {
        DemoCredentials.WrittenFiles files = DemoCredentials.write(dir);

        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(files.certificatePem())) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String keyPem = Files.readString(files.privateKeyPem());
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(keyPem.replaceAll("-----[A-Z ]+-----", ""))));
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(files.pkcs12())) {
            p12.load(in, DemoCredentials.PKCS12_PASSWORD.toCharArray());
        }

        assertThat(p12.getCertificate(DemoCredentials.PKCS12_ALIAS)).isEqualTo(certificate);
        assertThat(signsFor(key, certificate)).isTrue();
        assertThat(signsFor((PrivateKey) p12.getKey(DemoCredentials.PKCS12_ALIAS,
                DemoCredentials.PKCS12_PASSWORD.toCharArray()), certificate)).isTrue();
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(files.privateKeyPem()))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void demoEmulatorIssuesTokensForTheDemoCredentials() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.demo(), EmulatorOptions.defaults())) {
            EmulatorClient client = new EmulatorClient(emulator.baseUrl(), emulator.caCertificatePath());
            for (String resource : List.of("https://api.securitycenter.microsoft.com", "https://api.security.microsoft.com",
                    "https://graph.microsoft.com")) {
                String token = client.accessToken(DemoCredentials.TENANT_DOMAIN, DemoCredentials.CLIENT_ID,
                        DemoCredentials.SECRET_VALUE, resource);
                assertThat(EmulatorClient.claims(token).get("roles")).isNotEmpty();
            }
            assertThat(emulator.baseUrl()).matches("https://127\\.0\\.0\\.1:\\d+");
            assertThat(Files.readString(emulator.caCertificatePath())).startsWith("-----BEGIN CERTIFICATE-----");
        }
    }

    @Test
    void configuredTokenLifetimeIsUsed() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.demo().withTokenLifetime(java.time.Duration.ofMinutes(15)),
                EmulatorOptions.defaults().withDirectory(dir))) {
            EmulatorClient client = new EmulatorClient(emulator.baseUrl(), emulator.caCertificatePath());
            var body = client.token(DemoCredentials.TENANT_ID, true, EmulatorClient.secretForm(DemoCredentials.CLIENT_ID,
                    DemoCredentials.SECRET_VALUE, "https://graph.microsoft.com/.default")).json();
            assertThat(body.get("expires_in").asLong()).isEqualTo(900);
            assertThat(emulator.caCertificatePath()).isEqualTo(dir.resolve("emulator-ca.pem"));
        }
    }

    private static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        return verifier.verify(signature);
    }
}
