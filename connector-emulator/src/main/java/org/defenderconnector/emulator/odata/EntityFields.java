package org.defenderconnector.emulator.odata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The properties of an entity set that {@code $filter} accepts, with their JSON names and types. Names match
 * case-insensitively: Microsoft's own pages spell them both ways (alerts.md {@code alertCreationTime},
 * exposed-apis-odata-samples.md {@code AlertCreationTime}).
 */
public final class EntityFields {

    /** A filterable property: its name in the JSON and its type. */
    public record Field(String name, FieldType type) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    private EntityFields() {
    }

    /** Pairs of (name, type). */
    public static EntityFields of(Object... nameTypePairs) {
        EntityFields result = new EntityFields();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            String name = (String) nameTypePairs[i];
            result.fields.put(name.toLowerCase(Locale.ROOT), new Field(name, (FieldType) nameTypePairs[i + 1]));
        }
        return result;
    }

    public Optional<Field> find(String name) {
        return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        fields.values().forEach(field -> names.add(field.name()));
        return names;
    }
}
