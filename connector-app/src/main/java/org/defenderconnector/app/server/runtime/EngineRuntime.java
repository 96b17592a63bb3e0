package org.defenderconnector.app.server.runtime;

import org.defenderconnector.api.PositionStore;
import org.defenderconnector.api.Sink;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.app.server.integrations.ResolvedIntegration;
import org.defenderconnector.engine.Engine;
import org.defenderconnector.engine.EventFactory;
import org.defenderconnector.engine.StreamRunner;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.TenantSourceFactory;
import org.defenderconnector.ocsf.Normalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime of {@code serve}: activated integrations' streams run in one {@link Engine}, delivering
 * into the event store, which also keeps their positions. Activation adds the streams to the running
 * engine and deactivation removes them, so neither needs a restart.
 */
public final class EngineRuntime implements IntegrationRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRuntime.class);

    private record Stream(String name, StreamRunner runner, CountingSource source) {
    }

    private record Activation(TenantSources sources, List<Stream> streams) {
    }

    private final Engine engine;
    private final Sink sink;
    private final PositionStore positions;
    private final SourceProvider provider;
    private final Normalizer normalizer;
    private final Map<String, Activation> active = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    /** Threads for the polled streams; each active continuous stream adds one (as {@code run} sizes its engine). */
    private final int baseThreads;

    public EngineRuntime(Engine engine, Sink sink, PositionStore positions, SourceProvider provider, Normalizer normalizer) {
        this.engine = engine;
        this.sink = sink;
        this.positions = positions;
        this.provider = provider;
        this.normalizer = normalizer;
        this.baseThreads = engine.threads();
    }

    @Override
    public synchronized void activate(ResolvedIntegration integration) {
        String name = integration.name();
        deactivate(name);
        TenantSources sources;
        String openFailure = null;
        try {
            sources = provider.open(integration);
        } catch (RuntimeException e) {
            LOG.warn("integration {} cannot collect: {}", name, e.getMessage());
            openFailure = e.getMessage();
            sources = null;
        }
        EventFactory events = new EventFactory(normalizer, integration.record().tenantId());
        List<Stream> streams = new ArrayList<>();
        List<String> names = EngineStreams.of(integration);
        for (String stream : names) {
            StreamId id = new StreamId(name, stream);
            Source source;
            Duration interval;
            if (sources == null) {
                source = new UnavailableSource(id, "the integration could not start: " + openFailure,
                        "test the integration and follow the guidance shown, then activate it again");
                interval = Duration.ofMinutes(5);
            } else {
                interval = interval(integration, sources, stream);
                try {
                    source = sources.create(stream);
                } catch (RuntimeException e) {
                    source = new UnavailableSource(id, "stream " + stream + " cannot be collected: " + e.getMessage(),
                            "remove the stream from the integration, or use a build that collects it");
                }
            }
            CountingSource counting = new CountingSource(source);
            StreamRunner runner = new StreamRunner(counting, events, List.of(sink), positions);
            engine.add(new Engine.Schedule(runner, interval));
            streams.add(new Stream(stream, runner, counting));
        }
        active.put(name, new Activation(sources, streams));
        sizeEngine();
        LOG.info("integration {} activated with streams {}", name, names);
    }

    private void sizeEngine() {
        long continuous = active.values().stream().flatMap(a -> a.streams().stream())
                .filter(s -> TenantSourceFactory.isContinuous(s.name())).count();
        engine.setThreads(baseThreads + (int) continuous);
    }

    private static Duration interval(ResolvedIntegration integration, TenantSources sources, String stream) {
        int seconds = integration.record().pollIntervalSeconds();
        if (seconds > 0) {
            return Duration.ofSeconds(seconds);
        }
        try {
            return sources.defaultInterval(stream);
        } catch (RuntimeException e) {
            return Duration.ofMinutes(5);
        }
    }

    @Override
    public synchronized void deactivate(String name) {
        Activation activation = active.remove(name);
        if (activation == null) {
            return;
        }
        for (Stream stream : activation.streams()) {
            engine.remove(new StreamId(name, stream.name()));
        }
        if (activation.sources() != null) {
            try {
                activation.sources().close();
            } catch (RuntimeException e) {
                LOG.warn("integration {}: closing its sources failed: {}", name, e.toString());
            }
        }
        sizeEngine();
        LOG.info("integration {} deactivated", name);
    }

    @Override
    public boolean isActive(String name) {
        return active.containsKey(name);
    }

    @Override
    public List<StreamFigures> status(String name) {
        Activation activation = active.get(name);
        if (activation == null) {
            return List.of();
        }
        List<StreamFigures> figures = new ArrayList<>();
        for (Stream stream : activation.streams()) {
            StreamStatus.Snapshot s = stream.runner().status().snapshot();
            figures.add(new StreamFigures(stream.name(), s.state().name(), s.records(), s.lastSuccess(), s.lastError(),
                    s.fix(), s.consecutiveFailures(), stream.source().polls(), stream.source().errors()));
        }
        return figures;
    }

    @Override
    public List<BudgetUse> budget(String name) {
        Activation activation = active.get(name);
        return activation == null || activation.sources() == null ? List.of() : activation.sources().budget();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        running = false;
        for (String name : List.copyOf(active.keySet())) {
            deactivate(name);
        }
        engine.stop(Duration.ofSeconds(30));
    }
}
