package org.defenderconnector.app.server.runtime;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.StreamId;

import java.util.concurrent.atomic.AtomicLong;

/** Counts a source's polls and failed polls for the status page and {@code /metrics}. */
final class CountingSource implements Source {
    private final Source delegate;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    CountingSource(Source delegate) {
        this.delegate = delegate;
    }

    @Override
    public StreamId id() {
        return delegate.id();
    }

    @Override
    public Batch poll(Position position) throws SourceException {
        polls.incrementAndGet();
        try {
            return delegate.poll(position);
        } catch (SourceException | RuntimeException e) {
            errors.incrementAndGet();
            throw e;
        }
    }

    long polls() {
        return polls.get();
    }

    long errors() {
        return errors.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
