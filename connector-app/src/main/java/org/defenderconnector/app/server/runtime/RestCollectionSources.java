package org.defenderconnector.app.server.runtime;

import org.defenderconnector.api.Source;
import org.defenderconnector.app.server.integrations.ResolvedIntegration;
import org.defenderconnector.engine.collection.TenantSourceFactory;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.engine.config.Secret;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.http.BudgetUsage;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.hunting.HuntingSources;
import org.defenderconnector.microsoft.sources.RestSources;
import org.defenderconnector.microsoft.sources.StreamOptions;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.admin.IntegrationRecord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The collection sources of activated integrations, built by the engine's {@link TenantSourceFactory} as
 * {@code run} builds a configured tenant's: the REST streams (alerts, machines, machine actions,
 * vulnerabilities, software, incidents, Graph alerts, scores), advanced hunting tables
 * ({@code hunting:<Table>}) and the Streaming API ({@code streaming-storage}, {@code streaming-eventhubs},
 * from the integration's storage or Event Hub settings, dead letters kept in the store). The REST and
 * hunting sources share one token source and one HTTP client per integration, and one rate budget per
 * app registration and tenant, shared by every integration using that pair, since Microsoft counts calls
 * per app per tenant. Windows that could not be read are recorded in the store for replay, as with
 * {@code run}.
 */
public final class RestCollectionSources implements SourceProvider {
    private final EventStore store;
    private final Path stateDirectory;
    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();

    public RestCollectionSources(EventStore store, Path stateDirectory) {
        this.store = store;
        this.stateDirectory = stateDirectory;
    }

    @Override
    public TenantSources open(ResolvedIntegration integration) {
        String tenantId = integration.record().tenantId();
        String clientId = integration.record().clientId();
        RateBudget budget = budgets.computeIfAbsent(tenantId + "/" + clientId, key -> RateBudget.documented(tenantId));
        IntegrationRecord.StreamingSettings streaming = integration.record().streaming();
        // Incomplete Streaming API settings fail that stream only (with the reason), not the integration.
        Map<String, String> problems = new HashMap<>();
        ConnectorConfig.StreamingStorageSettings storage = streaming == null || streaming.storageQueue() == null ? null
                : settings(ConnectorConfig.STREAMING_STORAGE, () -> storageSettings(integration), problems);
        ConnectorConfig.EventHubsSettings eventHubs = !EngineStreams.readsEventHub(integration) ? null
                : settings(ConnectorConfig.STREAMING_EVENT_HUBS, () -> eventHubsSettings(integration), problems);
        TenantSourceFactory sources = TenantSourceFactory.open(new TenantSourceFactory.Settings(integration.name(),
                tenantId, clientId, integration.credential(), integration.endpoints(), integration.tls(), budget,
                stateDirectory.resolve(integration.name()), storage, eventHubs,
                "check the integration's storage account, queue and key and that the account is reachable"), store);
        return new TenantSources() {
            @Override
            public Source create(String stream) {
                if (!HuntingSources.isHuntingStream(stream) && !TenantSourceFactory.isContinuous(stream)
                        && !RestSources.STREAMS.contains(stream) && !RestSources.XDR_INCIDENTS.equals(stream)) {
                    throw new IllegalArgumentException("the REST sources do not collect '" + stream + "' yet (they collect "
                            + String.join(", ", RestSources.STREAMS) + ")");
                }
                if (problems.containsKey(stream)) {
                    throw new IllegalArgumentException(problems.get(stream));
                }
                return sources.create(stream, StreamOptions.defaults(), Map.of());
            }

            @Override
            public Duration defaultInterval(String stream) {
                if (HuntingSources.isHuntingStream(stream)) {
                    return HuntingSources.DEFAULT_INTERVAL;
                }
                if (TenantSourceFactory.isContinuous(stream)) {
                    // Never caught up: the source paces itself inside its poll.
                    return Duration.ofSeconds(1);
                }
                return RestSources.defaultInterval(stream);
            }

            @Override
            public List<IntegrationRuntime.BudgetUse> budget() {
                List<IntegrationRuntime.BudgetUse> uses = new ArrayList<>();
                for (BudgetUsage usage : sources.budgetUsage().values()) {
                    uses.add(new IntegrationRuntime.BudgetUse(usage.family().displayName(), usage.callsLastMinute(),
                            usage.limit() == null ? null : usage.limit().perMinute(), usage.callsLastHour(),
                            usage.limit() == null ? null : usage.limit().perHour()));
                }
                return uses;
            }

            @Override
            public void close() {
                sources.close();
            }
        };
    }

    private static <T> T settings(String stream, Supplier<T> build, Map<String, String> problems) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            problems.put(stream, e.getMessage());
            return null;
        }
    }

    /**
     * Storage through the integration's connection string (which names the account or its endpoints), else
     * by account name with its key, or signed in with Entra (the app's token) when no key is stored.
     */
    private static ConnectorConfig.StreamingStorageSettings storageSettings(ResolvedIntegration integration) {
        IntegrationRecord.StreamingSettings streaming = integration.record().streaming();
        String connection = integration.secrets().storageConnectionString().orElse(null);
        if (connection != null) {
            return new ConnectorConfig.StreamingStorageSettings(ConnectorConfig.StorageAuthKind.CONNECTION_STRING, null,
                    null, new Secret(connection, "integration"), null, null, streaming.storageQueue(), false,
                    Duration.ofMinutes(10), Duration.ofMinutes(5));
        }
        if (streaming.storageAccount() == null) {
            throw new IllegalArgumentException("the integration has no storage account or storage connection string");
        }
        String suffix = integration.endpoints().cloud().storageSuffix();
        String key = integration.secrets().storageKey().orElse(null);
        return new ConnectorConfig.StreamingStorageSettings(
                key == null ? ConnectorConfig.StorageAuthKind.ENTRA : ConnectorConfig.StorageAuthKind.ACCOUNT_KEY,
                streaming.storageAccount(), suffix, null, key == null ? null : new Secret(key, "integration"), null,
                streaming.storageQueue(), false, Duration.ofMinutes(10), Duration.ofMinutes(5));
    }

    /**
     * The Event Hub through the integration's connection string, or, when none is stored, signed in with
     * Entra (the app's token for the namespace; the app needs Azure Event Hubs Data Receiver on it).
     */
    static ConnectorConfig.EventHubsSettings eventHubsSettings(ResolvedIntegration integration) {
        IntegrationRecord.StreamingSettings streaming = integration.record().streaming();
        if (streaming == null || streaming.eventHubName() == null) {
            throw new IllegalArgumentException("the integration has no Event Hub name");
        }
        String connection = integration.secrets().eventHubConnectionString().orElse(null);
        if (connection != null) {
            return new ConnectorConfig.EventHubsSettings(new Secret(connection, "integration"),
                    List.of(streaming.eventHubName()), integration.eventHubConsumerGroup());
        }
        if (streaming.eventHubNamespace() == null) {
            throw new IllegalArgumentException("the integration has no Event Hubs namespace");
        }
        return new ConnectorConfig.EventHubsSettings(ConnectorConfig.EventHubsAuthKind.ENTRA, null,
                namespaceHost(streaming.eventHubNamespace(), integration.endpoints().cloud()),
                List.of(streaming.eventHubName()), integration.eventHubConsumerGroup());
    }

    /** The namespace's host: as entered when it is one, else the name in the cloud's Service Bus domain. */
    static String namespaceHost(String namespace, Cloud cloud) {
        String host = namespace.strip().toLowerCase(Locale.ROOT);
        return host.contains(".") ? host : host + "." + cloud.serviceBusSuffix();
    }
}
