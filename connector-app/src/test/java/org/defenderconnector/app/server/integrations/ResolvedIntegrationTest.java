package org.defenderconnector.app.server.integrations;

import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResolvedIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    private static ResolvedIntegration withHub(String consumerGroup) {
        IntegrationInput input = new IntegrationInput("contoso", "11111111-2222-3333-4444-555555555555",
                "66666666-7777-8888-9999-000000000000", null, "Abc~secret.value_1", null, null, null, null, null, null,
                null, null, null, null, "contoso-streaming", "insights-logs-advancedhunting-all", consumerGroup,
                "Endpoint=sb://contoso-streaming.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=k",
                List.of("alerts"), null, null);
        IntegrationForm.Draft draft = IntegrationForm.validate(input, null, NOW);
        return new ResolvedIntegration(draft.record(), draft.secrets(), Endpoints.of(Cloud.GLOBAL), TlsTrust.systemDefault());
    }

    @Test
    void anEventHubWithoutConsumerGroupIsReadWithTheIntegrationsOwnKafkaGroup() {
        assertThat(withHub(null).record().streaming().eventHubConsumerGroup()).isNull();
        assertThat(withHub(null).eventHubConsumerGroup()).isEqualTo("defender-connector-contoso");
        assertThat(withHub(" ").eventHubConsumerGroup()).isEqualTo("defender-connector-contoso");
        assertThat(withHub("siem-reader").eventHubConsumerGroup()).isEqualTo("siem-reader");
    }
}
