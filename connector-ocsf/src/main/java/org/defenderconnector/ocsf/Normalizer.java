package org.defenderconnector.ocsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Routes a raw record to the mapper for its kind and returns the OCSF event. Mappers are found with
 * {@link ServiceLoader} ({@code META-INF/services/org.defenderconnector.ocsf.OcsfMapper}); kinds are
 * matched case-insensitively. A kind no mapper claims becomes a Base Event with the record unmapped.
 *
 * <p>An event is read-only once returned: it may hold one object at two places (an initiating process is
 * also the created process's {@code parent_process}; observables hold the event's own value nodes) and
 * may share nodes with the record it came from. Copy it ({@code deepCopy()}) before changing it.
 */
public final class Normalizer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, OcsfMapper> byKind = new HashMap<>();
    /** The same mappers under the kinds exactly as they declare them, so the usual spelling needs no lower-casing. */
    private final Map<String, OcsfMapper> byDeclaredKind = new HashMap<>();
    private final OcsfMapper fallback = new BaseEventMapper();
    private final ExpectedLayouts expectedLayouts = new ExpectedLayouts();

    public Normalizer(List<OcsfMapper> mappers) {
        for (OcsfMapper mapper : mappers) {
            for (String kind : mapper.kinds()) {
                byDeclaredKind.put(kind, mapper);
                OcsfMapper previous = byKind.put(kind.toLowerCase(Locale.ROOT), mapper);
                if (previous != null && previous != mapper) {
                    throw new IllegalStateException("two mappers claim record kind " + kind + ": "
                            + previous.getClass().getName() + " and " + mapper.getClass().getName());
                }
            }
        }
    }

    /** The normalizer with every mapper on the class path. */
    public static Normalizer withAllMappers() {
        return new Normalizer(ServiceLoader.load(OcsfMapper.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public boolean knows(String kind) {
        return kind != null && byKind.containsKey(kind.toLowerCase(Locale.ROOT));
    }

    public ObjectNode normalize(String kind, JsonNode record, MappingContext context) {
        return map(kind, new RecordFields(record), context);
    }

    /**
     * Normalizes a raw record given as JSON bytes (a Streaming API line, a hunting result row) without
     * building a tree of the record first.
     *
     * @throws IllegalArgumentException when the bytes are not a JSON object
     */
    public ObjectNode normalize(String kind, byte[] rawJson, MappingContext context) {
        try {
            RecordFields record = RecordReader.read(rawJson, expectedLayouts.of(kind));
            expectedLayouts.remember(kind, record);
            return map(kind, record, context);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /** Normalizes raw JSON text and returns OCSF JSON text. */
    public String normalize(String kind, String rawJson, MappingContext context) {
        try {
            RecordFields record = RecordReader.read(rawJson, expectedLayouts.of(kind));
            expectedLayouts.remember(kind, record);
            return JSON.writeValueAsString(map(kind, record, context));
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    private ObjectNode map(String kind, RecordFields record, MappingContext context) {
        OcsfMapper mapper = kind == null ? null : byDeclaredKind.get(kind);
        if (mapper == null && kind != null) {
            mapper = byKind.get(kind.toLowerCase(Locale.ROOT));
        }
        return (mapper == null ? fallback : mapper).map(record, context);
    }

    private static IllegalArgumentException notJson(IOException e) {
        String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new IllegalArgumentException("record is not valid JSON: " + reason, e);
    }
}
