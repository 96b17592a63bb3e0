package org.defenderconnector.app.server.integrations;

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
    private static final String CONSUMER_GROUP_PREFIX = "defender-connector-";

    public String name() {
        return record.name();
    }

    public ClientCredential credential() {
        return secrets.credential(record.authMethod());
    }

    /**
     * The Kafka consumer group the integration reads its Event Hub with: the one entered, else
     * {@link #defaultConsumerGroup}.
     */
    public String eventHubConsumerGroup() {
        IntegrationRecord.StreamingSettings streaming = record.streaming();
        return streaming != null && streaming.eventHubConsumerGroup() != null ? streaming.eventHubConsumerGroup()
                : defaultConsumerGroup(record.name());
    }

    /**
     * {@code defender-connector-<integration>}. The connector reads through the namespace's Kafka endpoint,
     * where Microsoft documents consumer groups as Kafka groups: created on first use, distinct from the
     * hub's Event Hubs consumer groups (so {@code $Default} is not needed), and spanning the namespace. A
     * group of the connector's own, one per integration, needs no setup and is shared with no other
     * reader, which would otherwise take some of the hub's partitions away from the connector.
     */
    public static String defaultConsumerGroup(String integrationName) {
        return CONSUMER_GROUP_PREFIX + integrationName;
    }

    @Override
    public String toString() {
        return "ResolvedIntegration[" + record.name() + ", " + endpoints.describe() + "]";
    }
}
