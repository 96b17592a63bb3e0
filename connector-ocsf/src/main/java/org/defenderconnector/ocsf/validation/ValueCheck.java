package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks one scalar JSON value against a dictionary type: the JSON kind of the type's primitive, then the
 * type's own (or its base type's) max length, regex and range, then a few checks the schema's regexes
 * cannot express but consumers rely on (epoch milliseconds, strict IPv4 octets, RFC 3339 offsets).
 */
final class ValueCheck {

    /** 1973-03-03T09:46:40Z in milliseconds; smaller values are almost always epoch seconds. */
    static final long MIN_PLAUSIBLE_MILLIS = 100_000_000_000L;
    /** 9999-12-31T23:59:59.999Z; larger values are microseconds or nanoseconds. */
    static final long MAX_PLAUSIBLE_MILLIS = 253_402_300_799_999L;

    private static final NumberRange INTEGER_T_RANGE = new NumberRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
    /** RFC 3339 requires an offset; the schema's datetime_t regex leaves it optional. */
    private static final Pattern ENDS_WITH_OFFSET = Pattern.compile(".*([Zz]|[+-]\\d{2}:\\d{2})$");

    private final OcsfSchema schema;

    ValueCheck(OcsfSchema schema) {
        this.schema = schema;
    }

    /** Null when the value fits the type, else the violation at {@code path}. */
    Violation check(String path, String typeName, JsonNode value) {
        DataType type = schema.type(typeName).orElse(null);
        if (type == null) {
            // Cannot happen with a published compiled schema (the compiler resolves every type).
            return new Violation(path, Rule.ATTRIBUTE_WRONG_TYPE, "schema defines no type " + typeName);
        }
        DataType base = type.baseType() == null ? null : schema.type(type.baseType()).orElse(null);
        return switch (type.primitive()) {
            case DataType.JSON -> null;
            case DataType.STRING -> checkString(path, type, base, value);
            case DataType.INTEGER -> checkInteger(path, type, base, value);
            case DataType.LONG -> checkLong(path, type, base, value);
            case DataType.FLOAT -> value.isNumber() ? null : wrongType(path, type, value);
            case DataType.BOOLEAN -> value.isBoolean() ? null : wrongType(path, type, value);
            default -> new Violation(path, Rule.ATTRIBUTE_WRONG_TYPE,
                    "schema type " + typeName + " has unsupported primitive " + type.primitive());
        };
    }

    private Violation checkString(String path, DataType type, DataType base, JsonNode value) {
        if (!value.isTextual()) {
            return wrongType(path, type, value);
        }
        String text = value.textValue();
        Integer maxLength = type.maxLength() != null ? type.maxLength() : base == null ? null : base.maxLength();
        if (maxLength != null && text.codePointCount(0, text.length()) > maxLength) {
            return new Violation(path, Rule.VALUE_TOO_LONG, "value of " + text.length() + " characters exceeds "
                    + type.name() + " max length " + maxLength);
        }
        Pattern regex = type.regex() != null ? type.regex() : base == null ? null : base.regex();
        if (regex != null && !regex.matcher(text).matches()) {
            return malformed(path, type, text, "does not match the schema's pattern");
        }
        if (DataType.IP.equals(type.name()) && !hasStrictIpv4Octets(text)) {
            // The schema's ip_t regex uses an unescaped '.', so "10a0b0c1" would pass it.
            return malformed(path, type, text, "is not a dotted-quad IPv4 address");
        }
        if (DataType.DATETIME.equals(type.name())) {
            return checkDatetime(path, type, text);
        }
        return null;
    }

    private static Violation checkDatetime(String path, DataType type, String text) {
        if (!ENDS_WITH_OFFSET.matcher(text).matches()) {
            return malformed(path, type, text, "has no UTC offset ('Z' or +hh:mm) as RFC 3339 requires");
        }
        try {
            OffsetDateTime.parse(text.toUpperCase(Locale.ROOT));
            return null;
        } catch (DateTimeParseException e) {
            return malformed(path, type, text, "is not a valid calendar date-time");
        }
    }

    /** IPv6 (contains ':') is left to the schema regex; IPv4 must be four decimal octets separated by dots. */
    private static boolean hasStrictIpv4Octets(String text) {
        String address = text.strip();
        if (address.indexOf(':') >= 0) {
            return true;
        }
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static Violation checkInteger(String path, DataType type, DataType base, JsonNode value) {
        if (!value.isIntegralNumber()) {
            return wrongType(path, type, value);
        }
        // integer_t is 32-bit here (the OCSF server allows 64-bit): typed stores such as Security Lake's
        // Parquet tables map integer_t to int32 and would reject or wrap larger values.
        if (!value.canConvertToInt()) {
            return new Violation(path, Rule.VALUE_OUT_OF_RANGE, "value " + value.asText() + " is outside "
                    + type.name() + " 32-bit range " + INTEGER_T_RANGE + "; use a long_t attribute or clamp");
        }
        return checkRange(path, type, base, value.longValue());
    }

    private static Violation checkLong(String path, DataType type, DataType base, JsonNode value) {
        if (!value.isIntegralNumber()) {
            return wrongType(path, type, value);
        }
        if (!value.canConvertToLong()) {
            return new Violation(path, Rule.VALUE_OUT_OF_RANGE, "value " + value.asText() + " is outside "
                    + type.name() + " 64-bit range");
        }
        long number = value.longValue();
        Violation outOfRange = checkRange(path, type, base, number);
        if (outOfRange != null) {
            return outOfRange;
        }
        if (DataType.TIMESTAMP.equals(type.name())
                && (number < MIN_PLAUSIBLE_MILLIS || number > MAX_PLAUSIBLE_MILLIS)) {
            String hint = number < MIN_PLAUSIBLE_MILLIS ? "looks like epoch seconds" : "looks like micro- or nanoseconds";
            return new Violation(path, Rule.TIMESTAMP_NOT_MILLISECONDS, "value " + number + " " + hint
                    + "; timestamp_t is epoch milliseconds between " + MIN_PLAUSIBLE_MILLIS + " and "
                    + MAX_PLAUSIBLE_MILLIS);
        }
        return null;
    }

    private static Violation checkRange(String path, DataType type, DataType base, long number) {
        NumberRange range = type.range() != null ? type.range() : base == null ? null : base.range();
        if (range != null && !range.contains(number)) {
            return new Violation(path, Rule.VALUE_OUT_OF_RANGE, "value " + number + " is outside " + type.name()
                    + " range " + range);
        }
        return null;
    }

    private static Violation malformed(String path, DataType type, String text, String why) {
        return new Violation(path, Rule.VALUE_MALFORMED, "value " + quoted(text) + " " + why + " for "
                + type.name() + " (" + type.caption() + ")");
    }

    static Violation wrongType(String path, DataType type, JsonNode value) {
        String expected = type.baseType() == null ? type.name() : type.name() + " (" + type.baseType() + ")";
        if (DataType.TIMESTAMP.equals(type.name())) {
            expected = "timestamp_t (integer epoch milliseconds)";
        }
        return new Violation(path, Rule.ATTRIBUTE_WRONG_TYPE, "expected " + expected + ", got " + describe(value));
    }

    /** The JSON kind of a value, with the value itself for scalars (shortened). */
    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isTextual()) {
            return "string " + quoted(value.textValue());
        }
        if (value.isBoolean()) {
            return "boolean " + value.asText();
        }
        if (value.isIntegralNumber()) {
            return "integer " + value.asText();
        }
        if (value.isNumber()) {
            return "float " + value.asText();
        }
        return value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    static String quoted(String text) {
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return '"' + shown + '"';
    }
}
