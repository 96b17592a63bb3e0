package org.defenderconnector.ocsf.validation;

/**
 * The checks the validator makes. Codes follow the OCSF server's validator where one exists, so a
 * violation can be compared with what schema.ocsf.io would say.
 */
public enum Rule {
    /** A NDJSON line is not JSON at all. */
    JSON_INVALID("json_invalid"),
    /** The event is JSON but not a JSON object. */
    EVENT_NOT_OBJECT("event_not_object"),
    /** {@code class_uid} names no class of the schema. */
    CLASS_UNKNOWN("class_uid_unknown"),
    /** The class is marked {@code @deprecated} (e.g. Email File Activity 4011, use Email Activity 4009). */
    CLASS_DEPRECATED("class_deprecated"),
    /** {@code category_uid} is not the class's category. */
    CATEGORY_UID_MISMATCH("category_uid_incorrect"),
    /** {@code type_uid} is not {@code class_uid * 100 + activity_id}. */
    TYPE_UID_MISMATCH("type_uid_incorrect"),
    /** {@code metadata.version} is not the schema's version. */
    VERSION_MISMATCH("version_incorrect"),
    /** {@code metadata.profiles} names a profile the schema does not define. */
    PROFILE_UNKNOWN("profile_unknown"),
    /** A required attribute is absent or null. */
    ATTRIBUTE_REQUIRED_MISSING("attribute_required_missing"),
    /** An attribute the class or object does not define under any profile. */
    ATTRIBUTE_UNKNOWN("attribute_unknown"),
    /** An attribute that only a profile contributes, and the event does not declare that profile. */
    ATTRIBUTE_PROFILE_NOT_DECLARED("attribute_profile_not_declared"),
    /** The JSON type does not fit the attribute's type (string for integer, scalar for array, ...). */
    ATTRIBUTE_WRONG_TYPE("attribute_wrong_type"),
    /** An optional or recommended attribute marked {@code @deprecated} is used. */
    ATTRIBUTE_DEPRECATED("attribute_deprecated"),
    /** A value is an object marked {@code @deprecated}. */
    OBJECT_DEPRECATED("object_deprecated"),
    /** A string does not have the type's format (schema regex, IPv4 octets, RFC 3339 offset). */
    VALUE_MALFORMED("attribute_value_malformed"),
    /** A string is longer than the type's {@code max_len}. */
    VALUE_TOO_LONG("attribute_value_exceeds_max_len"),
    /** A number is outside the type's range (port_t 0..65535, integer_t 32-bit). */
    VALUE_OUT_OF_RANGE("attribute_value_exceeds_range"),
    /** A timestamp_t integer that cannot be epoch milliseconds (seconds or microseconds, most likely). */
    TIMESTAMP_NOT_MILLISECONDS("timestamp_not_milliseconds"),
    /** An enum attribute holds a value the enum does not define. */
    ENUM_VALUE_UNKNOWN("attribute_enum_value_unknown"),
    /** An enum attribute holds a value marked {@code @deprecated}. */
    ENUM_VALUE_DEPRECATED("attribute_enum_value_deprecated"),
    /** An enum's caption sibling (severity, activity_name, class_name, ...) differs from the enum caption. */
    ENUM_SIBLING_MISMATCH("attribute_enum_sibling_incorrect"),
    /** None of an {@code at_least_one} constraint's attributes is present. */
    CONSTRAINT_AT_LEAST_ONE("constraint_at_least_one_failed"),
    /** Not exactly one of a {@code just_one} constraint's attributes is present. */
    CONSTRAINT_JUST_ONE("constraint_just_one_failed"),
    /** {@code observables[].name} does not name an attribute path of the class. */
    OBSERVABLE_NAME_UNRESOLVED("observable_name_invalid_reference");

    private final String code;

    Rule(String code) {
        this.code = code;
    }

    /** Stable snake_case identifier, for logs and machine-readable output. */
    public String code() {
        return code;
    }
}
