package org.defenderconnector.engine;

import org.defenderconnector.api.StreamId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Schedules every (tenant, stream): after a cycle that says there is more, it polls again at once;
 * after a quiet cycle it waits the stream's interval; after a failure it backs off with jitter.
 * Streams can be added and removed while running (activating an integration needs no restart).
 * {@link #close} lets cycles already in flight finish, so a batch is never cut in half.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** A stream and how often to poll it when it has caught up. */
    public record Schedule(StreamRunner runner, Duration interval) {
    }

    private final ScheduledThreadPoolExecutor executor;
    private final Backoff backoff;
    private final Map<StreamId, Entry> streams = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private static final class Entry {
        final Schedule schedule;
        volatile ScheduledFuture<?> next;
        volatile boolean removed;

        Entry(Schedule schedule) {
            this.schedule = schedule;
        }
    }

    public Engine(int threads, Backoff backoff) {
        this.executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "engine");
            thread.setDaemon(false);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        // On stop, waiting cycles are dropped; only cycles already running finish their batch.
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.backoff = backoff;
    }

    public Engine() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()), Backoff.DEFAULT);
    }

    /** How many threads poll the streams. */
    public int threads() {
        return executor.getCorePoolSize();
    }

    /**
     * Changes how many threads poll the streams, for a runtime whose streams come and go: a continuous
     * (Streaming API) source keeps a thread busy, so adding one needs one more thread.
     */
    public void setThreads(int threads) {
        executor.setCorePoolSize(Math.max(1, threads));
    }

    /** Adds a stream and starts polling it right away. */
    public void add(Schedule schedule) {
        StreamId id = schedule.runner().id();
        Entry entry = new Entry(schedule);
        if (streams.putIfAbsent(id, entry) != null) {
            throw new IllegalArgumentException("stream " + id + " is already running");
        }
        entry.next = executor.schedule(() -> cycle(entry), 0, TimeUnit.MILLISECONDS);
    }

    /** Stops polling a stream; a cycle in flight finishes first. */
    public void remove(StreamId id) {
        Entry entry = streams.remove(id);
        if (entry != null) {
            entry.removed = true;
            ScheduledFuture<?> next = entry.next;
            if (next != null) {
                next.cancel(false);
            }
            synchronized (entry) {
                entry.schedule.runner().status().stopped();
                entry.schedule.runner().close();
            }
        }
    }

    private void cycle(Entry entry) {
        if (closing || entry.removed) {
            return;
        }
        PollOutcome outcome;
        synchronized (entry) {
            if (entry.removed) {
                return;
            }
            outcome = entry.schedule.runner().pollOnce();
        }
        Duration delay;
        if (!outcome.ok()) {
            int failures = entry.schedule.runner().status().snapshot().consecutiveFailures();
            delay = outcome.retryable() ? backoff.delay(failures) : backoff.max();
            LOG.warn("stream {} failed ({} in a row), next try in {} s: {}", entry.schedule.runner().id(), failures,
                    delay.toSeconds(), entry.schedule.runner().status().snapshot().lastError());
        } else {
            delay = outcome.more() ? Duration.ZERO : entry.schedule.interval();
        }
        if (!closing && !entry.removed) {
            entry.next = executor.schedule(() -> cycle(entry), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public List<StreamStatus.Snapshot> status() {
        List<StreamStatus.Snapshot> all = new ArrayList<>();
        for (Entry entry : streams.values()) {
            all.add(entry.schedule.runner().status().snapshot());
        }
        all.sort((a, b) -> a.id().toString().compareTo(b.id().toString()));
        return all;
    }

    /** Stops scheduling, waits for cycles in flight to finish (up to {@code grace}), and closes sources. */
    public void stop(Duration grace) {
        closing = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("some streams did not finish their batch within {} s; their positions stay uncommitted",
                        grace.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        for (Entry entry : streams.values()) {
            entry.schedule.runner().status().stopped();
            entry.schedule.runner().close();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
