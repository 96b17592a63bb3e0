package org.defenderconnector.emulator.hunting;

/** Advanced hunting column types, and the type names results report in their schema. */
public enum ColumnType {
    DATETIME("DateTime"),
    STRING("String"),
    LONG("Int64"),
    INT("Int32"),
    BOOL("Boolean"),
    REAL("Double"),
    DYNAMIC("Object");

    private final String schemaName;

    ColumnType(String schemaName) {
        this.schemaName = schemaName;
    }

    /** As in a result's schema ({@code {"name": "Timestamp", "type": "DateTime"}}). */
    public String schemaName() {
        return schemaName;
    }

    /** From the docs' type names ({@code datetime}, {@code string}, {@code long}, {@code bool}/{@code boolean} ...). */
    static ColumnType of(String docType) {
        return switch (docType) {
            case "datetime" -> DATETIME;
            case "string" -> STRING;
            case "long" -> LONG;
            case "int" -> INT;
            case "bool", "boolean" -> BOOL;
            case "real", "double" -> REAL;
            case "dynamic" -> DYNAMIC;
            default -> throw new IllegalArgumentException("unknown column type " + docType);
        };
    }

    boolean numeric() {
        return this == LONG || this == INT || this == REAL;
    }
}
