package org.defenderconnector.emulator.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares the emulator's records with Microsoft's sample records, field by field and recursively:
 * <ul>
 * <li>every field of a sample record is present in every emulator record;</li>
 * <li>where a sample has a non-null value, the emulator's values have that JSON type (or are null), and at least
 *     one emulator record has a non-null value of it, so that the type is really exercised; where samples only
 *     have null, any value is accepted;</li>
 * <li>arrays: elements are compared the same way, all elements of all records together; elements typed by
 *     {@code @odata.type} are compared with the emulator elements of the same type, which must exist.</li>
 * </ul>
 */
public final class ShapeCheck {

    private ShapeCheck() {
    }

    /** Problems found, each naming the field path; empty when the emulator's records match the samples. */
    public static List<String> problems(List<JsonNode> samples, List<JsonNode> actual) {
        return problems(samples, actual, Map.of());
    }

    /** {@code renames}: sample field name to the emulator's name, for documented departures. */
    public static List<String> problems(List<JsonNode> samples, List<JsonNode> actual, Map<String, String> renames) {
        List<String> problems = new ArrayList<>();
        objects("$", samples, actual, renames, problems);
        return problems;
    }

    private static void objects(String path, List<JsonNode> samples, List<JsonNode> actual,
                                Map<String, String> renames, List<String> problems) {
        if (actual.isEmpty()) {
            problems.add(path + ": the emulator has no records here to compare with the sample");
            return;
        }
        Map<String, List<JsonNode>> sampleValues = new LinkedHashMap<>();
        for (JsonNode sample : samples) {
            sample.fields().forEachRemaining(field -> sampleValues.computeIfAbsent(field.getKey(),
                    key -> new ArrayList<>()).add(field.getValue()));
        }
        sampleValues.forEach((sampleKey, values) -> {
            String key = renames.getOrDefault(sampleKey, sampleKey);
            String where = path + "." + key;
            List<JsonNode> actualValues = new ArrayList<>();
            int missing = 0;
            for (JsonNode record : actual) {
                if (!record.has(key)) {
                    missing++;
                } else {
                    actualValues.add(record.get(key));
                }
            }
            if (missing > 0) {
                problems.add(where + ": missing in " + missing + " of " + actual.size() + " emulator records");
                return;
            }
            Set<String> sampleTypes = types(values);
            if (sampleTypes.isEmpty()) {
                return;
            }
            Set<String> actualTypes = types(actualValues);
            if (actualTypes.isEmpty()) {
                problems.add(where + ": the sample has " + sampleTypes + " but every emulator value is null");
                return;
            }
            if (!sampleTypes.containsAll(actualTypes)) {
                problems.add(where + ": the sample has " + sampleTypes + ", the emulator " + actualTypes);
                return;
            }
            if (sampleTypes.contains("object")) {
                objects(where, nonNull(values), nonNull(actualValues), renames, problems);
            } else if (sampleTypes.contains("array")) {
                arrays(where, nonNull(values), nonNull(actualValues), renames, problems);
            }
        });
    }

    private static void arrays(String path, List<JsonNode> samples, List<JsonNode> actual,
                               Map<String, String> renames, List<String> problems) {
        List<JsonNode> sampleElements = new ArrayList<>();
        samples.forEach(array -> array.forEach(sampleElements::add));
        List<JsonNode> actualElements = new ArrayList<>();
        actual.forEach(array -> array.forEach(actualElements::add));
        if (sampleElements.isEmpty()) {
            return;
        }
        if (actualElements.isEmpty()) {
            problems.add(path + "[]: the sample has elements, every emulator array is empty");
            return;
        }
        Set<String> sampleTypes = types(sampleElements);
        Set<String> actualTypes = types(actualElements);
        if (!sampleTypes.containsAll(actualTypes)) {
            problems.add(path + "[]: the sample has " + sampleTypes + " elements, the emulator " + actualTypes);
            return;
        }
        if (!sampleTypes.contains("object")) {
            return;
        }
        Map<String, List<JsonNode>> sampleByType = byODataType(sampleElements);
        Map<String, List<JsonNode>> actualByType = byODataType(actualElements);
        sampleByType.forEach((type, elements) -> {
            List<JsonNode> sameType = actualByType.getOrDefault(type, List.of());
            if (sameType.isEmpty()) {
                problems.add(path + "[]: no emulator element of type " + type);
            } else {
                objects(path + "[" + type + "]", elements, sameType, renames, problems);
            }
        });
    }

    private static Map<String, List<JsonNode>> byODataType(List<JsonNode> elements) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        for (JsonNode element : elements) {
            JsonNode type = element.get("@odata.type");
            groups.computeIfAbsent(type == null ? "*" : type.asText(), key -> new ArrayList<>()).add(element);
        }
        return groups;
    }

    private static List<JsonNode> nonNull(List<JsonNode> values) {
        return values.stream().filter(value -> !value.isNull()).toList();
    }

    private static Set<String> types(List<JsonNode> values) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode value : values) {
            if (!value.isNull()) {
                types.add(value.isNumber() ? "number" : value.isTextual() ? "string" : value.isBoolean() ? "boolean"
                        : value.isArray() ? "array" : "object");
            }
        }
        return types;
    }
}
