package org.defenderconnector.app.normalize;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kinds of raw input {@code normalize} understands, each knowing how to unwrap its envelope into
 * records and which record kind (mapper) each record is.
 */
enum InputSource {
    ALERTS("alerts", "mde-alert"),
    MACHINES("machines", "mde-machine"),
    MACHINE_ACTIONS("machine-actions", "mde-machine-action"),
    VULNERABILITIES("vulnerabilities", "mde-vulnerability-by-machine"),
    SOFTWARE("software", "mde-software"),
    INCIDENTS("incidents", null),
    GRAPH_ALERTS("graph-alerts", "graph-alert"),
    HUNTING("hunting", null),
    EVENTHUB("eventhub", null),
    STORAGE("storage", null);

    /** One record to normalize: its kind and the record itself. */
    record Item(String kind, JsonNode record) {
    }

    private static final String CATEGORY_PREFIX = "AdvancedHunting-";

    private final String cliName;
    private final String fixedKind;

    InputSource(String cliName, String fixedKind) {
        this.cliName = cliName;
        this.fixedKind = fixedKind;
    }

    static Optional<InputSource> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName.equalsIgnoreCase(name)).findFirst();
    }

    static String names() {
        return String.join("|", Arrays.stream(values()).map(s -> s.cliName).toList());
    }

    String cliName() {
        return cliName;
    }

    /**
     * Unwraps one top-level JSON value into records: API pages ({@code value}), hunting results
     * ({@code Results}/{@code results}), Event Hub messages ({@code records}), or a single record.
     * Throws IllegalArgumentException naming what is wrong with a record that cannot be routed.
     */
    void unwrap(JsonNode document, String table, Consumer<Item> out) {
        JsonNode array = firstArray(document, "value", "Results", "results", "records");
        if (array != null) {
            for (JsonNode element : array) {
                out.accept(item(element, table));
            }
        } else {
            out.accept(item(document, table));
        }
    }

    private Item item(JsonNode record, String table) {
        if (!record.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + record.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return switch (this) {
            case HUNTING -> {
                if (table == null) {
                    throw new IllegalArgumentException("hunting rows need --table (e.g. --table DeviceProcessEvents)");
                }
                yield new Item(table, record);
            }
            case EVENTHUB, STORAGE -> streamed(record, table);
            case INCIDENTS -> new Item(record.has("incidentId") ? "xdr-incident" : "graph-incident", record);
            default -> new Item(fixedKind, record);
        };
    }

    /** A Streaming API record {time, tenantId, category: "AdvancedHunting-<Table>", properties}. */
    private static Item streamed(JsonNode record, String table) {
        JsonNode properties = record.get("properties");
        String category = record.path("category").asText("");
        if (properties == null || !properties.isObject()) {
            if (table != null) {
                return new Item(table, record);
            }
            throw new IllegalArgumentException("streamed record has no 'properties' object (expected {time, tenantId, category, properties})");
        }
        String kind = category.regionMatches(true, 0, CATEGORY_PREFIX, 0, CATEGORY_PREFIX.length())
                ? category.substring(CATEGORY_PREFIX.length()) : table;
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("streamed record has category '" + category
                    + "', not AdvancedHunting-<Table>; pass --table to say which table it is");
        }
        return new Item(kind, properties);
    }

    private static JsonNode firstArray(JsonNode document, String... names) {
        if (!document.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode node = document.get(name);
            if (node != null && node.isArray()) {
                return node;
            }
        }
        return null;
    }
}
