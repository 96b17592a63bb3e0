package org.defenderconnector.engine.config;

import org.defenderconnector.microsoft.cloud.Api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The whole `run` configuration, validated: every field here has been checked by {@link ConfigLoader}. */
public record ConnectorConfig(StoreSettings store, List<SinkSettings> sinks, List<TenantSettings> tenants) {
    /** The stream reading the Streaming API's Storage account (the tenant's {@code storage:} section). */
    public static final String STREAMING_STORAGE = "streaming-storage";
    /** The stream reading the Streaming API's Event Hubs (the tenant's {@code eventHubs:} section). */
    public static final String STREAMING_EVENT_HUBS = "streaming-eventhubs";

    public record StoreSettings(Path path, Duration retention) {
    }

    /** @param path for ndjson: a file, or null for stdout */
    public record SinkSettings(String type, Path path) {
    }

    /**
     * One integration: a tenant reached with one app registration.
     *
     * @param name          the integration's name, used as the StreamId tenant and in the store
     * @param clientSecret  set when authenticating with a secret
     * @param certificate   set when authenticating with a certificate
     * @param endpoints     custom base URLs, only with allowCustomEndpoints
     * @param storage       the Streaming API's Storage account (stream {@code streaming-storage}), or null
     * @param eventHubs     the Streaming API's Event Hubs namespace (stream {@code streaming-eventhubs}), or null
     * @param audiences     token resources overriding the cloud's for some APIs (the US Government audiences are
     *                      not documented by Microsoft); empty for the defaults
     */
    public record TenantSettings(String name, String tenantId, String clientId, Secret clientSecret,
                                 CertificateSettings certificate, String cloud, String region,
                                 CustomEndpoints endpoints, boolean allowCustomEndpoints, Path caCertificate,
                                 List<StreamSettings> streams, StreamingStorageSettings storage,
                                 EventHubsSettings eventHubs, Map<Api, String> audiences) {

        public TenantSettings {
            audiences = Map.copyOf(audiences);
        }

        /** A tenant whose token audiences are its cloud's defaults. */
        public TenantSettings(String name, String tenantId, String clientId, Secret clientSecret,
                              CertificateSettings certificate, String cloud, String region,
                              CustomEndpoints endpoints, boolean allowCustomEndpoints, Path caCertificate,
                              List<StreamSettings> streams, StreamingStorageSettings storage,
                              EventHubsSettings eventHubs) {
            this(name, tenantId, clientId, clientSecret, certificate, cloud, region, endpoints, allowCustomEndpoints,
                    caCertificate, streams, storage, eventHubs, Map.of());
        }

        /** A tenant without Streaming API sections. */
        public TenantSettings(String name, String tenantId, String clientId, Secret clientSecret,
                              CertificateSettings certificate, String cloud, String region,
                              CustomEndpoints endpoints, boolean allowCustomEndpoints, Path caCertificate,
                              List<StreamSettings> streams) {
            this(name, tenantId, clientId, clientSecret, certificate, cloud, region, endpoints, allowCustomEndpoints,
                    caCertificate, streams, null, null);
        }
    }

    /**
     * Where the Streaming API writes into a Storage account, and how the connector signs in to it.
     * Exactly the secret that goes with {@code auth} is set; {@code entra} uses the tenant's app registration.
     *
     * @param accountName      the storage account name; null when a connection string names the account
     * @param endpointSuffix   the account's DNS suffix (from the tenant's cloud), e.g. core.windows.net
     * @param queue            the Storage queue Event Grid delivers BlobCreated events to
     * @param listAtStart      list the streaming containers once at start for blobs that have no queue message
     * @param grace            how long after its hour a blob is still read
     * @param visibility       how long a received queue message stays invisible (renewed while its blob is open)
     * @param blobEndpoint     the account's blob endpoint when it is not {@code https://<account>.blob.<suffix>}
     *                         (a private endpoint, Azurite); null otherwise, and always with a connection string
     * @param queueEndpoint    the queue endpoint, set together with blobEndpoint
     */
    public record StreamingStorageSettings(StorageAuthKind auth, String accountName, String endpointSuffix,
                                           Secret connectionString, Secret accountKey, Secret sas, String queue,
                                           boolean listAtStart, Duration grace, Duration visibility,
                                           URI blobEndpoint, URI queueEndpoint) {

        /** Settings for an account at its usual Azure endpoints. */
        public StreamingStorageSettings(StorageAuthKind auth, String accountName, String endpointSuffix,
                                        Secret connectionString, Secret accountKey, Secret sas, String queue,
                                        boolean listAtStart, Duration grace, Duration visibility) {
            this(auth, accountName, endpointSuffix, connectionString, accountKey, sas, queue, listAtStart, grace,
                    visibility, null, null);
        }
    }

    /** How the connector signs in to the streaming Storage account. */
    public enum StorageAuthKind {
        CONNECTION_STRING("connectionString"), ACCOUNT_KEY("accountKey"), SAS("sas"), ENTRA("entra");

        private final String configName;

        StorageAuthKind(String configName) {
            this.configName = configName;
        }

        /** The word used in the configuration file. */
        public String configName() {
            return configName;
        }
    }

    /**
     * The Streaming API's Event Hubs namespace, read through its Kafka endpoint, and how the connector signs in:
     * with a connection string, or ({@code entra}) with the tenant's app registration.
     *
     * @param connectionString set for {@link EventHubsAuthKind#CONNECTION_STRING}, else null
     * @param namespace        the namespace's fully qualified host (e.g. contoso.servicebus.windows.net), set for
     *                         {@link EventHubsAuthKind#ENTRA}, else null (the connection string names it)
     * @param hubs             the hub names; empty: the connection string's EntityPath, else every
     *                         {@code insights-logs-advancedhunting-*} hub of the namespace
     * @param consumerGroup    the Kafka consumer group the connector reads with (default {@link #defaultConsumerGroup})
     */
    public record EventHubsSettings(EventHubsAuthKind auth, Secret connectionString, String namespace,
                                    List<String> hubs, String consumerGroup) {
        public EventHubsSettings {
            hubs = List.copyOf(hubs);
        }

        /** A namespace read with a connection string. */
        public EventHubsSettings(Secret connectionString, List<String> hubs, String consumerGroup) {
            this(EventHubsAuthKind.CONNECTION_STRING, connectionString, null, hubs, consumerGroup);
        }

        /**
         * {@code defender-connector-<tenant>}, the group used when none is configured. Through the Kafka endpoint,
         * Microsoft documents consumer groups as Kafka groups: created on first use, distinct from the hub's own
         * Event Hubs consumer groups (so {@code $Default} is neither needed nor shared) and spanning the namespace.
         * A group of the connector's own per tenant needs no setup and no other reader can take partitions from it.
         */
        public static String defaultConsumerGroup(String tenantName) {
            return "defender-connector-" + tenantName;
        }
    }

    /** How the connector signs in to the Streaming API's Event Hubs namespace. */
    public enum EventHubsAuthKind {
        CONNECTION_STRING("connectionString"), ENTRA("entra");

        private final String configName;

        EventHubsAuthKind(String configName) {
            this.configName = configName;
        }

        /** The word used in the configuration file. */
        public String configName() {
            return configName;
        }
    }

    /** @param password for PKCS#12 files; null for PEM */
    public record CertificateSettings(Path path, Secret password) {
    }

    public record CustomEndpoints(String login, String mde, String xdr, String graph) {
    }

    /**
     * @param overlap  how far before the watermark each incremental query starts (late-arriving updates)
     * @param backfill how far back the first run reaches
     * @param pageSize null for the API's documented maximum
     * @param options  stream-specific settings as configured text (hunting: api, lag, rowCap ...; see
     *                 HuntingOptions; vulnerabilities: export); empty for the other REST streams
     */
    public record StreamSettings(String name, Duration interval, Duration overlap, Duration backfill, Integer pageSize,
                                 Map<String, String> options) {
        public StreamSettings {
            options = Map.copyOf(options);
        }

        public StreamSettings(String name, Duration interval, Duration overlap, Duration backfill, Integer pageSize) {
            this(name, interval, overlap, backfill, pageSize, Map.of());
        }
    }
}
