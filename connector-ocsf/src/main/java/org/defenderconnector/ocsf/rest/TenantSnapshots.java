package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.Severity;

import java.time.Clock;
import java.util.List;

/**
 * Tenant-wide Defender Vulnerability Management snapshots — the software catalogue and the exposure
 * and configuration scores — as OCSF Base Events (docs/ocsf/software-and-scores.md). No OCSF 1.8.0 class
 * describes them truthfully: the inventory classes need a device and these records aggregate over all
 * devices; findings need a finding. The event carries time, product, a readable message, and the record
 * itself under unmapped with its exact numbers.
 */
final class TenantSnapshots {
    private TenantSnapshots() {
    }

    /**
     * A Base Event 99 Other whose activity name is the Defender entity name (Software, ExposureScore,
     * ConfigurationScore), the source's own word for what the record is.
     */
    static OcsfEvent start(String entityName, MappingContext callerContext) {
        MappingContext context = RestEvents.withProduct(callerContext, Product.DEFENDER_FOR_ENDPOINT);
        OcsfEvent event = OcsfEvent.start(OcsfClass.BASE_EVENT, OcsfEvent.ACTIVITY_OTHER, entityName, context);
        event.severity(Severity.INFORMATIONAL);
        return event;
    }

    /** A score record: {time, score}. The score stays under unmapped as a number; the message quotes it. */
    static ObjectNode score(RecordFields record, MappingContext context, Clock clock, String entityName, String label) {
        EntityFields fields = new EntityFields(record);
        OcsfEvent event = start(entityName, context);
        Long time = fields.time("time");
        event.time(time != null ? time : clock.millis());
        JsonNode score = fields.peek("score");
        if (score != null) {
            event.set("message", label + ": " + score.asText());
        }
        return RestEvents.finish(event, fields, List.of());
    }
}
