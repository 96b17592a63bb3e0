package org.defenderconnector.ocsf.validation;

import java.util.Map;
import java.util.Set;

/**
 * A concrete event class with every inherited and profile attribute resolved.
 *
 * @param uid             full class_uid (1007; 201001 for the Windows extension's Registry Key Activity)
 * @param name            schema name, unscoped even for extension classes ({@code registry_key_activity})
 * @param caption         what {@code class_name} should hold, e.g. "Process Activity"
 * @param categoryUid     the category this class belongs to
 * @param categoryCaption what {@code category_name} should hold, e.g. "System Activity"
 * @param extension       extension name ("win") for extension classes, else null
 * @param deprecated      non-null when the class is deprecated
 * @param profiles        profiles the schema lets this class use
 */
public record EventClass(int uid, String name, String caption, int categoryUid, String categoryCaption,
                         String extension, Deprecation deprecated, Map<String, Attribute> attributes,
                         Constraints constraints, Set<String> profiles) implements AttributeOwner {

    public EventClass {
        attributes = AttributeOwner.sortedByName(attributes);
        profiles = Set.copyOf(profiles);
    }

    public boolean isDeprecated() {
        return deprecated != null;
    }

    @Override
    public String kind() {
        return "class";
    }
}
