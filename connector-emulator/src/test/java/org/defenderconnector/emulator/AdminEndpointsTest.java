package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.APP;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_APP;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_SECRET_1;
import static org.defenderconnector.emulator.support.TestDirectory.ROTATING_SECRET_1_ID;
import static org.defenderconnector.emulator.support.TestDirectory.SECRET;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.net.URI;
import java.net.http.HttpRequest;

import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.RunningEmulator;
import org.junit.jupiter.api.Test;

/** The HTTP mirror of {@link EmulatorAdmin} under /_emulator/admin. */
class AdminEndpointsTest extends RunningEmulator {

    @Test
    void tokenRequestCountersAreReadableAndResettable() {
        assertThat(post("/resetCounters", "{}").status()).isEqualTo(204);
        client.accessToken(CONTOSO, APP, SECRET, GRAPH);
        client.accessToken(CONTOSO, APP, SECRET, GRAPH);

        EmulatorClient.Response one = client.get("/_emulator/admin/tokenRequests?tenantId=" + CONTOSO + "&clientId="
                + APP + "&resource=https%3A%2F%2Fgraph.microsoft.com%2F.default", null);
        EmulatorClient.Response all = client.get("/_emulator/admin/tokenRequests", null);

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("count").asLong()).isEqualTo(2);
        assertThat(all.json().get("counters")).hasSize(1);
        assertThat(all.json().get("counters").get(0).get("resource").asText()).isEqualTo(GRAPH);
        assertThat(all.json().get("counters").get(0).get("count").asLong()).isEqualTo(2);
    }

    @Test
    void secretsAndPermissionsChangeOverHttp() {
        assertThat(post("/revokeSecret", "{\"clientId\":\"" + ROTATING_APP + "\",\"secretId\":\""
                + ROTATING_SECRET_1_ID + "\"}").status()).isEqualTo(204);
        assertThat(client.token(CONTOSO, true, EmulatorClient.secretForm(ROTATING_APP, ROTATING_SECRET_1,
                WDATP + "/.default")).status()).isEqualTo(401);

        String grant = "{\"tenantId\":\"" + CONTOSO + "\",\"clientId\":\"" + APP
                + "\",\"api\":\"WindowsDefenderATP\",\"role\":\"Software.Read.All\"}";
        assertThat(post("/grantPermission", grant).status()).isEqualTo(204);
        assertThat(EmulatorClient.claims(client.accessToken(CONTOSO, APP, SECRET, WDATP)).get("roles").toString())
                .contains("Software.Read.All");
        assertThat(post("/removePermission", grant).status()).isEqualTo(204);
        assertThat(EmulatorClient.claims(client.accessToken(CONTOSO, APP, SECRET, WDATP)).get("roles").toString())
                .doesNotContain("Software.Read.All");
    }

    @Test
    void tokenLifetimeIsReadableAndSettable() {
        try {
            assertThat(post("/tokenLifetime", "{\"seconds\":900}").status()).isEqualTo(204);
            assertThat(client.get("/_emulator/admin/tokenLifetime", null).json().get("seconds").asLong()).isEqualTo(900);
            assertThat(client.token(CONTOSO, true, EmulatorClient.secretForm(APP, SECRET, GRAPH + "/.default"))
                    .json().get("expires_in").asLong()).isEqualTo(900);
        } finally {
            emulator.admin().setTokenLifetime(java.time.Duration.ofSeconds(3599));
        }
    }

    @Test
    void badRequestsAreExplained() {
        EmulatorClient.Response missingField = post("/revokeSecret", "{\"clientId\":\"" + APP + "\"}");
        EmulatorClient.Response notJson = post("/grantPermission", "nope");
        EmulatorClient.Response unknownApp = post("/revokeSecret",
                "{\"clientId\":\"0bad0000-0000-4000-8000-0000000000ff\",\"secretId\":\"x\"}");
        EmulatorClient.Response unknownOperation = post("/explode", "{}");

        assertThat(missingField.status()).isEqualTo(400);
        assertThat(missingField.json().get("error").asText()).contains("secretId");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(unknownApp.status()).isEqualTo(400);
        assertThat(unknownOperation.status()).isEqualTo(404);
    }

    private static EmulatorClient.Response post(String operation, String json) {
        return client.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/admin" + operation))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
