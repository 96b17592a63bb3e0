package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.objects.EnumValue;

/**
 * AlertInfo (one row per alert) → Detection Finding (2004), 1 Create: the row is the finding itself.
 * finding_info.uid ← AlertId, title ← Title, types ← [Category], attacks ← AttackTechniques, product ←
 * ServiceSource, data_sources ← [DetectionSource]; severity ← Severity; is_alert true.
 */
public final class AlertInfoMapper extends HuntingMapper {

    public AlertInfoMapper() {
        super("AlertInfo", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        OcsfEvent event = row.start(OcsfClass.DETECTION_FINDING, new EnumValue(1, "Create"));
        AlertFinding.write(event, row.fields(), "Category");
        return row.build(event);
    }
}
