package org.defenderconnector.engine.collection;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Sink;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.engine.Engine;
import org.defenderconnector.engine.EventFactory;
import org.defenderconnector.engine.StreamRunner;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.auth.CertificateFiles;
import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.Region;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.BudgetUsage;
import org.defenderconnector.microsoft.sources.ReplayableSource;
import org.defenderconnector.microsoft.sources.StreamOptions;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.SkippedWindow;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one configured tenant collects with: its sources from a {@link TenantSourceFactory} (one
 * token source, one rate budget shared by all its streams), a source per configured stream, each wrapped
 * in a {@link StreamRunner} delivering to the sinks and committing to the store.
 */
public final class TenantCollection implements AutoCloseable {
    private final ConnectorConfig.TenantSettings settings;
    private final TenantSourceFactory sources;
    private final List<Engine.Schedule> schedules = new ArrayList<>();
    private final Map<String, Source> byStream = new LinkedHashMap<>();
    /** Streams whose source never reports "caught up" (the Streaming API): each keeps an engine thread busy. */
    private final Set<StreamId> continuous = new HashSet<>();

    private final List<Sink> sinks;
    private EventFactory events;

    private TenantCollection(ConnectorConfig.TenantSettings settings, TenantSourceFactory sources, List<Sink> sinks) {
        this.settings = settings;
        this.sources = sources;
        this.sinks = List.copyOf(sinks);
    }

    /**
     * @param sinks    where events go (the store first when it is a sink)
     * @param stateDir where snapshot sources keep their small per-stream state files
     */
    public static TenantCollection create(ConnectorConfig.TenantSettings tenant, EventStore store, List<Sink> sinks,
                                          Path stateDir, Normalizer normalizer) {
        TenantSourceFactory sources = TenantSourceFactory.open(new TenantSourceFactory.Settings(tenant.name(),
                tenant.tenantId(), tenant.clientId(), credential(tenant), endpoints(tenant),
                TlsTrust.of(Optional.ofNullable(tenant.caCertificate())), null, stateDir.resolve(tenant.name()),
                tenant.storage(), tenant.eventHubs(),
                "check the tenant's storage: section (docs/configuration.md) and that the account is reachable"), store);
        TenantCollection collection = new TenantCollection(tenant, sources, sinks);
        EventFactory events = new EventFactory(normalizer, tenant.tenantId());
        collection.events = events;
        try {
            for (ConnectorConfig.StreamSettings stream : tenant.streams()) {
                Source source = sources.create(stream.name(), options(stream), stream.options());
                if (TenantSourceFactory.isContinuous(stream.name())) {
                    collection.continuous.add(source.id());
                }
                collection.byStream.put(stream.name(), source);
                collection.schedules.add(new Engine.Schedule(new StreamRunner(source, events, sinks, store), stream.interval()));
            }
        } catch (RuntimeException e) {
            // A Kafka consumer already built holds threads and sockets: nothing half-built is left running.
            collection.schedules.forEach(s -> s.runner().close());
            collection.close();
            throw e;
        }
        return collection;
    }

    static Endpoints endpoints(ConnectorConfig.TenantSettings tenant) {
        return hosts(tenant).withResources(tenant.audiences());
    }

    private static Endpoints hosts(ConnectorConfig.TenantSettings tenant) {
        Cloud cloud = Cloud.fromId(tenant.cloud());
        ConnectorConfig.CustomEndpoints custom = tenant.endpoints();
        if (custom != null) {
            return Endpoints.custom(cloud, URI.create(custom.login()), URI.create(custom.mde()), URI.create(custom.xdr()),
                    URI.create(custom.graph()), tenant.allowCustomEndpoints());
        }
        return tenant.region() == null ? Endpoints.of(cloud) : Endpoints.of(cloud, Region.fromId(tenant.region()));
    }

    static ClientCredential credential(ConnectorConfig.TenantSettings tenant) {
        if (tenant.clientSecret() != null) {
            return ClientSecret.of(tenant.clientSecret().reveal());
        }
        ConnectorConfig.CertificateSettings certificate = tenant.certificate();
        char[] password = certificate.password() == null ? null : certificate.password().reveal().toCharArray();
        return CertificateFiles.load(certificate.path(), Optional.empty(), password);
    }

    static StreamOptions options(ConnectorConfig.StreamSettings stream) {
        StreamOptions options = StreamOptions.defaults().withInterval(stream.interval())
                .withOverlap(stream.overlap()).withBackfill(stream.backfill());
        if (stream.options().containsKey("export")) {
            options = options.withExport(stream.options().get("export"));
        }
        return stream.pageSize() == null ? options : options.withPageSize(stream.pageSize());
    }

    public String name() {
        return settings.name();
    }

    public List<Engine.Schedule> schedules() {
        return List.copyOf(schedules);
    }

    /**
     * Whether a stream's source is continuous (the Streaming API): it always has "more", pacing itself by
     * waiting inside its poll, so the engine gives it a thread of its own and {@code collectOnce} stops it
     * once it is idle rather than when it reports being caught up.
     */
    public boolean isContinuous(StreamId stream) {
        return continuous.contains(stream);
    }

    public List<StreamId> streams() {
        return schedules.stream().map(s -> s.runner().id()).toList();
    }

    /** The time-window source of a stream, for replaying a recorded skipped window. */
    public Optional<ReplayableSource> replayable(String stream) {
        return byStream.get(stream) instanceof ReplayableSource r ? Optional.of(r) : Optional.empty();
    }

    /**
     * Reads a recorded skipped window again (its own position, from the start of the window) and
     * delivers it to the sinks. Returns the number of events delivered; throws when the window still
     * cannot be read, in which case it stays recorded.
     */
    public int replay(SkippedWindow window) throws Exception {
        ReplayableSource source = replayable(window.id().stream()).orElseThrow(() -> new IllegalArgumentException(
                "stream " + window.id() + " has no time windows to replay"));
        Position position = Position.START;
        int delivered = 0;
        while (true) {
            Batch batch = source.replay(window.start(), window.end(), position);
            List<Event> out = new ArrayList<>(batch.records().size());
            for (SourceRecord record : batch.records()) {
                out.add(events.toEvent(window.id(), record));
            }
            for (Sink sink : sinks) {
                sink.write(out);
            }
            delivered += out.size();
            position = batch.next();
            if (!batch.more()) {
                return delivered;
            }
        }
    }

    /** Calls made against the tenant's rate budget, per API family. */
    public Map<ApiFamily, BudgetUsage> budgetUsage() {
        return sources.budgetUsage();
    }

    @Override
    public void close() {
        sources.close();
    }
}
