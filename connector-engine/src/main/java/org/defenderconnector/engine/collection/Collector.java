package org.defenderconnector.engine.collection;

import org.defenderconnector.api.Sink;
import org.defenderconnector.engine.Backoff;
import org.defenderconnector.engine.Engine;
import org.defenderconnector.engine.PollOutcome;
import org.defenderconnector.engine.StreamRunner;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.engine.sinks.NdjsonSink;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.SkippedWindow;
import org.defenderconnector.store.StreamHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One running collection as configured: the store, the sinks, every tenant's sources, and the engine
 * that schedules them. Stream health is saved to the store every few seconds (and on close) so that
 * status survives restarts; retention is applied at start and every hour.
 */
public final class Collector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    /** How long {@link #collectOnce} waits for a continuous source's first record before taking it as idle. */
    static final Duration FIRST_RECORD_WAIT = Duration.ofSeconds(10);

    private final ConnectorConfig config;
    private final EventStore store;
    private final List<Sink> sinks;
    private final List<TenantCollection> tenants = new ArrayList<>();
    private final Engine engine;
    private final ScheduledExecutorService housekeeping;
    private boolean started;
    private int engineThreads;

    private Collector(ConnectorConfig config, EventStore store, List<Sink> sinks, Engine engine) {
        this.config = config;
        this.store = store;
        this.sinks = sinks;
        this.engine = engine;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Collector open(ConnectorConfig config) throws IOException {
        EventStore store = EventStore.open(config.store().path());
        List<Sink> sinks = new ArrayList<>();
        try {
            for (ConnectorConfig.SinkSettings sink : config.sinks()) {
                switch (sink.type()) {
                    case "store" -> sinks.add(store);
                    case "ndjson" -> sinks.add(sink.path() == null ? NdjsonSink.toStream(System.out) : NdjsonSink.toFile(sink.path()));
                    default -> throw new IllegalArgumentException("unknown sink " + sink.type());
                }
            }
            Path stateDir = config.store().path().toAbsolutePath().getParent().resolve("state");
            Normalizer normalizer = Normalizer.withAllMappers();
            List<TenantCollection> created = new ArrayList<>();
            try {
                for (ConnectorConfig.TenantSettings tenant : config.tenants()) {
                    created.add(TenantCollection.create(tenant, store, sinks, stateDir, normalizer));
                }
            } catch (RuntimeException e) {
                created.forEach(t -> {
                    t.schedules().forEach(s -> s.runner().close());
                    t.close();
                });
                throw e;
            }
            int continuous = (int) created.stream().flatMap(t -> t.streams().stream().filter(t::isContinuous)).count();
            int threads = engineThreads(config.tenants().size(), continuous);
            Collector collector = new Collector(config, store, sinks, new Engine(threads, Backoff.DEFAULT));
            collector.tenants.addAll(created);
            collector.engineThreads = threads;
            return collector;
        } catch (RuntimeException | IOException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Two threads per tenant for the polled (REST) streams, plus one per continuous (Streaming API) source:
     * such a source is polled again at once and waits inside its poll, so it keeps a thread busy and would
     * otherwise take turns with the REST streams for theirs.
     */
    static int engineThreads(int tenants, int continuousStreams) {
        return Math.max(2, tenants * 2) + continuousStreams;
    }

    /** How many threads the engine polls with (see {@link #engineThreads(int, int)}). */
    public int engineThreads() {
        return engineThreads;
    }

    public EventStore store() {
        return store;
    }

    public List<TenantCollection> tenants() {
        return List.copyOf(tenants);
    }

    public Engine engine() {
        return engine;
    }

    /** Starts continuous collection: every stream polled on its schedule until {@link #close}. */
    public void start() {
        applyRetention();
        for (TenantCollection tenant : tenants) {
            tenant.schedules().forEach(engine::add);
        }
        started = true;
        housekeeping.scheduleWithFixedDelay(this::saveHealth, 5, 5, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(this::applyRetention, 1, 1, TimeUnit.HOURS);
    }

    /**
     * Collects every stream until it has caught up (or {@code maxPollsPerStream}), one stream after the
     * other, and returns the events delivered per stream. Used by {@code run --once} and {@code demo}.
     * A continuous (Streaming API) source never says it has caught up; it is collected until idle: see
     * {@link #drainUntilIdle}.
     */
    public Map<String, StreamStatus.Snapshot> collectOnce(int maxPollsPerStream) {
        applyRetention();
        Map<String, StreamStatus.Snapshot> result = new LinkedHashMap<>();
        for (TenantCollection tenant : tenants) {
            for (Engine.Schedule schedule : tenant.schedules()) {
                if (tenant.isContinuous(schedule.runner().id())) {
                    drainUntilIdle(schedule.runner(), maxPollsPerStream, FIRST_RECORD_WAIT);
                } else {
                    schedule.runner().drain(maxPollsPerStream);
                }
                StreamStatus.Snapshot snapshot = schedule.runner().status().snapshot();
                result.put(snapshot.id().toString(), snapshot);
                store.saveHealth(health(snapshot));
            }
        }
        return result;
    }

    /**
     * Polls a continuous source until a poll delivers nothing after records did — it has read what was
     * there and is now waiting for more — or, if nothing arrives at all, until {@code firstRecordWait} has
     * passed (joining an Event Hubs consumer group takes a few seconds of empty polls). Returns the records
     * delivered. A failure stops at once, as in {@link StreamRunner#drain}.
     */
    static int drainUntilIdle(StreamRunner runner, int maxPolls, Duration firstRecordWait) {
        long deadline = System.nanoTime() + firstRecordWait.toNanos();
        int total = 0;
        for (int i = 0; i < maxPolls; i++) {
            PollOutcome outcome = runner.pollOnce();
            if (!outcome.ok()) {
                break;
            }
            total += outcome.records();
            boolean idle = outcome.records() == 0 && (total > 0 || System.nanoTime() - deadline >= 0);
            if (idle || !outcome.more()) {
                break;
            }
        }
        return total;
    }

    /**
     * Replays every recorded skipped window of the configured tenants; a window read in full is
     * forgotten, one that still fails stays recorded. Returns one line per window for the user.
     */
    public List<String> replaySkippedWindows() {
        List<String> report = new ArrayList<>();
        for (SkippedWindow window : store.skippedWindows()) {
            TenantCollection tenant = tenants.stream().filter(t -> t.name().equals(window.id().tenant())).findFirst().orElse(null);
            String what = window.id() + " " + window.start() + " .. " + window.end();
            if (tenant == null || !tenant.streams().contains(window.id())) {
                report.add(what + ": not configured any more, kept");
                continue;
            }
            try {
                int events = tenant.replay(window);
                store.forgetSkippedWindow(window);
                report.add(what + ": replayed, " + events + " events delivered");
            } catch (Exception e) {
                report.add(what + ": still failing (" + e.getMessage() + "), kept");
            }
        }
        return report;
    }

    public List<StreamStatus.Snapshot> status() {
        return engine.status();
    }

    private void saveHealth() {
        try {
            for (StreamStatus.Snapshot snapshot : engine.status()) {
                store.saveHealth(health(snapshot));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not save stream health: {}", e.getMessage());
        }
    }

    private void applyRetention() {
        try {
            int deleted = store.applyRetention(config.store().retention());
            if (deleted > 0) {
                LOG.info("retention: deleted {} events older than {}", deleted, config.store().retention());
            }
            int letters = store.applyDeadLetterRetention(config.store().retention());
            if (letters > 0) {
                LOG.info("retention: deleted {} dead letters older than {}", letters, config.store().retention());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not apply retention: {}", e.getMessage());
        }
    }

    static StreamHealth health(StreamStatus.Snapshot s) {
        StreamHealth.State state = switch (s.state()) {
            case OK, STARTING, STOPPED -> StreamHealth.State.OK;
            case DEGRADED -> StreamHealth.State.DEGRADED;
            case FAILING -> StreamHealth.State.FAILING;
        };
        return new StreamHealth(s.id(), state, s.records(), s.lastSuccess(), s.lastError(), s.fix());
    }

    /** Stops the engine (finishing batches in flight), saves health, closes sinks and the store. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        if (started) {
            engine.stop(Duration.ofSeconds(30));
            saveHealth();
        } else {
            tenants.forEach(t -> t.schedules().forEach(s -> s.runner().close()));
        }
        for (TenantCollection tenant : tenants) {
            tenant.close();
        }
        for (Sink sink : sinks) {
            if (sink != store) {
                try {
                    sink.close();
                } catch (Exception e) {
                    LOG.warn("could not close sink {}: {}", sink.name(), e.getMessage());
                }
            }
        }
        store.close();
    }
}
