package org.defenderconnector.app.server.runtime;

import org.defenderconnector.app.server.integrations.ResolvedIntegration;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.hunting.HuntingSources;
import org.defenderconnector.microsoft.hunting.HuntingTable;
import org.defenderconnector.store.admin.IntegrationRecord;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The engine streams of an integration: the engine runs one source per stream name, so {@code hunting}
 * becomes one {@code hunting:<Table>} stream per standard table (as in a configuration file), and the
 * integration's Streaming API destination adds {@code streaming-storage} (a queue and a storage account
 * name or connection string) or {@code streaming-eventhubs} (Event Hub connection string stored).
 */
final class EngineStreams {
    private static final String HUNTING = "hunting";

    private EngineStreams() {
    }

    static List<String> of(ResolvedIntegration integration) {
        Set<String> streams = new LinkedHashSet<>();
        for (String stream : integration.record().streams()) {
            if (stream.toLowerCase(Locale.ROOT).equals(HUNTING)) {
                HuntingTable.standard().forEach(table -> streams.add(HuntingSources.streamName(table)));
            } else {
                streams.add(stream);
            }
        }
        IntegrationRecord.StreamingSettings streaming = integration.record().streaming();
        boolean storageNamed = streaming != null && (streaming.storageAccount() != null
                || integration.secrets() != null && integration.secrets().storageConnectionString().isPresent());
        if (storageNamed && streaming.storageQueue() != null) {
            streams.add(ConnectorConfig.STREAMING_STORAGE);
        }
        if (readsEventHub(integration)) {
            streams.add(ConnectorConfig.STREAMING_EVENT_HUBS);
        }
        return List.copyOf(streams);
    }

    /**
     * Whether the integration names an Event Hub to read: a stored connection string, or a namespace and
     * hub read with the app's Entra sign-in.
     */
    static boolean readsEventHub(ResolvedIntegration integration) {
        if (integration.secrets() != null && integration.secrets().eventHubConnectionString().isPresent()) {
            return true;
        }
        IntegrationRecord.StreamingSettings streaming = integration.record().streaming();
        return streaming != null && streaming.eventHubNamespace() != null && streaming.eventHubName() != null;
    }
}
