package org.defenderconnector.ocsf.validation;

/** How strongly the schema asks for an attribute. Only {@link #REQUIRED} is enforced by the validator. */
public enum Requirement {
    REQUIRED,
    RECOMMENDED,
    OPTIONAL;

    static Requirement fromSchema(String value) {
        if (value == null) {
            return OPTIONAL;
        }
        return switch (value) {
            case "required" -> REQUIRED;
            case "recommended" -> RECOMMENDED;
            default -> OPTIONAL;
        };
    }
}
