package org.defenderconnector.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One raw record as a source read it, before normalization.
 *
 * @param naturalId the id the source gives the entity (alert id, machine id, ReportId+DeviceId...)
 * @param version   what distinguishes two states of the same entity (lastUpdateTime, a content hash);
 *                  equal ids with equal versions are the same record and must not be emitted twice
 * @param time      the record's own event time
 * @param rawJson   the record exactly as received, as JSON text
 * @param kind      what the record is within its stream when a stream carries several kinds
 *                  (an advanced hunting table name, "alert", "machine"...); used to pick the mapper
 */
public record SourceRecord(String naturalId, String version, Instant time, String rawJson, String kind) {
    public SourceRecord {
        Objects.requireNonNull(naturalId, "naturalId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rawJson, "rawJson");
        Objects.requireNonNull(kind, "kind");
    }
}
