package org.defenderconnector.app.server.runtime;

import org.defenderconnector.app.server.integrations.IntegrationInput;
import org.defenderconnector.app.server.integrations.ResolvedIntegration;
import org.defenderconnector.app.server.integrations.ResolvedIntegrations;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An integration's Event Hub is read with its connection string, or with the app's Entra sign-in without one. */
class EventHubSignInTest {
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private static final String CONNECTION =
            "Endpoint=sb://contoso-streaming.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=k";

    private static ResolvedIntegration integration(String cloud, String namespace, String connectionString) {
        IntegrationInput input = new IntegrationInput("contoso", "11111111-2222-3333-4444-555555555555",
                "66666666-7777-8888-9999-000000000000", null, "Abc~secret.value_1", null, null, cloud, null, null, null,
                null, null, null, null, namespace, "insights-logs-advancedhunting-all", null, connectionString,
                List.of("alerts"), null, null);
        return ResolvedIntegrations.of(input, Endpoints.of(cloud == null ? Cloud.GLOBAL : Cloud.fromId(cloud)), NOW);
    }

    @Test
    void withAConnectionStringTheHubIsReadWithIt() {
        ResolvedIntegration withKey = integration(null, "contoso-streaming", CONNECTION);
        ConnectorConfig.EventHubsSettings settings = RestCollectionSources.eventHubsSettings(withKey);

        assertThat(EngineStreams.of(withKey)).contains(ConnectorConfig.STREAMING_EVENT_HUBS);
        assertThat(settings.auth()).isEqualTo(ConnectorConfig.EventHubsAuthKind.CONNECTION_STRING);
        assertThat(settings.connectionString().reveal()).isEqualTo(CONNECTION);
        assertThat(settings.consumerGroup()).isEqualTo("defender-connector-contoso");
    }

    @Test
    void withoutOneTheAppSignsInWithEntraToTheNamespaceOfItsCloud() {
        ResolvedIntegration global = integration(null, "contoso-streaming", null);
        ConnectorConfig.EventHubsSettings settings = RestCollectionSources.eventHubsSettings(global);

        assertThat(EngineStreams.of(global)).contains(ConnectorConfig.STREAMING_EVENT_HUBS);
        assertThat(settings.auth()).isEqualTo(ConnectorConfig.EventHubsAuthKind.ENTRA);
        assertThat(settings.connectionString()).isNull();
        assertThat(settings.namespace()).isEqualTo("contoso-streaming.servicebus.windows.net");
        assertThat(settings.hubs()).containsExactly("insights-logs-advancedhunting-all");

        assertThat(RestCollectionSources.eventHubsSettings(integration("gcc-high", "agency-streaming", null)).namespace())
                .isEqualTo("agency-streaming.servicebus.usgovcloudapi.net");
        assertThat(RestCollectionSources.eventHubsSettings(integration(null, "Contoso-Streaming.servicebus.windows.net", null))
                .namespace()).isEqualTo("contoso-streaming.servicebus.windows.net");
    }
}
