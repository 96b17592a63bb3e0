package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.BaseEventMapper;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.Observables;

import java.util.List;
import java.util.Set;

/**
 * The shared frame of the advanced hunting table mappers (record kind = the table name). It fixes the
 * product by table (Device* → Defender for Endpoint, the others → Defender XDR) whatever product the
 * caller assumed, defaults {@code log_name} to the table, derives observables, and guards validity: a
 * row that lacks what its OCSF class requires (typically a projection of the table, not a full row)
 * is kept whole as a Base Event rather than emitted as an invalid event.
 */
abstract class HuntingMapper implements OcsfMapper {
    private final String table;
    private final Product product;

    protected HuntingMapper(String table, Product product) {
        this.table = table;
        this.product = product;
    }

    @Override
    public final Set<String> kinds() {
        return Set.of(table);
    }

    @Override
    public final ObjectNode map(RecordFields record, MappingContext context) {
        MappingContext tableContext = new MappingContext(context.tenantUid(),
                context.logName() == null ? table : context.logName(), product);
        ObjectNode event = mapRow(new HuntingRow(table, record, tableContext));
        List<String> missing = ClassRequirements.missing(event);
        if (!missing.isEmpty()) {
            ObjectNode kept = new BaseEventMapper().map(new RecordFields(record.record()), tableContext);
            kept.put("message", table + " row without what " + event.path("class_name").asText()
                    + " requires (" + String.join(", ", missing) + "), kept whole under unmapped");
            String key = HuntingKeys.of(table, record.record());
            if (key != null) {
                ((ObjectNode) kept.get("metadata")).put("original_event_uid", key);
            }
            return kept;
        }
        ClassRequirements.declareHostProfileIfUsed(event);
        Observables.addTo(event);
        return event;
    }

    /** Maps one row; the result is checked for completeness by {@link #map}. */
    protected abstract ObjectNode mapRow(HuntingRow row);
}
