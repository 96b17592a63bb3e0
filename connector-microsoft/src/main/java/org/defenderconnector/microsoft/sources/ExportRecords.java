package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.microsoft.http.JsonRecord;

import java.time.Instant;

/**
 * A row of the vulnerability export as a source record, the same whichever way it was read (JSON pages,
 * files, deltas): so uids and the OCSF mapping do not depend on the export mode.
 */
final class ExportRecords {
    private ExportRecords() {
    }

    /**
     * @param started when the export began: the time of a record that carries none
     */
    static SourceRecord of(CollectionSpec spec, JsonRecord json, Instant started) {
        String version = ContentHash.versionOf(json.json());
        String naturalId = json.firstField(spec.idFields().toArray(String[]::new));
        if (naturalId == null) {
            naturalId = "sha:" + version;
        }
        Instant time = ODataTime.parse(json.firstField(spec.timeFields().toArray(String[]::new)));
        return new SourceRecord(naturalId, version, time != null ? time : started, json.json(), spec.kind());
    }
}
