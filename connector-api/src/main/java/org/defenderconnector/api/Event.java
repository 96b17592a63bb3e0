package org.defenderconnector.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A record ready for delivery: the raw record always kept, its OCSF form beside it.
 *
 * @param uid      deterministic id (see {@link EventUid}); sinks that can upsert ignore a uid they hold
 * @param ocsfJson the OCSF 1.8.0 event as JSON text, or null when normalization is not available
 */
public record Event(String uid, String tenant, String stream, String kind, String naturalId, Instant time,
                    String rawJson, String ocsfJson) {
    public Event {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    public Event withOcsf(String ocsf) {
        return new Event(uid, tenant, stream, kind, naturalId, time, rawJson, ocsf);
    }
}
