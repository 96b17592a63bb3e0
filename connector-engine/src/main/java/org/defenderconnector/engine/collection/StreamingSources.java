package org.defenderconnector.engine.collection;

import org.defenderconnector.api.Source;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.auth.TokenSource;
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
 * A tenant's Streaming API sources, built from its Storage and Event Hubs settings (a configuration's
 * {@code storage:} and {@code eventHubs:} sections, or an integration's fields), with their dead letters
 * going to the store. These sources are continuous: every poll says there is more and the source paces
 * itself (a quiet poll waits about half a second), so each one keeps an engine thread busy.
 */
final class StreamingSources {
    static final List<String> STREAMS = List.of(ConnectorConfig.STREAMING_STORAGE, ConnectorConfig.STREAMING_EVENT_HUBS);

    private StreamingSources() {
    }

    static boolean handles(String stream) {
        return STREAMS.contains(stream);
    }

    /**
     * A storage-account Streaming API source, opened on its first poll, with its dead letters in the store.
     *
     * @param tokens   signs in to the account when {@code settings} use Entra; may be null otherwise
     * @param tenantId the Entra tenant of {@code tokens}
     * @param tls      the tenant's trust (its {@code caCertificate}) for the account's endpoints; null for the JDK's
     * @param fix      what to check when the account cannot be opened (where its settings are entered)
     */
    static Source storageSource(StreamId id, ConnectorConfig.StreamingStorageSettings settings, TokenSource tokens,
                                String tenantId, SSLContext tls, EventStore store, String fix) {
        StorageStreamingConfig config = storage(id, settings, tokens, tenantId, tls);
        StoreDeadLetters deadLetters = new StoreDeadLetters(store, id);
        return new OpenOnFirstPoll(id, () -> StorageStreamingSource.open(config, deadLetters), fix);
    }

    /**
     * An Event Hubs Streaming API source, as {@link #storageSource} for storage accounts.
     *
     * @param tokens   signs in to the namespace when {@code settings} use Entra; may be null otherwise
     * @param tenantId the Entra tenant of {@code tokens}
     */
    static Source eventHubsSource(StreamId id, ConnectorConfig.EventHubsSettings settings, TokenSource tokens,
                                  String tenantId, EventStore store) {
        EventHubsConfig config = eventHubs(id, settings, tokens, tenantId);
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
            case ENTRA -> account(settings, new StorageAuth.Entra(new EntraTokenCredential(
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

    static EventHubsConfig eventHubs(StreamId id, ConnectorConfig.EventHubsSettings settings, TokenSource tokens,
                                     String tenantId) {
        if (settings.auth() == ConnectorConfig.EventHubsAuthKind.ENTRA) {
            if (tokens == null) {
                throw new IllegalArgumentException(id + ": Event Hubs with Entra sign-in needs the tenant's app registration");
            }
            // The adapter asks the TokenSource for whatever scope its caller names: here the namespace's
            // https://<namespace>/.default, cached and renewed like every other token of the tenant.
            return EventHubsConfig.eventHubsEntra(id, settings.namespace(), new EntraTokenCredential(tokens, tenantId),
                    settings.hubs(), settings.consumerGroup());
        }
        return EventHubsConfig.eventHubs(id, EventHubsConnectionString.parse(settings.connectionString().reveal()),
                settings.hubs(), settings.consumerGroup());
    }
}
