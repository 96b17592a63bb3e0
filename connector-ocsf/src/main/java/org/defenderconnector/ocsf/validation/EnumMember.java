package org.defenderconnector.ocsf.validation;

/**
 * One defined value of an enum attribute.
 *
 * @param key        the value as the schema spells it (always a string, e.g. "99" or "GET")
 * @param caption    the caption the enum's sibling attribute should carry, e.g. "Other"
 * @param deprecated non-null when this value is deprecated
 */
public record EnumMember(String key, String caption, Deprecation deprecated) {

    public boolean isDeprecated() {
        return deprecated != null;
    }
}
