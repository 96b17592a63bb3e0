package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generator-style checks over every table: rows with all documented columns filled (one per
 * ActionType variant) map to the expected class and activity and conform to OCSF 1.8.0, and every
 * documented column ends up either mapped or under unmapped.
 */
class HuntingTablesTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static List<SampleRows.Variant> variants() {
        return SampleRows.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void fullRowsMapToTheirClassAndConform(SampleRows.Variant variant) {
        ObjectNode event = GoldenFiles.normalize(variant.table(), variant.row(), GoldenFiles.TENANT, null);
        assertThat(KnownSchemaGaps.unexplained(event)).as(variant.toString()).isEmpty();
        assertThat(event.get("class_uid").asInt()).as(variant + " class (" + event.path("message") + ")")
                .isEqualTo(variant.classUid());
        assertThat(event.get("activity_id").asInt()).as(variant + " activity").isEqualTo(variant.activityId());
        String product = variant.table().startsWith("Device") ? "Microsoft Defender for Endpoint" : "Microsoft Defender XDR";
        assertThat(event.at("/metadata/product/name").asText()).isEqualTo(product);
        assertThat(event.at("/metadata/log_name").asText()).isEqualTo(variant.table());
        assertThat(event.at("/metadata/original_event_uid").asText()).isNotEmpty();
        assertThat(event.get("time").asLong()).isEqualTo(1741083330123L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyDocumentedColumnIsMappedOrKept(SampleRows.Variant variant) {
        ObjectNode full = GoldenFiles.normalize(variant.table(), variant.row(), GoldenFiles.TENANT, null);
        JsonNode unmapped = full.path("unmapped");
        List<String> lost = new ArrayList<>();
        for (String column : SampleRows.columns(variant.table())) {
            if (unmapped.has(column)) {
                continue;
            }
            // Mapped = the event (outside unmapped) changes when the column is removed or its value changed;
            // removal alone misses columns another column duplicates (FileName is also the end of FolderPath).
            ObjectNode without = variant.row().deepCopy();
            without.remove(column);
            ObjectNode changed = variant.row().deepCopy();
            changed.set(column, changedValue(variant.row().get(column)));
            ObjectNode reduced = GoldenFiles.normalize(variant.table(), without, GoldenFiles.TENANT, null);
            ObjectNode altered = GoldenFiles.normalize(variant.table(), changed, GoldenFiles.TENANT, null);
            if (withoutUnmapped(full).equals(withoutUnmapped(reduced)) && withoutUnmapped(full).equals(withoutUnmapped(altered))) {
                lost.add(column);
            }
        }
        assertThat(lost).as(variant + ": columns neither mapped nor kept under unmapped").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyAdditionalFieldsKeyIsMappedOrKept(SampleRows.Variant variant) throws Exception {
        JsonNode raw = variant.row().get("AdditionalFields");
        JsonNode fields = raw == null ? null : raw.isTextual() ? JSON.readTree(raw.asText()) : raw;
        if (fields == null || !fields.isObject()) {
            return;
        }
        ObjectNode full = GoldenFiles.normalize(variant.table(), variant.row(), GoldenFiles.TENANT, null);
        JsonNode kept = full.path("unmapped").path("AdditionalFields");
        List<String> lost = new ArrayList<>();
        fields.fieldNames().forEachRemaining(key -> {
            if (kept.has(key)) {
                return;
            }
            ObjectNode reducedFields = ((ObjectNode) fields).deepCopy();
            reducedFields.remove(key);
            ObjectNode changedFields = ((ObjectNode) fields).deepCopy();
            changedFields.set(key, changedValue(fields.get(key)));
            ObjectNode without = variant.row().deepCopy();
            without.put("AdditionalFields", reducedFields.toString());
            ObjectNode changed = variant.row().deepCopy();
            changed.put("AdditionalFields", changedFields.toString());
            JsonNode reference = withoutUnmapped(full);
            if (reference.equals(withoutUnmapped(GoldenFiles.normalize(variant.table(), without, GoldenFiles.TENANT, null)))
                    && reference.equals(withoutUnmapped(GoldenFiles.normalize(variant.table(), changed, GoldenFiles.TENANT, null)))) {
                lost.add(key);
            }
        });
        assertThat(lost).as(variant + ": AdditionalFields keys neither mapped nor kept").isEmpty();
    }

    @Test
    void everyTableHasAMapperAndColumnList() {
        assertThat(SampleRows.tables()).containsExactlyInAnyOrder("AlertEvidence", "AlertInfo", "DeviceEvents",
                "DeviceFileCertificateInfo", "DeviceFileEvents", "DeviceImageLoadEvents", "DeviceInfo", "DeviceLogonEvents",
                "DeviceNetworkEvents", "DeviceNetworkInfo", "DeviceProcessEvents", "DeviceRegistryEvents", "EmailAttachmentInfo",
                "EmailEvents", "EmailPostDeliveryEvents", "EmailUrlInfo", "IdentityDirectoryEvents", "IdentityLogonEvents",
                "IdentityQueryEvents", "UrlClickEvents");
        for (String table : SampleRows.tables()) {
            assertThat(GoldenFiles.normalizer().knows(table)).as(table).isTrue();
        }
    }

    /** Another plausible value of the same JSON type. */
    private static JsonNode changedValue(JsonNode value) {
        if (value.isBoolean()) {
            return com.fasterxml.jackson.databind.node.BooleanNode.valueOf(!value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return com.fasterxml.jackson.databind.node.LongNode.valueOf(value.longValue() + 1);
        }
        if (value.isNumber()) {
            return com.fasterxml.jackson.databind.node.DoubleNode.valueOf(value.doubleValue() + 1);
        }
        if (value.isTextual()) {
            String text = value.asText();
            int dot = text.lastIndexOf('.');
            // Keep an extension or JSON shape where there is one; change the rest.
            if (text.startsWith("{") || text.startsWith("[")) {
                return com.fasterxml.jackson.databind.node.TextNode.valueOf(text.replaceFirst("\\w", "Z"));
            }
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(dot > 0 ? "x" + text : text + "x");
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf("changed");
    }

    private static JsonNode withoutUnmapped(ObjectNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("unmapped");
        return copy;
    }
}
