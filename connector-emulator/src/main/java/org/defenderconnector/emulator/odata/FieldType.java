package org.defenderconnector.emulator.odata;

/** How a filterable property compares. */
public enum FieldType {
    /** Free text: eq, ne, startswith(); compared case-insensitively. */
    STRING,
    /** An enumeration shown as text: eq, ne; compared case-insensitively (Graph's docs mix PascalCase and camelCase). */
    ENUM,
    /** DateTimeOffset: every comparison, against an unquoted datetime literal. */
    DATETIME,
    /** A number: every comparison. */
    NUMBER,
    /** true / false: eq, ne. */
    BOOLEAN,
    /** A collection of strings: only {@code field/any(x: x eq '...')}. */
    STRING_LIST,
    /** A collection of numbers: only {@code field/any(x: x eq 1)}. */
    NUMBER_LIST
}
