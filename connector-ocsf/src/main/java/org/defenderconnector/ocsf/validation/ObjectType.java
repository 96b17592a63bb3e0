package org.defenderconnector.ocsf.validation;

import java.util.Map;

/**
 * An object definition ({@code device}, {@code process}, ...) with inherited and profile attributes resolved.
 *
 * @param extension  extension name ("win" for {@code reg_key}), else null
 * @param deprecated non-null when the object is deprecated
 */
public record ObjectType(String name, String caption, String extension, Deprecation deprecated,
                         Map<String, Attribute> attributes, Constraints constraints) implements AttributeOwner {

    public ObjectType {
        attributes = AttributeOwner.sortedByName(attributes);
    }

    /**
     * An object without declared attributes (the schema's {@code object}, used by {@code unmapped} and
     * {@code xattributes}) accepts any content.
     */
    public boolean isOpen() {
        return attributes.isEmpty();
    }

    public boolean isDeprecated() {
        return deprecated != null;
    }

    @Override
    public String kind() {
        return "object";
    }
}
