package org.defenderconnector.ocsf.validation;

import java.util.regex.Pattern;

/**
 * A type from the schema's dictionary ({@code string_t}, {@code ip_t}, {@code port_t}, ...).
 *
 * @param name      type name, e.g. {@code ip_t}
 * @param caption   human caption, e.g. "IP Address"
 * @param baseType  the primitive it refines ({@code string_t} for {@code ip_t}), null for primitives
 * @param regex     whole-value pattern from the schema, or null
 * @param maxLength maximum length in characters, or null
 * @param range     inclusive numeric range, or null
 */
public record DataType(String name, String caption, String baseType, Pattern regex, Integer maxLength,
                       NumberRange range) {

    public static final String STRING = "string_t";
    public static final String INTEGER = "integer_t";
    public static final String LONG = "long_t";
    public static final String FLOAT = "float_t";
    public static final String BOOLEAN = "boolean_t";
    public static final String JSON = "json_t";
    public static final String TIMESTAMP = "timestamp_t";
    public static final String DATETIME = "datetime_t";
    public static final String IP = "ip_t";

    /** The primitive this type is checked as: its base type, or itself when it is a primitive. */
    public String primitive() {
        return baseType != null ? baseType : name;
    }
}
