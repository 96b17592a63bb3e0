package org.defenderconnector.ocsf;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field names of a record, in order, with the name lookups {@link RecordFields} needs. Every row of
 * a hunting table has the same names in the same order, so the lookups are worked out once per layout
 * and kept: position by exact name, and the case-insensitive match (Microsoft's samples disagree on
 * casing) remembered per asked name, misses included. Without this, every optional column a row lacks
 * cost a scan of all its field names, on every row. Kept layouts and remembered names are bounded;
 * past the bounds lookups are worked out each time, with the same results.
 */
final class FieldLayout {
    static final int ABSENT = -1;
    private static final int MAX_LAYOUTS = 1024;
    private static final int MAX_REMEMBERED_NAMES = 1024;
    private static final Map<Names, FieldLayout> LAYOUTS = new ConcurrentHashMap<>();
    /** The layout found last: consecutive records usually share it, and comparing names is cheaper than hashing them. */
    private static volatile FieldLayout recent;

    private final String[] names;
    /**
     * The names as Jackson matches them against a record's text ({@code JsonParser.nextFieldName}), which
     * compares the expected name's bytes in place instead of decoding the name and looking it up in the
     * parser's symbol table: that lookup was half of reading a hunting row, whose column names are long.
     */
    private final SerializableString[] expectedNames;
    private final boolean repeatedNames;
    /**
     * Position by asked name: the exact names first, then each other name asked for, with its
     * case-insensitive match or ABSENT, so that any lookup is a single map read (mappers ask for many
     * optional columns a row does not have).
     */
    private final Map<String, Integer> positions;
    private final int exactCount;
    /**
     * The record's own names by reference: Jackson interns field names and mappers ask with string
     * constants, so nearly every lookup of a present column is found here (a row asks 60-70 times).
     */
    private final ReferenceTable<Integer> byReference;

    private FieldLayout(String[] names) {
        this.names = names;
        this.positions = new ConcurrentHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            positions.put(names[i], i);
        }
        this.exactCount = positions.size();
        this.byReference = ReferenceTable.of(positions);
        this.repeatedNames = exactCount < names.length;
        this.expectedNames = new SerializableString[names.length];
        for (int i = 0; i < names.length; i++) {
            SerializedString expected = new SerializedString(names[i]);
            // Worked out here once rather than by the first parser that compares them.
            expected.asQuotedUTF8();
            expected.asQuotedChars();
            expectedNames[i] = expected;
        }
    }

    /** The layout of a record with these field names, in the record's order. */
    static FieldLayout of(String[] names) {
        FieldLayout last = recent;
        if (last != null && Arrays.equals(last.names, names)) {
            return last;
        }
        Names key = new Names(names, Arrays.hashCode(names));
        FieldLayout layout = LAYOUTS.get(key);
        if (layout == null) {
            layout = new FieldLayout(names);
            if (LAYOUTS.size() < MAX_LAYOUTS) {
                FieldLayout raced = LAYOUTS.putIfAbsent(key, layout);
                layout = raced == null ? layout : raced;
            }
        }
        recent = layout;
        return layout;
    }

    /** The position of the field named exactly {@code name}, else of the first one named so ignoring case; ABSENT if none. */
    int position(String name) {
        Integer known = byReference.get(name);
        if (known != null) {
            return known;
        }
        known = positions.get(name);
        if (known != null) {
            return known;
        }
        int found = scan(name);
        if (positions.size() - exactCount < MAX_REMEMBERED_NAMES) {
            positions.put(name, found);
        }
        return found;
    }

    /** True when a name occurs more than once (JSON allows it; a tree parse keeps the last value). */
    boolean hasRepeatedNames() {
        return repeatedNames;
    }

    String name(int position) {
        return names[position];
    }

    /** The first {@code count} names, in order. */
    String[] names(int count) {
        return Arrays.copyOf(names, count);
    }

    int size() {
        return names.length;
    }

    /** The name at {@code position} in the form {@code JsonParser.nextFieldName} compares. */
    SerializableString expectedName(int position) {
        return expectedNames[position];
    }

    private int scan(String name) {
        int length = name.length();
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() == length && names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return ABSENT;
    }

    /** A layout's identity: the names in order (records parsed by Jackson share the name instances). */
    private record Names(String[] names, int hash) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Names that && hash == that.hash && Arrays.equals(names, that.names);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return Arrays.toString(names);
        }
    }
}
