package org.defenderconnector.app.server.integrations;

import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.store.admin.IntegrationRecord;

/**
 * An integration ready to be used: its settings, its decrypted secrets, and where and how to connect.
 * What the runtime activates and the credential test checks.
 */
public record ResolvedIntegration(IntegrationRecord record, IntegrationSecrets secrets, Endpoints endpoints,
                                  TlsTrust tls) {

    public String name() {
        return record.name();
    }

    public ClientCredential credential() {
        return secrets.credential(record.authMethod());
    }

    /**
     * The Kafka consumer group the integration reads its Event Hub with: the one entered, else
     * {@link ConnectorConfig.EventHubsSettings#defaultConsumerGroup}, as for a configured tenant.
     */
    public String eventHubConsumerGroup() {
        IntegrationRecord.StreamingSettings streaming = record.streaming();
        return streaming != null && streaming.eventHubConsumerGroup() != null ? streaming.eventHubConsumerGroup()
                : ConnectorConfig.EventHubsSettings.defaultConsumerGroup(record.name());
    }

    @Override
    public String toString() {
        return "ResolvedIntegration[" + record.name() + ", " + endpoints.describe() + "]";
    }
}
