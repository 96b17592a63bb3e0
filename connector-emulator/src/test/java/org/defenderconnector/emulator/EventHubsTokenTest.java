package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.APP;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.SECRET;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.RunningEmulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens for Azure Event Hubs as Microsoft documents them: "For Kafka clients, the resource to request a token is
 * https://&lt;namespace&gt;.servicebus.windows.net", otherwise https://eventhubs.azure.net. Access is an Azure role
 * assignment, so no app roles are consented and the token has no {@code roles}.
 */
class EventHubsTokenTest extends RunningEmulator {

    @ParameterizedTest
    @ValueSource(strings = {"https://contoso-streaming.servicebus.windows.net", "https://eventhubs.azure.net",
            "https://contoso-gov.servicebus.usgovcloudapi.net", "https://contoso-cn.servicebus.chinacloudapi.cn"})
    void aClientCredentialsTokenIsIssuedForTheNamespaceAudienceWithoutRoles(String resource) {
        JsonNode claims = EmulatorClient.claims(client.accessToken(CONTOSO, APP, SECRET, resource));

        assertThat(claims.get("aud").asText()).isEqualTo(resource);
        assertThat(claims.get("iss").asText()).isEqualTo("https://sts.windows.net/" + CONTOSO + "/");
        assertThat(claims.get("tid").asText()).isEqualTo(CONTOSO);
        assertThat(claims.get("appid").asText()).isEqualTo(APP);
        assertThat(claims.has("roles")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theV1ResourceAndTheV2ScopeNameTheSameNamespace(boolean v2) {
        String namespace = "https://contoso-streaming.servicebus.windows.net";
        Map<String, String> form = v2 ? EmulatorClient.secretForm(APP, SECRET, namespace + "/.default")
                : Map.of("grant_type", "client_credentials", "client_id", APP, "client_secret", SECRET,
                        "resource", namespace);

        EmulatorClient.Response response = client.token(CONTOSO, v2, form);

        assertThat(response.status()).isEqualTo(200);
        assertThat(EmulatorClient.claims(response.json().get("access_token").asText()).get("aud").asText())
                .isEqualTo(namespace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://abc.servicebus.windows.net", "https://1contoso.servicebus.windows.net",
            "https://contoso-streaming.servicebus.example.com", "https://contoso_streaming.servicebus.windows.net",
            "http://contoso-streaming.servicebus.windows.net"})
    void aHostThatIsNoEventHubsNamespaceIsAnUnknownScope(String resource) {
        EmulatorClient.Response response = client.token(CONTOSO, true,
                EmulatorClient.secretForm(APP, SECRET, resource + "/.default"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_scope");
        assertThat(response.json().get("error_codes").get(0).asInt()).isEqualTo(500011);
    }
}
