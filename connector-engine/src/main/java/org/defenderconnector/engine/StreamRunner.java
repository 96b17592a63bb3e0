package org.defenderconnector.engine;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.PositionStore;
import org.defenderconnector.api.Sink;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;

import java.util.ArrayList;
import java.util.List;

/**
 * The delivery loop of one (tenant, stream): read a batch after the committed position, hand it to
 * every sink, and only once all sinks have durably taken it commit the batch's position. A crash at
 * any point therefore re-reads at most the last batch, and uid-idempotent sinks drop the repeats.
 */
public final class StreamRunner {
    private final Source source;
    private final EventFactory events;
    private final List<Sink> sinks;
    private final PositionStore positions;
    private final StreamStatus status;

    public StreamRunner(Source source, EventFactory events, List<Sink> sinks, PositionStore positions) {
        this.source = source;
        this.events = events;
        this.sinks = List.copyOf(sinks);
        this.positions = positions;
        this.status = new StreamStatus(source.id());
    }

    public StreamId id() {
        return source.id();
    }

    public StreamStatus status() {
        return status;
    }

    /**
     * One poll-deliver-commit cycle. Returns what happened; never throws for source or sink failures,
     * which are recorded in the status (with the fix) and retried by the caller after a backoff.
     */
    public PollOutcome pollOnce() {
        Position position = positions.load(source.id()).orElse(Position.START);
        Batch batch;
        try {
            batch = source.poll(position);
        } catch (SourceException e) {
            status.failed(e.getMessage(), e.fix(), e.retryable());
            return PollOutcome.failed(e.retryable());
        } catch (RuntimeException e) {
            status.failed("unexpected error reading " + source.id() + ": " + e, null, true);
            return PollOutcome.failed(true);
        }
        List<Event> toDeliver = new ArrayList<>(batch.records().size());
        for (SourceRecord record : batch.records()) {
            toDeliver.add(events.toEvent(source.id(), record));
        }
        for (Sink sink : sinks) {
            try {
                sink.write(toDeliver);
            } catch (Exception e) {
                // Nothing is committed: the same batch is read again on the next cycle.
                status.failed("sink '" + sink.name() + "' could not take " + toDeliver.size() + " events: "
                        + e.getMessage(), "check the sink's destination (disk space, permissions, broker)", true);
                return PollOutcome.failed(true);
            }
        }
        if (!batch.next().equals(position)) {
            positions.commit(source.id(), batch.next());
        }
        status.delivered(toDeliver.size());
        return PollOutcome.delivered(toDeliver.size(), batch.more());
    }

    /** Polls until the source reports nothing more right now, or a failure. Used by demo and run --once. */
    public int drain(int maxPolls) {
        int total = 0;
        for (int i = 0; i < maxPolls; i++) {
            PollOutcome outcome = pollOnce();
            total += outcome.records();
            if (!outcome.ok() || !outcome.more()) {
                break;
            }
        }
        return total;
    }

    public void close() {
        source.close();
    }
}
