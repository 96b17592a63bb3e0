package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;

import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's own client library obtains tokens from the emulator with a secret and with a certificate, which
 * proves the token endpoint, TLS certificate and assertion checks interoperate with MSAL as they do with Entra.
 */
class MsalInteropTest {

    @TempDir
    static Path directory;

    private static Emulator emulator;
    private static EmulatorClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.demo(), EmulatorOptions.defaults().withDirectory(directory));
        client = new EmulatorClient(emulator.baseUrl(), emulator.caCertificatePath());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void msalGetsATokenWithTheDemoSecret() throws Exception {
        IAuthenticationResult result = acquire(DemoCredentials.TENANT_ID,
                ClientCredentialFactory.createFromSecret(DemoCredentials.SECRET_VALUE), "https://graph.microsoft.com/.default");

        assertThat(EmulatorClient.claims(result.accessToken()).get("aud").asText()).isEqualTo("https://graph.microsoft.com");
        assertThat(EmulatorClient.claims(result.accessToken()).get("roles").toString()).contains("ThreatHunting.Read.All");
        assertThat(result.expiresOnDate()).isInTheFuture();
    }

    @Test
    void msalGetsATokenWithTheDemoCertificate() throws Exception {
        DemoCredentials demo = DemoCredentials.get();
        IAuthenticationResult result = acquire(DemoCredentials.TENANT_DOMAIN,
                ClientCredentialFactory.createFromCertificate(demo.privateKey(), demo.certificate()),
                "https://api.securitycenter.microsoft.com/.default");

        var claims = EmulatorClient.claims(result.accessToken());
        assertThat(claims.get("aud").asText()).isEqualTo("https://api.securitycenter.microsoft.com");
        assertThat(claims.get("appidacr").asText()).isEqualTo("2");
        assertThat(claims.get("tid").asText()).isEqualTo(DemoCredentials.TENANT_ID);
    }

    @Test
    void msalSurfacesTheEmulatorsAadstsError() {
        assertThatThrownBy(() -> acquire(DemoCredentials.TENANT_ID,
                ClientCredentialFactory.createFromSecret(DemoCredentials.SECRET_ID), "https://graph.microsoft.com/.default"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(MsalServiceException.class)
                .hasMessageContaining("AADSTS7000215")
                .satisfies(e -> assertThat(((MsalServiceException) e).errorCode()).isEqualTo("invalid_client"));
    }

    private static IAuthenticationResult acquire(String tenant, IClientCredential credential, String scope)
            throws Exception {
        ConfidentialClientApplication app = ConfidentialClientApplication.builder(DemoCredentials.CLIENT_ID, credential)
                .authority(emulator.baseUrl() + "/" + tenant + "/")
                .instanceDiscovery(false)
                .sslSocketFactory(client.sslContext().getSocketFactory())
                .build();
        return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build()).get();
    }
}
