package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;

import java.time.Instant;

/**
 * A time-window source that can read one past window again, e.g. a window it had to skip. The
 * replay has its own position, separate from the stream's: the caller loops
 * {@code replay(start, end, p)} from {@link Position#START}, delivers each batch and continues with
 * {@code batch.next()} while {@code batch.more()}. Records keep their natural ids and versions, so
 * uid-idempotent sinks ignore what they already hold.
 */
public interface ReplayableSource extends Source {
    Batch replay(Instant start, Instant end, Position replayPosition) throws SourceException;
}
