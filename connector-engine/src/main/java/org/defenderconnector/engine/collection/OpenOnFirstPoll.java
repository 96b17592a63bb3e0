package org.defenderconnector.engine.collection;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.StreamId;

import java.util.function.Supplier;

/**
 * A source opened on its first poll rather than when the collection is built. Opening a streaming source
 * can fail for passing reasons (the Kafka client refuses to start when the namespace's name does not
 * resolve); that must make this one stream fail and be retried with backoff, not stop every other stream
 * from starting.
 */
final class OpenOnFirstPoll implements Source {
    private final StreamId id;
    private final Supplier<Source> opener;
    private final String fix;
    private Source source;

    OpenOnFirstPoll(StreamId id, Supplier<Source> opener, String fix) {
        this.id = id;
        this.opener = opener;
        this.fix = fix;
    }

    @Override
    public StreamId id() {
        return id;
    }

    @Override
    public Batch poll(Position position) throws SourceException {
        if (source == null) {
            try {
                source = opener.get();
            } catch (RuntimeException e) {
                throw new SourceException(id + ": could not open the source: " + describe(e), true, fix, e);
            }
        }
        return source.poll(position);
    }

    /** The exception and its causes' messages (the Kafka client's top message alone says little). */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                text.append(t == e ? " " : ": ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
    }
}
