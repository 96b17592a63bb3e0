package org.defenderconnector.engine.collection;

import org.defenderconnector.api.Source;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.streaming.eventhubs.EventHubsConfig;
import org.defenderconnector.streaming.eventhubs.EventHubsConnectionString;
import org.defenderconnector.streaming.eventhubs.EventHubsSource;
import org.defenderconnector.streaming.storage.StorageAccount;
import org.defenderconnector.streaming.storage.StorageAuth;
import org.defenderconnector.streaming.storage.StorageStreamingConfig;
import org.defenderconnector.streaming.storage.StorageStreamingSource;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's Streaming API sources, built from its {@code storage:} and {@code eventHubs:} sections, with
 * their dead letters going to the store. These sources are continuous: every poll says there is more and
 * the source paces itself (a quiet poll waits about half a second), so each one keeps an engine thread busy.
 */
public final class StreamingSources {
    static final List<String> STREAMS = List.of(ConnectorConfig.STREAMING_STORAGE, ConnectorConfig.STREAMING_EVENT_HUBS);

    private StreamingSources() {
    }

    static boolean handles(String stream) {
        return STREAMS.contains(stream);
    }

    /** @param tls the tenant's trust (its {@code caCertificate}), used for the storage account's endpoints too */
    static Source create(String stream, ConnectorConfig.TenantSettings tenant, TokenSource tokens, TlsTrust tls,
                         EventStore store) {
        StreamId id = new StreamId(tenant.name(), stream);
        StoreDeadLetters deadLetters = new StoreDeadLetters(store, id);
        return switch (stream) {
            case ConnectorConfig.STREAMING_STORAGE -> {
                StorageStreamingConfig config = storage(id, tenant.storage(), tokens, tenant.tenantId(), tls.sslContext());
                yield new OpenOnFirstPoll(id, () -> StorageStreamingSource.open(config, deadLetters),
                        "check the tenant's storage: section (docs/configuration.md) and that the account is reachable");
            }
            case ConnectorConfig.STREAMING_EVENT_HUBS -> {
                EventHubsConfig config = eventHubs(id, tenant.eventHubs());
                yield new OpenOnFirstPoll(id, () -> EventHubsSource.open(config, deadLetters),
                        "check that " + config.bootstrapServers() + " resolves and is reachable (outbound TCP 9093)");
            }
            default -> throw new IllegalArgumentException("not a Streaming API stream: " + stream);
        };
    }

    /**
     * A storage-account Streaming API source for a caller that does not read a configuration file (the
     * server builds the settings from an integration), opened on its first poll, with its dead letters in
     * the store.
     *
     * @param tokens   signs in to the account when {@code settings} use Entra; may be null otherwise
     * @param tenantId the Entra tenant of {@code tokens}
     */
    public static Source storageSource(StreamId id, ConnectorConfig.StreamingStorageSettings settings,
                                       TokenSource tokens, String tenantId, EventStore store) {
        return storageSource(id, settings, tokens, tenantId, null, store);
    }

    /**
     * As {@link #storageSource(StreamId, ConnectorConfig.StreamingStorageSettings, TokenSource, String, EventStore)},
     * trusting {@code tls} (e.g. {@code TlsTrust.sslContext()} with an extra CA) for the account's endpoints;
     * null for the JDK's default trust.
     */
    public static Source storageSource(StreamId id, ConnectorConfig.StreamingStorageSettings settings,
                                       TokenSource tokens, String tenantId, SSLContext tls, EventStore store) {
        StorageStreamingConfig config = storage(id, settings, tokens, tenantId, tls);
        StoreDeadLetters deadLetters = new StoreDeadLetters(store, id);
        return new OpenOnFirstPoll(id, () -> StorageStreamingSource.open(config, deadLetters),
                "check the integration's storage account, queue and key and that the account is reachable");
    }

    /** An Event Hubs Streaming API source, as {@link #storageSource} for storage accounts. */
    public static Source eventHubsSource(StreamId id, ConnectorConfig.EventHubsSettings settings, EventStore store) {
        EventHubsConfig config = eventHubs(id, settings);
        StoreDeadLetters deadLetters = new StoreDeadLetters(store, id);
        return new OpenOnFirstPoll(id, () -> EventHubsSource.open(config, deadLetters),
                "check that " + config.bootstrapServers() + " resolves and is reachable (outbound TCP 9093)");
    }

    static StorageStreamingConfig storage(StreamId id, ConnectorConfig.StreamingStorageSettings settings,
                                          TokenSource tokens, String tenantId, SSLContext tls) {
        StorageAccount account = switch (settings.auth()) {
            case CONNECTION_STRING -> StorageAccount.ofConnectionString(settings.connectionString().reveal());
            case ACCOUNT_KEY -> account(settings, new StorageAuth.SharedKey(settings.accountName(),
                    settings.accountKey().reveal()));
            case SAS -> account(settings, new StorageAuth.Sas(settings.sas().reveal()));
            case ENTRA -> account(settings, new StorageAuth.Entra(new EntraStorageCredential(
                    Objects.requireNonNull(tokens, "storage auth entra needs the tenant's token source"), tenantId)));
        };
        account = account.withTls(tls);
        StorageStreamingConfig defaults = StorageStreamingConfig.defaults(id, account, settings.queue());
        // A closed blob must be remembered at least two visibility timeouts, so that its queue message
        // reappearing after a crash still finds it closed (StorageStreamingConfig checks this).
        Duration twice = settings.visibility().multipliedBy(2);
        Duration closedRetention = twice.compareTo(defaults.closedRetention()) > 0 ? twice : defaults.closedRetention();
        return new StorageStreamingConfig(id, account, settings.queue(), defaults.containerPrefix(),
                settings.visibility(), settings.grace(), defaults.idleWait(), defaults.maxBatchBytes(), true,
                settings.listAtStart(), defaults.listLookback(), closedRetention);
    }

    /** The account at its configured endpoints, else at the usual ones of its name in the tenant's cloud. */
    private static StorageAccount account(ConnectorConfig.StreamingStorageSettings settings, StorageAuth auth) {
        if (settings.blobEndpoint() != null) {
            return new StorageAccount(settings.blobEndpoint(), settings.queueEndpoint(), auth);
        }
        return StorageAccount.inCloud(settings.accountName(), settings.endpointSuffix(), auth);
    }

    static EventHubsConfig eventHubs(StreamId id, ConnectorConfig.EventHubsSettings settings) {
        return EventHubsConfig.eventHubs(id, EventHubsConnectionString.parse(settings.connectionString().reveal()),
                settings.hubs(), settings.consumerGroup());
    }
}
