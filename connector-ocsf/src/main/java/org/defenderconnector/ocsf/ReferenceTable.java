package org.defenderconnector.ocsf;

import java.util.Map;

/**
 * Values found by the reference of their string key, for lookups on the mapping's hot paths. Attribute
 * and column names are string constants, or field names Jackson interned, so the very instance asked
 * for is nearly always the one added: an open-addressing table compared by reference answers with one
 * or two comparisons, without a map's hashing and volatile reads. A key not found here may still be
 * known under an equal string: callers fall back to their map. Additions replace the table with a new
 * one, so readers never see a half-made table and need no lock; they are rare after the first rows.
 *
 * @param <V> the values
 */
public final class ReferenceTable<V> {
    private volatile Entry<V>[] entries;

    public ReferenceTable() {
        entries = newTable(8);
    }

    private ReferenceTable(Entry<V>[] entries) {
        this.entries = entries;
    }

    /** A table of these entries, built at once (adding them one by one would copy the table each time). */
    public static <V> ReferenceTable<V> of(Map<String, V> values) {
        Entry<V>[] table = newTable(sizeFor(values.size()));
        values.forEach((key, value) -> insert(table, new Entry<>(key, value)));
        return new ReferenceTable<>(table);
    }

    /** The value added under this very key instance, or null. */
    public V get(String key) {
        Entry<V>[] table = entries;
        int mask = table.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            Entry<V> entry = table[slot];
            if (entry == null) {
                return null;
            }
            if (entry.key == key) {
                return entry.value;
            }
        }
    }

    /** Adds a value under this key instance (kept as it is if the instance is there already). */
    public synchronized void add(String key, V value) {
        Entry<V>[] table = entries;
        int count = 0;
        for (Entry<V> entry : table) {
            if (entry != null) {
                if (entry.key == key) {
                    return;
                }
                count++;
            }
        }
        Entry<V>[] copy = newTable(Math.max(table.length, sizeFor(count + 1)));
        for (Entry<V> entry : table) {
            if (entry != null) {
                insert(copy, entry);
            }
        }
        insert(copy, new Entry<>(key, value));
        entries = copy;
    }

    /** A power of two at least twice the count, so that probes stay short. */
    private static int sizeFor(int count) {
        int size = 8;
        while (count * 2 > size) {
            size *= 2;
        }
        return size;
    }

    private static <V> void insert(Entry<V>[] table, Entry<V> entry) {
        int mask = table.length - 1;
        int slot = slot(entry.key, mask);
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry;
    }

    private static int slot(String key, int mask) {
        int hash = key.hashCode();
        return (hash ^ (hash >>> 16)) & mask;
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int size) {
        return (Entry<V>[]) new Entry<?>[size];
    }

    private record Entry<V>(String key, V value) {
    }
}
