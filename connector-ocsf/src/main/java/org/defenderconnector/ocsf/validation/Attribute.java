package org.defenderconnector.ocsf.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An attribute of a class or object as the compiled schema resolves it for that owner.
 *
 * @param name        attribute name, e.g. {@code severity_id}
 * @param type        dictionary type name, or {@code object_t} for objects
 * @param requirement required / recommended / optional for this owner
 * @param objectType  object name when {@code type} is {@code object_t}, else null
 * @param isArray     true when the value is a JSON array of {@code type}
 * @param enumMembers defined values keyed by their string form, numeric keys in numeric order; empty when
 *                    not an enum
 * @param sibling     the caption attribute of an enum ({@code severity} for {@code severity_id}), or null
 * @param profiles    profiles that contribute this attribute; empty = always part of the owner
 * @param deprecated  non-null when the attribute is deprecated
 */
public record Attribute(String name, String type, Requirement requirement, String objectType, boolean isArray,
                        Map<String, EnumMember> enumMembers, String sibling, Set<String> profiles,
                        Deprecation deprecated) {

    public static final String OBJECT_TYPE = "object_t";

    public Attribute {
        enumMembers = Collections.unmodifiableMap(new LinkedHashMap<>(enumMembers));
        profiles = Set.copyOf(profiles);
    }

    public boolean isObject() {
        return OBJECT_TYPE.equals(type);
    }

    public boolean isEnum() {
        return !enumMembers.isEmpty();
    }

    public boolean isDeprecated() {
        return deprecated != null;
    }

    /**
     * Whether the attribute belongs to the owner for an event declaring these profiles: attributes
     * without profiles always do, profile attributes only when one of their profiles is declared.
     */
    public boolean isAvailableWith(Set<String> declaredProfiles) {
        if (profiles.isEmpty()) {
            return true;
        }
        for (String profile : profiles) {
            if (declaredProfiles.contains(profile)) {
                return true;
            }
        }
        return false;
    }
}
