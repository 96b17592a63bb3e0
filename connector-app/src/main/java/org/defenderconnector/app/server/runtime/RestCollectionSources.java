package org.defenderconnector.app.server.runtime;

import org.defenderconnector.api.Source;
import org.defenderconnector.app.server.integrations.ResolvedIntegration;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.http.BudgetUsage;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.sources.ApiEndpoints;
import org.defenderconnector.microsoft.sources.ApiTokens;
import org.defenderconnector.microsoft.sources.RestSources;
import org.defenderconnector.microsoft.sources.StreamOptions;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.SkippedWindow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST collection sources (alerts, machines, machine actions, vulnerabilities, software, incidents,
 * Graph alerts, scores) for activated integrations: one token source and one HTTP client per
 * integration, and one rate budget per app registration and tenant, shared by every integration using
 * that pair, since Microsoft counts calls per app per tenant. Windows that could not be read are
 * recorded in the store for replay, as with {@code run}.
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
        Endpoints endpoints = integration.endpoints();
        String tenantId = integration.record().tenantId();
        String clientId = integration.record().clientId();
        TokenSource tokens = TokenSource.create(endpoints, integration.tls(), clientId, integration.credential());
        RateBudget budget = budgets.computeIfAbsent(tenantId + "/" + clientId, key -> RateBudget.documented(tenantId));
        RestSources sources = RestSources.builder(integration.name())
                .endpoints(new ApiEndpoints(endpoints.baseUrl(Api.DEFENDER_ENDPOINT), endpoints.baseUrl(Api.DEFENDER_XDR),
                        endpoints.baseUrl(Api.GRAPH)))
                .tokens(ApiTokens.of(tokens, tenantId))
                .budget(budget)
                .sslContext(integration.tls().sslContext())
                .skippedWindows((stream, start, end, error) ->
                        store.recordSkippedWindow(new SkippedWindow(stream, start, end, error)))
                .stateDirectory(stateDirectory.resolve(integration.name()))
                .build();
        return new TenantSources() {
            @Override
            public Source create(String stream) {
                if (!RestSources.STREAMS.contains(stream) && !RestSources.XDR_INCIDENTS.equals(stream)) {
                    throw new IllegalArgumentException("the REST sources do not collect '" + stream + "' yet (they collect "
                            + String.join(", ", RestSources.STREAMS) + ")");
                }
                return sources.create(stream, StreamOptions.defaults());
            }

            @Override
            public Duration defaultInterval(String stream) {
                return RestSources.defaultInterval(stream);
            }

            @Override
            public List<IntegrationRuntime.BudgetUse> budget() {
                List<IntegrationRuntime.BudgetUse> uses = new ArrayList<>();
                for (BudgetUsage usage : sources.client().budget().usage().values()) {
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
}
