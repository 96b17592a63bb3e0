package org.defenderconnector.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.microsoft.hunting.HuntingOptions;
import org.defenderconnector.microsoft.hunting.HuntingSources;
import org.defenderconnector.microsoft.hunting.HuntingTable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The advanced hunting entries of a tenant's {@code streams}, each expanded to one stream per table
 * named {@code hunting:<Table>}:
 * <pre>
 * streams:
 *   - hunting                                  # the 20 standard tables, default settings
 *   - hunting:DeviceProcessEvents              # one table
 *   - name: hunting                            # several tables with settings
 *     tables: [DeviceProcessEvents, DeviceNetworkEvents]
 *     api: graph                               # graph (default) | mde | xdr (retiring)
 *     interval: 5m
 *     lag: 5m
 *     overlap: 10m
 * </pre>
 * Table names are validated (letters and digits only) and settings are checked here, so a bad value
 * is reported with its key when the configuration is loaded, not when the stream first runs.
 */
final class HuntingStreams {
    private static final String HUNTING = "hunting";
    private static final Set<String> DURATIONS = Set.of("lag", "overlap", "backfill", "initialWindow", "minWindow",
            "maxWindow");
    private static final Set<String> OPTIONS = Set.of("api", "lag", "overlap", "backfill", "initialWindow", "minWindow",
            "maxWindow", "targetRows", "rowCap", "maxResponseBytes", "maxQueriesPerPoll", "windowAttempts", "maxSeen");

    private HuntingStreams() {
    }

    static boolean isHunting(JsonNode stream) {
        String name = stream.isTextual() ? stream.asText() : stream.isObject() ? stream.path("name").asText("") : "";
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals(HUNTING) || n.startsWith(HuntingSources.STREAM_PREFIX);
    }

    /**
     * @param tenantOptions hunting settings the tenant sets for all its streams (overlap, backfill), as text
     */
    static List<ConnectorConfig.StreamSettings> parse(JsonNode stream, String key, Duration tenantInterval,
                                                      Map<String, String> tenantOptions) {
        Map<String, String> options = new LinkedHashMap<>();
        tenantOptions.forEach((k, v) -> options.put(k, Durations.parse(key + "." + k, v).toString()));
        Duration interval = tenantInterval;
        List<HuntingTable> tables;
        if (stream.isTextual()) {
            tables = tables(stream.asText().trim(), null, key);
        } else {
            Set<String> allowed = new java.util.HashSet<>(OPTIONS);
            allowed.add("name");
            allowed.add("tables");
            allowed.add("interval");
            ConfigLoader.allowOnly(stream, key, allowed);
            String name = ConfigLoader.required(stream, key, "name");
            tables = tables(name, stream.get("tables"), key);
            if (stream.has("interval")) {
                interval = Durations.parse(key + ".interval", stream.get("interval").asText());
            }
            for (String option : OPTIONS) {
                if (stream.hasNonNull(option)) {
                    String text = stream.get(option).asText();
                    options.put(option, DURATIONS.contains(option)
                            ? Durations.parse(key + "." + option, text).toString() : text);
                }
            }
        }
        HuntingOptions parsed;
        try {
            parsed = HuntingOptions.fromMap(options);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage(), "see docs/sources/hunting.md for the hunting settings");
        }
        List<ConnectorConfig.StreamSettings> streams = new ArrayList<>();
        for (HuntingTable table : tables) {
            streams.add(new ConnectorConfig.StreamSettings(HuntingSources.streamName(table), interval, parsed.overlap(),
                    parsed.backfill(), null, options));
        }
        return streams;
    }

    private static List<HuntingTable> tables(String name, JsonNode listed, String key) {
        if (!name.toLowerCase(Locale.ROOT).equals(HUNTING)) {
            if (listed != null) {
                throw new ConfigException(key + ".tables", "goes with name: hunting", "write {name: hunting, tables: [...]}"
                        + " or name: hunting:<Table> without tables");
            }
            try {
                return List.of(HuntingSources.tableOf(name));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, e.getMessage(), "write hunting:<Table>, e.g. hunting:DeviceProcessEvents");
            }
        }
        if (listed == null || listed.isNull()) {
            return HuntingTable.standard();
        }
        if (!listed.isArray() || listed.isEmpty()) {
            throw new ConfigException(key + ".tables", "must be a non-empty list of table names",
                    "e.g. tables: [DeviceProcessEvents, DeviceNetworkEvents], or leave it out for all standard tables");
        }
        List<HuntingTable> tables = new ArrayList<>();
        for (int j = 0; j < listed.size(); j++) {
            try {
                tables.add(HuntingTable.of(listed.get(j).asText()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ".tables[" + j + "]", e.getMessage(),
                        "standard tables: " + String.join(", ", HuntingTable.STANDARD));
            }
        }
        return tables;
    }
}
