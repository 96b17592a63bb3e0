package org.defenderconnector.emulator.hunting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An advanced hunting table: its name and columns, in the docs' order. */
public record HuntingTable(String name, List<Column> columns) {

    public record Column(String name, ColumnType type) {
    }

    /** Parses {@code "Name:type Name:type ..."} (types as the docs print them). */
    static HuntingTable of(String name, String columns) {
        List<Column> list = new ArrayList<>();
        for (String spec : columns.trim().split("\\s+")) {
            int colon = spec.indexOf(':');
            list.add(new Column(spec.substring(0, colon), ColumnType.of(spec.substring(colon + 1))));
        }
        return new HuntingTable(name, List.copyOf(list));
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Column> column(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(columns.get(index));
    }
}
