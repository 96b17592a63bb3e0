package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;

import java.util.List;

/** The steps every REST mapper takes at the start and the end of an event. */
final class RestEvents {
    private RestEvents() {
    }

    /** The product is a property of the record kind (MDE entity vs XDR/Graph), whatever the caller passed. */
    static MappingContext withProduct(MappingContext context, Product product) {
        return new MappingContext(context.tenantUid(), context.logName(), product);
    }

    /**
     * metadata.tenant_uid from the record when the context does not know the tenant. The record's field is
     * marked mapped only when it is the tenant the event states; a different tenant id stays in unmapped.
     */
    static void tenant(OcsfEvent event, MappingContext context, EntityFields record, String field) {
        String recordTenant = record.peekText(field);
        if (recordTenant == null) {
            return;
        }
        if (context.tenantUid() == null) {
            event.set("metadata.tenant_uid", record.text(field));
        } else if (context.tenantUid().equalsIgnoreCase(recordTenant)) {
            record.text(field);
        }
    }

    /** Observables, nested leftovers under unmapped, then the core's build (top-level leftovers, profiles). */
    static ObjectNode finish(OcsfEvent event, EntityFields record, List<ObjectNode> looseObservables) {
        Observables.attach(event.node(), looseObservables);
        ObjectNode nested = record.nestedLeftovers();
        if (!nested.isEmpty()) {
            event.object("unmapped").setAll(nested);
        }
        ObjectNode built = event.build(record.fields());
        if (built.get("unmapped") != null) {
            built.set("unmapped", EntityFields.withoutNulls(built.get("unmapped")));
        }
        return built;
    }
}
