package org.defenderconnector.engine;

import org.defenderconnector.api.Event;
import org.defenderconnector.api.EventUid;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a source's raw record into a deliverable event: the deterministic uid, the raw JSON kept as
 * it came, and its OCSF form. A record the normalizer cannot map is still delivered (raw only) and
 * logged: normalization problems must never lose collected data.
 */
public final class EventFactory {
    private static final Logger LOG = LoggerFactory.getLogger(EventFactory.class);

    private final Normalizer normalizer;
    private final String entraTenantId;

    /** @param entraTenantId the tenant GUID for OCSF metadata.tenant_uid (null when unknown) */
    public EventFactory(Normalizer normalizer, String entraTenantId) {
        this.normalizer = normalizer;
        this.entraTenantId = entraTenantId;
    }

    public Event toEvent(StreamId id, SourceRecord record) {
        String uid = EventUid.of(id, record);
        String ocsf = null;
        try {
            ocsf = normalizer.normalize(record.kind(), record.rawJson(),
                    new MappingContext(entraTenantId, record.kind(), Product.forKind(record.kind())));
        } catch (RuntimeException e) {
            LOG.warn("stream {}: record {} of kind {} could not be normalized ({}); kept raw only",
                    id, record.naturalId(), record.kind(), e.getMessage());
        }
        return new Event(uid, id.tenant(), id.stream(), record.kind(), record.naturalId(), record.time(),
                record.rawJson(), ocsf);
    }
}
