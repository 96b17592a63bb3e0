package org.defenderconnector.app.server.runtime;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.StreamId;

/**
 * Stands in for a stream that cannot be collected (no source for it in this build, a credential that
 * cannot be loaded): every poll fails with the reason and the fix, so the stream shows as failing with
 * guidance on the status page instead of silently missing.
 */
final class UnavailableSource implements Source {
    private final StreamId id;
    private final String reason;
    private final String fix;

    UnavailableSource(StreamId id, String reason, String fix) {
        this.id = id;
        this.reason = reason;
        this.fix = fix;
    }

    @Override
    public StreamId id() {
        return id;
    }

    @Override
    public Batch poll(Position position) throws SourceException {
        throw new SourceException(reason, false, fix);
    }
}
