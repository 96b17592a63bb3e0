package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;

import java.util.Optional;

/**
 * The Detection Finding parts AlertInfo and AlertEvidence share: {@code finding_info} (uid ← AlertId,
 * title ← Title, types ← Category/Categories, attacks ← AttackTechniques, product ← ServiceSource,
 * data_sources ← DetectionSource), severity ← Severity and {@code is_alert}.
 */
final class AlertFinding {
    private AlertFinding() {
    }

    static void write(OcsfEvent event, RecordFields fields, String categoriesColumn) {
        ObjectNode info = event.object("finding_info");
        String alertId = fields.text("AlertId");
        if (alertId != null) {
            info.put("uid", alertId);
        } else {
            event.node().remove("finding_info");
            return;
        }
        String title = fields.text("Title");
        if (title != null) {
            info.put("title", title);
        }
        categories(fields, categoriesColumn).ifPresent(types -> info.set("types", types));
        JsonNode techniques = fields.json("AttackTechniques").orElseGet(() -> fields.node("AttackTechniques"));
        if (techniques != null) {
            ArrayNode attacks = AttackTechniques.parse(techniques);
            if (!attacks.isEmpty()) {
                info.set("attacks", attacks);
            }
        }
        String service = fields.text("ServiceSource");
        if (service != null) {
            ObjectNode product = info.putObject("product");
            product.put("name", service);
            product.put("vendor_name", Product.VENDOR);
        }
        String detection = fields.text("DetectionSource");
        if (detection != null) {
            info.putArray("data_sources").add(detection);
        }
        event.severity(fields.text("Severity"));
        event.set("is_alert", true);
    }

    private static Optional<ArrayNode> categories(RecordFields fields, String column) {
        // A JSON array (Categories) or a plain word (Category).
        JsonNode value = fields.json(column).orElseGet(() -> fields.node(column));
        if (value == null) {
            return Optional.empty();
        }
        ArrayNode types = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (value.isArray()) {
            value.forEach(v -> {
                if (!v.asText().isBlank()) {
                    types.add(v.asText());
                }
            });
        } else if (!value.asText().isBlank()) {
            types.add(value.asText());
        }
        return types.isEmpty() ? Optional.empty() : Optional.of(types);
    }
}
