package org.defenderconnector.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stream stands: a small flat map of strings and numbers. It must stay flat so that Kafka
 * Connect can keep it as a source offset unchanged and the embedded store can keep it as JSON.
 */
public record Position(Map<String, Object> values) {
    public static final Position START = new Position(Map.of());

    public Position {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (v != null && !(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
                throw new IllegalArgumentException("position value '" + e.getKey()
                        + "' must be a string, number or boolean, not " + v.getClass().getSimpleName());
            }
            if (v != null) {
                copy.put(e.getKey(), v);
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    public static Position of(Map<String, ?> values) {
        return new Position(new LinkedHashMap<>(values));
    }

    public boolean isStart() {
        return values.isEmpty();
    }

    public Optional<String> string(String key) {
        Object v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    public Optional<Long> number(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(v instanceof Number n ? n.longValue() : Long.parseLong(v.toString()));
    }

    /** A copy with one key set (or removed when value is null). */
    public Position with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Position(copy);
    }
}
