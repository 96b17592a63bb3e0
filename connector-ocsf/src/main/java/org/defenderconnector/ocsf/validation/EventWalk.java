package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Walks one event against its class, recursing into objects: unknown and profile-gated attributes,
 * required attributes, JSON types, enums with their caption siblings, deprecations and constraints.
 * One instance per event; not thread-safe.
 */
final class EventWalk {

    private static final String OTHER = "99";
    private static final int ENUM_VALUES_LISTED = 12;

    private final OcsfSchema schema;
    private final ValueCheck valueCheck;
    private final Set<String> declaredProfiles;
    private final Set<String> rootAttributesCheckedElsewhere;
    private final List<Violation> violations;

    /**
     * @param rootAttributesCheckedElsewhere top-level enum attributes whose enum and sibling are checked by
     *                                       {@link ClassificationCheck} (class_uid, category_uid, type_uid)
     */
    EventWalk(OcsfSchema schema, ValueCheck valueCheck, Set<String> declaredProfiles,
              Set<String> rootAttributesCheckedElsewhere, List<Violation> violations) {
        this.schema = schema;
        this.valueCheck = valueCheck;
        this.declaredProfiles = declaredProfiles;
        this.rootAttributesCheckedElsewhere = rootAttributesCheckedElsewhere;
        this.violations = violations;
    }

    void walkEvent(EventClass eventClass, JsonNode event) {
        walkOwner("", eventClass, event);
    }

    private void walkOwner(String path, AttributeOwner owner, JsonNode node) {
        Map<String, Attribute> attributes = owner.attributes();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = child(path, field.getKey());
            Attribute attribute = attributes.get(field.getKey());
            if (attribute == null) {
                add(fieldPath, Rule.ATTRIBUTE_UNKNOWN, "attribute \"" + field.getKey() + "\" is not defined in "
                        + owner.kind() + " " + owner.name());
            } else if (!attribute.isAvailableWith(declaredProfiles)) {
                add(fieldPath, Rule.ATTRIBUTE_PROFILE_NOT_DECLARED, "attribute \"" + field.getKey() + "\" of "
                        + owner.kind() + " " + owner.name() + " comes with profile " + String.join(" or ",
                        attribute.profiles().stream().sorted().toList()) + "; list it in metadata.profiles");
            } else if (!field.getValue().isNull()) {
                checkAttribute(path, fieldPath, attribute, field.getValue(), node);
            }
        }
        for (Attribute attribute : attributes.values()) {
            if (attribute.requirement() == Requirement.REQUIRED && attribute.isAvailableWith(declaredProfiles)
                    && isAbsent(node.get(attribute.name()))) {
                add(child(path, attribute.name()), Rule.ATTRIBUTE_REQUIRED_MISSING, "required attribute \""
                        + attribute.name() + "\" of " + owner.kind() + " " + owner.name() + " is missing");
            }
        }
        checkConstraints(path, owner, node);
    }

    private void checkAttribute(String parentPath, String path, Attribute attribute, JsonNode value, JsonNode parent) {
        if (attribute.isDeprecated() && attribute.requirement() != Requirement.REQUIRED) {
            // A required attribute cannot be avoided (email_uid in deprecated 4011/4012): the class warns instead.
            add(path, Rule.ATTRIBUTE_DEPRECATED, "attribute \"" + attribute.name() + "\" is deprecated since "
                    + attribute.deprecated().since() + ": " + attribute.deprecated().message());
        }
        if (!attribute.isArray()) {
            checkSingle(parentPath, path, attribute, value, parent, -1);
            return;
        }
        if (!value.isArray()) {
            add(path, Rule.ATTRIBUTE_WRONG_TYPE, "expected array of " + elementTypeName(attribute) + ", got "
                    + ValueCheck.describe(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            checkSingle(parentPath, path + "[" + i + "]", attribute, value.get(i), parent, i);
        }
    }

    private void checkSingle(String parentPath, String path, Attribute attribute, JsonNode value, JsonNode parent,
                             int index) {
        if (attribute.isObject()) {
            checkObject(path, attribute, value);
            return;
        }
        Violation typeViolation = valueCheck.check(path, attribute.type(), value);
        if (typeViolation != null) {
            violations.add(typeViolation);
            return;
        }
        if (attribute.isEnum() && !(parentPath.isEmpty() && rootAttributesCheckedElsewhere.contains(attribute.name()))) {
            checkEnum(parentPath, path, attribute, value, parent, index);
        }
    }

    private void checkObject(String path, Attribute attribute, JsonNode value) {
        if (!value.isObject()) {
            add(path, Rule.ATTRIBUTE_WRONG_TYPE, "expected object " + attribute.objectType() + ", got "
                    + ValueCheck.describe(value));
            return;
        }
        ObjectType object = schema.object(attribute.objectType()).orElse(null);
        if (object == null || object.isOpen()) {
            return;
        }
        if (object.isDeprecated() && !attribute.isDeprecated()) {
            add(path, Rule.OBJECT_DEPRECATED, "object " + object.name() + " is deprecated since "
                    + object.deprecated().since() + ": " + object.deprecated().message());
        }
        walkOwner(path, object, value);
    }

    private void checkEnum(String parentPath, String path, Attribute attribute, JsonNode value, JsonNode parent,
                           int index) {
        String key = value.isTextual() ? value.textValue() : value.asText();
        EnumMember member = attribute.enumMembers().get(key);
        if (member == null) {
            add(path, Rule.ENUM_VALUE_UNKNOWN, "value " + ValueCheck.describe(value) + " is not defined for "
                    + attribute.name() + "; defined: " + listed(attribute));
            return;
        }
        if (member.isDeprecated()) {
            add(path, Rule.ENUM_VALUE_DEPRECATED, "value " + key + " (" + member.caption() + ") of "
                    + attribute.name() + " is deprecated since " + member.deprecated().since() + ": "
                    + member.deprecated().message());
        }
        if (attribute.sibling() == null || OTHER.equals(key)) {
            // For 99 Other the sibling carries the source's own wording, so any text is right.
            return;
        }
        JsonNode sibling = parent.get(attribute.sibling());
        String siblingPath = child(parentPath, attribute.sibling());
        if (index >= 0) {
            sibling = sibling != null && sibling.isArray() ? sibling.get(index) : null;
            siblingPath = siblingPath + "[" + index + "]";
        }
        if (sibling != null && sibling.isTextual() && !member.caption().equals(sibling.textValue())) {
            add(siblingPath, Rule.ENUM_SIBLING_MISMATCH, ValueCheck.quoted(sibling.textValue())
                    + " does not match " + attribute.name() + " " + key + ", whose caption is "
                    + ValueCheck.quoted(member.caption()));
        }
    }

    private void checkConstraints(String path, AttributeOwner owner, JsonNode node) {
        Constraints constraints = owner.constraints();
        if (constraints.isEmpty()) {
            return;
        }
        if (!constraints.atLeastOne().isEmpty() && countPresent(node, constraints.atLeastOne()) == 0) {
            add(path, Rule.CONSTRAINT_AT_LEAST_ONE, owner.kind() + " " + owner.name() + " needs at least one of "
                    + String.join(", ", constraints.atLeastOne()));
        }
        if (!constraints.justOne().isEmpty()) {
            int present = countPresent(node, constraints.justOne());
            if (present != 1) {
                add(path, Rule.CONSTRAINT_JUST_ONE, owner.kind() + " " + owner.name() + " needs exactly one of "
                        + String.join(", ", constraints.justOne()) + ", found " + present);
            }
        }
    }

    /** Counts names present with a non-null value; a name may be a dotted path into nested objects. */
    private static int countPresent(JsonNode node, List<String> names) {
        int present = 0;
        for (String name : names) {
            JsonNode current = node;
            for (String segment : name.split("\\.")) {
                current = current == null || !current.isObject() ? null : current.get(segment);
            }
            if (!isAbsent(current)) {
                present++;
            }
        }
        return present;
    }

    private static String listed(Attribute attribute) {
        String values = attribute.enumMembers().values().stream().limit(ENUM_VALUES_LISTED)
                .map(m -> m.key() + " " + m.caption()).collect(Collectors.joining(", "));
        return attribute.enumMembers().size() > ENUM_VALUES_LISTED ? values + ", ..." : values;
    }

    private static String elementTypeName(Attribute attribute) {
        return attribute.isObject() ? attribute.objectType() : attribute.type();
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    static String child(String parentPath, String name) {
        return parentPath.isEmpty() ? name : parentPath + "." + name;
    }

    private void add(String path, Rule rule, String message) {
        violations.add(new Violation(path, rule, message));
    }
}
