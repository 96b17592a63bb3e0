package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.defenderconnector.ocsf.DefenderTime;
import org.defenderconnector.ocsf.OcsfMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a record carries is lost. For every golden input record, every leaf value (nested ones too) is
 * changed in turn and the record mapped again: the event must change, either where the value is mapped or
 * under {@code unmapped}. A second test checks that the golden inputs of each kind give a value to every
 * field Microsoft documents for it (columns/rest/&lt;kind&gt;.txt), so the first test covers them all.
 */
class FieldCoverageTest {
    private static final Map<String, OcsfMapper> MAPPERS = RestMappers.byKind();

    static List<GoldenCase> cases() {
        return GoldenCase.all();
    }

    static List<String> kinds() {
        return List.copyOf(MAPPERS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyValueIsMappedOrUnmapped(GoldenCase golden) {
        OcsfMapper mapper = MAPPERS.get(golden.kind());
        Map<String, String> outcome = new TreeMap<>();
        List<String> lost = new ArrayList<>();
        List<ObjectNode> records = golden.records();
        for (int r = 0; r < records.size(); r++) {
            ObjectNode record = records.get(r);
            ObjectNode baseline = GoldenCase.map(mapper, golden.kind(), record);
            int index = r;
            forEachLeaf(record, Path.ROOT, (path, value) -> {
                ObjectNode mutated = record.deepCopy();
                replace(mutated, path, mutation(value));
                ObjectNode event = GoldenCase.map(mapper, golden.kind(), mutated);
                if (event.equals(baseline)) {
                    lost.add("record " + index + ": " + path + " = " + value);
                    return;
                }
                ObjectNode withoutUnmapped = event.deepCopy();
                withoutUnmapped.remove("unmapped");
                ObjectNode baselineWithoutUnmapped = baseline.deepCopy();
                baselineWithoutUnmapped.remove("unmapped");
                outcome.merge(path.toString().replaceAll("\\[\\d+]", "[]"),
                        withoutUnmapped.equals(baselineWithoutUnmapped) ? "unmapped" : "mapped", FieldCoverageTest::both);
            });
        }
        assertThat(lost).as("values of %s that changed nothing in the event (lost)", golden).isEmpty();
        assertThat(outcome).as("leaf values checked in %s", golden).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void goldenInputsGiveEveryDocumentedFieldAValue(String kind) throws IOException {
        List<String> documented = documentedFields(kind);
        List<String> present = new ArrayList<>();
        for (GoldenCase golden : GoldenCase.all()) {
            if (golden.kind().equals(kind)) {
                golden.records().forEach(record -> forEachValue(record, "", present::add));
            }
        }
        List<String> presentLower = present.stream().map(p -> p.replaceAll("\\[\\d+]", "[]").toLowerCase()).toList();
        List<String> missing = documented.stream().filter(f -> !presentLower.contains(f.toLowerCase())).toList();
        assertThat(missing).as("documented fields of %s without a value in any golden input", kind).isEmpty();
    }

    private static String both(String a, String b) {
        return a.equals(b) ? a : "mapped+unmapped";
    }

    static List<String> documentedFields(String kind) throws IOException {
        try (InputStream in = FieldCoverageTest.class.getResourceAsStream("/columns/rest/" + kind + ".txt")) {
            assertThat(in).as("documented field list for %s", kind).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** A position in a record: object keys (which may contain dots, like "@odata.type") and array indexes. */
    private record Path(List<Object> steps) {
        static final Path ROOT = new Path(List.of());

        Path then(Object step) {
            List<Object> next = new ArrayList<>(steps);
            next.add(step);
            return new Path(next);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof Integer i) {
                    text.append('[').append(i).append(']');
                } else {
                    text.append(text.isEmpty() ? "" : ".").append(step);
                }
            }
            return text.toString();
        }
    }

    /** Leaves with a value: nulls and empty strings carry nothing to lose. */
    private static void forEachLeaf(JsonNode node, Path path, BiConsumer<Path, JsonNode> action) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> forEachLeaf(f.getValue(), path.then(f.getKey()), action));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachLeaf(node.get(i), path.then(i), action);
            }
        } else if (!node.isNull() && !(node.isTextual() && node.asText().isEmpty())) {
            action.accept(path, node);
        }
    }

    /** Every path (objects and arrays too) whose value is present and not empty. */
    private static void forEachValue(JsonNode node, String path, java.util.function.Consumer<String> action) {
        if (node.isNull() || (node.isContainerNode() && node.isEmpty()) || (node.isTextual() && node.asText().isEmpty())) {
            return;
        }
        if (!path.isEmpty()) {
            action.accept(path);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> forEachValue(f.getValue(), join(path, f.getKey()), action));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachValue(node.get(i), path + "[" + i + "]", action);
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * A different value of the same JSON kind. Date-times become another valid date-time in the same
     * spelling (an unparseable one could fall back to an equal time and hide a loss); other strings get a
     * prefix that no Defender enum word or format has.
     */
    private static JsonNode mutation(JsonNode value) {
        if (value.isBoolean()) {
            return BooleanNode.valueOf(!value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return LongNode.valueOf(value.longValue() + 1);
        }
        if (value.isNumber()) {
            return DoubleNode.valueOf(value.doubleValue() * 2 + 1);
        }
        String text = value.asText();
        if (DefenderTime.toEpochMillis(text).isPresent()) {
            return TextNode.valueOf(text.contains("T") ? "2001-02-03T04:05:06Z" : "2001-02-03 04:05:06");
        }
        return TextNode.valueOf("mutated:" + text);
    }

    private static void replace(ObjectNode root, Path path, JsonNode value) {
        JsonNode parent = root;
        List<Object> steps = path.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }
}
