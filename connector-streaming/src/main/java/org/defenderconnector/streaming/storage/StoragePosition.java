package org.defenderconnector.streaming.storage;

import org.defenderconnector.api.Position;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The storage source's cursor, kept flat inside a {@link Position}:
 * <ul>
 *   <li>{@code blob:<container>/<path>} → byte offset of the first byte not yet delivered, one per open blob;</li>
 *   <li>{@code closed:<container>/<path>} → epoch millis when the blob was closed; remembered for a while so a
 *       late or re-delivered queue message for it is recognised and not read again.</li>
 * </ul>
 * Closed blobs leave the position once that memory expires, so it stays a few dozen keys.
 */
final class StoragePosition {
    static final String OPEN = "blob:";
    static final String CLOSED = "closed:";

    private final TreeMap<String, Long> open = new TreeMap<>();
    private final TreeMap<String, Long> closed = new TreeMap<>();

    static StoragePosition of(Position position) {
        StoragePosition p = new StoragePosition();
        for (Map.Entry<String, Object> e : position.values().entrySet()) {
            if (e.getKey().startsWith(OPEN)) {
                p.open.put(e.getKey().substring(OPEN.length()), toLong(e.getValue()));
            } else if (e.getKey().startsWith(CLOSED)) {
                p.closed.put(e.getKey().substring(CLOSED.length()), toLong(e.getValue()));
            }
        }
        return p;
    }

    private static long toLong(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    StoragePosition copy() {
        StoragePosition p = new StoragePosition();
        p.open.putAll(open);
        p.closed.putAll(closed);
        return p;
    }

    Position toPosition() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        open.forEach((k, v) -> values.put(OPEN + k, v));
        closed.forEach((k, v) -> values.put(CLOSED + k, v));
        return new Position(values);
    }

    /** Open blob keys in a stable order. */
    Collection<String> openKeys() {
        return java.util.List.copyOf(open.keySet());
    }

    boolean isOpen(String key) {
        return open.containsKey(key);
    }

    boolean isClosed(String key) {
        return closed.containsKey(key);
    }

    boolean isKnown(String key) {
        return isOpen(key) || isClosed(key);
    }

    long offset(String key) {
        return open.getOrDefault(key, 0L);
    }

    void open(String key, long offset) {
        closed.remove(key);
        open.put(key, offset);
    }

    void close(String key, long atMillis) {
        open.remove(key);
        closed.put(key, atMillis);
    }

    /** Forgets blobs closed before {@code cutoffMillis}, except those a held queue message still names. */
    void forgetClosedBefore(long cutoffMillis, java.util.Set<String> stillReferenced) {
        closed.entrySet().removeIf(e -> e.getValue() < cutoffMillis && !stillReferenced.contains(e.getKey()));
    }

    /** Same blobs, offsets and closed marks, whatever number types a stored position came back with. */
    boolean sameAs(StoragePosition other) {
        return open.equals(other.open) && closed.equals(other.closed);
    }

    int openCount() {
        return open.size();
    }
}
