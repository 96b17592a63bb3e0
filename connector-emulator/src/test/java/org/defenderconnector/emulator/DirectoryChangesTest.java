package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.NORTHWIND;
import static org.defenderconnector.emulator.support.TestDirectory.APP;
import static org.defenderconnector.emulator.support.TestDirectory.SECRET;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_APP;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_SECRET_1;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_SECRET_1_ID;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_SECRET_2;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;

import java.util.ArrayList;
import java.util.List;

import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.RunningEmulator;
import org.junit.jupiter.api.Test;

/** Portal-style changes at run time (revoked secret, removed or granted permission) take effect. */
class DirectoryChangesTest extends RunningEmulator {

    @Test
    void revokedSecretIsRefusedWhileTheOtherSecretKeepsWorking() {
        assertThat(client.token(CONTOSO, true, EmulatorClient.secretForm(ROTATING_APP, ROTATING_SECRET_1,
                WDATP + "/.default")).status()).isEqualTo(200);

        emulator.admin().revokeSecret(ROTATING_APP, ROTATING_SECRET_1_ID);

        EmulatorClient.Response revoked = client.token(CONTOSO, true,
                EmulatorClient.secretForm(ROTATING_APP, ROTATING_SECRET_1, WDATP + "/.default"));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(client.token(CONTOSO, true, EmulatorClient.secretForm(ROTATING_APP, ROTATING_SECRET_2,
                WDATP + "/.default")).status()).isEqualTo(200);
    }

    @Test
    void removedPermissionLeavesNewTokensButNotOldOnes() {
        String before = client.accessToken(CONTOSO, ROTATING_APP, ROTATING_SECRET_2, WDATP);
        assertThat(client.get("/api/vulnerabilities", before).status()).isEqualTo(200);

        emulator.admin().removePermission(CONTOSO, ROTATING_APP, "WindowsDefenderATP", "Vulnerability.Read.All");
        try {
            String after = client.accessToken(CONTOSO, ROTATING_APP, ROTATING_SECRET_2, WDATP);

            assertThat(roles(after)).containsExactly("Alert.Read.All");
            EmulatorClient.Response refused = client.get("/api/vulnerabilities", after);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").get("message").asText()).contains("(Vulnerability.Read.All)");
            // As with Entra, a token already issued keeps its roles until it expires.
            assertThat(client.get("/api/vulnerabilities", before).status()).isEqualTo(200);
        } finally {
            emulator.admin().grantPermission(CONTOSO, ROTATING_APP, "WindowsDefenderATP", "Vulnerability.Read.All");
        }
        assertThat(roles(client.accessToken(CONTOSO, ROTATING_APP, ROTATING_SECRET_2, WDATP)))
                .containsExactly("Alert.Read.All", "Vulnerability.Read.All");
    }

    @Test
    void removingTheLastPermissionOnAnApiRemovesTheRolesClaim() {
        emulator.admin().removePermission(CONTOSO, APP, "https://api.security.microsoft.com", "Incident.Read.All");
        try {
            String token = client.accessToken(CONTOSO, APP, SECRET, "https://api.security.microsoft.com");
            assertThat(EmulatorClient.claims(token).has("roles")).isFalse();
        } finally {
            emulator.admin().grantPermission(CONTOSO, APP, "Microsoft Threat Protection", "Incident.Read.All");
        }
    }

    @Test
    void consentInAnotherTenantCreatesTheServicePrincipalThere() {
        assertThat(client.token(NORTHWIND, true, EmulatorClient.secretForm(APP, SECRET, GRAPH + "/.default"))
                .json().get("error_codes").get(0).asInt()).isEqualTo(700016);

        emulator.admin().grantPermission(NORTHWIND, APP, "Microsoft Graph", "SecurityAlert.Read.All");

        assertThat(roles(client.accessToken(NORTHWIND, APP, SECRET, GRAPH))).containsExactly("SecurityAlert.Read.All");
    }

    @Test
    void invalidAdminRequestsAreRefused() {
        assertThatThrownBy(() -> emulator.admin().revokeSecret(ROTATING_APP, "5ec00000-0000-4000-8000-00000000dead"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no secret");
        assertThatThrownBy(() -> emulator.admin().removePermission(CONTOSO, APP, "WindowsDefenderATP", "Score.Read.All"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.admin().grantPermission(CONTOSO, APP, "Azure Key Vault", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown API");
        assertThatThrownBy(() -> emulator.admin().grantPermission(CONTOSO, APP, "Azure Storage", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no application permissions");
        assertThatThrownBy(() -> emulator.admin().grantPermission(NORTHWIND, ROTATING_APP, "Microsoft Graph",
                "SecurityAlert.Read.All")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single-tenant");
    }

    private static List<String> roles(String token) {
        List<String> roles = new ArrayList<>();
        EmulatorClient.claims(token).path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }
}
