package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The attributes of a small OCSF object (an observable: name, type_id, type, value; a fingerprint) in two short arrays,
 * in insertion order, as the map behind a Jackson {@code ObjectNode}. A {@code LinkedHashMap} costs a
 * table and an entry object per attribute; an event carries dozens of observables, and building their
 * maps was most of what deriving them cost. Lookups compare keys by identity first (attribute names are
 * constants), then by equality; it is a complete, mutable {@link Map}, so the node behaves as any other.
 */
final class SmallAttributes extends AbstractMap<String, JsonNode> {
    private String[] keys;
    private JsonNode[] values;
    private int size;

    /** Three attributes (a fingerprint's), in this order. */
    SmallAttributes(String name1, JsonNode value1, String name2, JsonNode value2, String name3, JsonNode value3) {
        keys = new String[]{name1, name2, name3, null};
        values = new JsonNode[]{value1, value2, value3, null};
        size = 3;
    }

    /** An observable's four attributes, in this order. */
    SmallAttributes(String name1, JsonNode value1, String name2, JsonNode value2, String name3, JsonNode value3,
                    String name4, JsonNode value4) {
        keys = new String[]{name1, name2, name3, name4};
        values = new JsonNode[]{value1, value2, value3, value4};
        size = 4;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        int index = indexOf(key);
        if (index >= 0) {
            JsonNode previous = values[index];
            values[index] = value;
            return previous;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(4, size * 2));
            values = Arrays.copyOf(values, Math.max(4, size * 2));
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public JsonNode get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public JsonNode remove(Object key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        JsonNode previous = values[index];
        removeAt(index);
        return previous;
    }

    private void removeAt(int index) {
        int moved = size - index - 1;
        System.arraycopy(keys, index + 1, keys, index, moved);
        System.arraycopy(values, index + 1, values, index, moved);
        size--;
        keys[size] = null;
        values[size] = null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, JsonNode> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new Attribute(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** An attribute as a map entry; setValue writes through, as a map's entries do. */
    private final class Attribute extends SimpleEntry<String, JsonNode> {
        private final int index;

        Attribute(int index) {
            super(keys[index], values[index]);
            this.index = index;
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            values[index] = value;
            return super.setValue(value);
        }
    }
}
