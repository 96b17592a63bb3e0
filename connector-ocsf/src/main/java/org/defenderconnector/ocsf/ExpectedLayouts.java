package org.defenderconnector.ocsf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layout each kind of record had last, so that the next record of that kind is read expecting it
 * ({@link RecordReader}): rows of one table, records of one stream, share their field names and order.
 * Kept per kind rather than once for all, so that streams of many kinds normalized at once (many tenants
 * and tables in one process) do not keep replacing each other's. Kinds kept are bounded; past the bound
 * a new kind's records are read without expectation, with the same result.
 */
final class ExpectedLayouts {
    private static final int MAX_KINDS = 1024;
    private static final String NO_KIND = "";

    private final Map<String, FieldLayout> byKind = new ConcurrentHashMap<>();

    /** The layout the record of this kind read last had; null if none. */
    FieldLayout of(String kind) {
        return byKind.get(kind == null ? NO_KIND : kind);
    }

    /** Remembers the layout of a record just read. */
    void remember(String kind, RecordFields record) {
        String key = kind == null ? NO_KIND : kind;
        FieldLayout layout = record.layout();
        FieldLayout known = byKind.get(key);
        if (known != layout && !layout.hasRepeatedNames() && (known != null || byKind.size() < MAX_KINDS)) {
            byKind.put(key, layout);
        }
    }
}
