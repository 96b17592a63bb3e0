package org.defenderconnector.engine.collection;

import org.defenderconnector.api.Source;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.BudgetUsage;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.hunting.HuntingOptions;
import org.defenderconnector.microsoft.hunting.HuntingSources;
import org.defenderconnector.microsoft.sources.ApiEndpoints;
import org.defenderconnector.microsoft.sources.ApiTokens;
import org.defenderconnector.microsoft.sources.RestSources;
import org.defenderconnector.microsoft.sources.StreamOptions;
import org.defenderconnector.ocsf.hunting.HuntingKeys;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.SkippedWindow;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The sources of one tenant, that is of one app registration in one tenant: one token source (a token per
 * API, cached), one HTTP client and rate budget shared by its REST and advanced hunting sources, skipped
 * windows recorded in the store, and its Streaming API sources with their dead letters in the store.
 * {@code run} builds one per configured tenant ({@link TenantCollection}) and the server one per activated
 * integration; what differs between them is in {@link Settings}.
 */
public final class TenantSourceFactory implements AutoCloseable {
    /**
     * @param name           the tenant of the streams' ids: the configured tenant's or the integration's name
     * @param endpoints      where to sign in and call each API
     * @param budget         the rate budget; null for one of the tenant's own with the documented limits (the
     *                       server passes one shared by every integration of the same app registration and tenant)
     * @param stateDirectory where snapshot sources keep their small per-stream state files
     * @param storage        the Streaming API's Storage account ({@code streaming-storage}), or null
     * @param eventHubs      the Streaming API's Event Hubs ({@code streaming-eventhubs}), or null
     * @param storageFix     what to check when the Storage account cannot be opened, in the words of where
     *                       its settings are entered (a configuration section, an integration's fields)
     */
    public record Settings(String name, String tenantId, String clientId, ClientCredential credential,
                           Endpoints endpoints, TlsTrust tls, RateBudget budget, Path stateDirectory,
                           ConnectorConfig.StreamingStorageSettings storage, ConnectorConfig.EventHubsSettings eventHubs,
                           String storageFix) {
        public Settings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(endpoints, "endpoints");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(stateDirectory, "stateDirectory");
        }
    }

    private final Settings settings;
    private final EventStore store;
    private final TokenSource tokens;
    private final RestSources rest;
    private final HuntingSources hunting;

    private TenantSourceFactory(Settings settings, EventStore store, TokenSource tokens, RestSources rest,
                                HuntingSources hunting) {
        this.settings = settings;
        this.store = store;
        this.tokens = tokens;
        this.rest = rest;
        this.hunting = hunting;
    }

    /** @param store receives skipped windows and dead letters */
    public static TenantSourceFactory open(Settings settings, EventStore store) {
        Endpoints endpoints = settings.endpoints();
        TokenSource tokens = TokenSource.create(endpoints, settings.tls(), settings.clientId(), settings.credential());
        ApiEndpoints apiEndpoints = new ApiEndpoints(endpoints.baseUrl(Api.DEFENDER_ENDPOINT),
                endpoints.baseUrl(Api.DEFENDER_XDR), endpoints.baseUrl(Api.GRAPH));
        ApiTokens apiTokens = ApiTokens.of(tokens, settings.tenantId());
        RestSources rest = RestSources.builder(settings.name())
                .endpoints(apiEndpoints)
                .tokens(apiTokens)
                .budget(settings.budget())
                .sslContext(settings.tls().sslContext())
                .skippedWindows((stream, start, end, error) ->
                        store.recordSkippedWindow(new SkippedWindow(stream, start, end, error)))
                .stateDirectory(settings.stateDirectory())
                .build();
        // Advanced hunting tables share the tenant's client (its call budget) and one running-time budget.
        HuntingSources hunting = HuntingSources.builder(settings.name()).client(rest.client())
                .endpoints(apiEndpoints).tokens(apiTokens).rowKey(HuntingKeys::of).build();
        return new TenantSourceFactory(settings, store, tokens, rest, hunting);
    }

    /**
     * Whether a stream's source is continuous (the Streaming API): it always has "more" and paces itself by
     * waiting inside its poll, so it keeps an engine thread of its own busy.
     */
    public static boolean isContinuous(String stream) {
        return StreamingSources.handles(stream);
    }

    /**
     * The source of {@code stream}: a REST stream, {@code hunting:<Table>}, {@code streaming-storage} or
     * {@code streaming-eventhubs}.
     *
     * @param restOptions    the settings of a REST stream
     * @param huntingOptions the settings of a {@code hunting:<Table>} stream as configured text (see HuntingOptions)
     * @throws IllegalArgumentException for a stream this build does not collect, or a Streaming API stream
     *                                  whose settings are missing
     */
    public Source create(String stream, StreamOptions restOptions, Map<String, String> huntingOptions) {
        StreamId id = new StreamId(settings.name(), stream);
        if (ConnectorConfig.STREAMING_STORAGE.equals(stream)) {
            if (settings.storage() == null) {
                throw new IllegalArgumentException(id + " has no Storage account settings");
            }
            return StreamingSources.storageSource(id, settings.storage(), tokens, settings.tenantId(),
                    settings.tls().sslContext(), store,
                    settings.storageFix());
        }
        if (ConnectorConfig.STREAMING_EVENT_HUBS.equals(stream)) {
            if (settings.eventHubs() == null) {
                throw new IllegalArgumentException(id + " has no Event Hubs settings");
            }
            return StreamingSources.eventHubsSource(id, settings.eventHubs(), tokens, settings.tenantId(), store);
        }
        if (HuntingSources.isHuntingStream(stream)) {
            return hunting.create(HuntingSources.tableOf(stream), HuntingOptions.fromMap(huntingOptions));
        }
        return rest.create(stream, restOptions);
    }

    /** Calls made against the tenant's rate budget, per API family. */
    public Map<ApiFamily, BudgetUsage> budgetUsage() {
        return rest.client().budget().usage();
    }

    @Override
    public void close() {
        rest.close();
    }
}
