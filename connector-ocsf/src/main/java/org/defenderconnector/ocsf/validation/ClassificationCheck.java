package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * Cross-attribute checks of an event's classification: {@code category_uid} against the class,
 * {@code type_uid = class_uid * 100 + activity_id}, the names {@code class_name}, {@code category_name}
 * and {@code type_name} against their captions, and {@code metadata.version} against the schema.
 * The JSON types of these attributes are checked by {@link EventWalk}; here only well-typed values count.
 */
final class ClassificationCheck {

    /** Top-level enums this check owns, so that {@link EventWalk} does not report them twice. */
    static final Set<String> OWNED_ENUMS = Set.of("class_uid", "category_uid", "type_uid");

    private final OcsfSchema schema;

    ClassificationCheck(OcsfSchema schema) {
        this.schema = schema;
    }

    void check(EventClass eventClass, JsonNode event, List<Violation> violations) {
        checkCategory(eventClass, event, violations);
        checkName(event, "class_name", eventClass.caption(), "class_uid " + eventClass.uid(), violations);
        checkTypeUid(eventClass, event, violations);
        checkVersion(event, violations);
    }

    private static void checkCategory(EventClass eventClass, JsonNode event, List<Violation> violations) {
        JsonNode categoryUid = event.get("category_uid");
        if (categoryUid == null || !categoryUid.isIntegralNumber()) {
            return;
        }
        if (categoryUid.longValue() != eventClass.categoryUid()) {
            violations.add(new Violation("category_uid", Rule.CATEGORY_UID_MISMATCH, "category_uid "
                    + categoryUid.asText() + " does not match class " + eventClass.name() + ", which belongs to "
                    + eventClass.categoryUid() + " (" + eventClass.categoryCaption() + ")"));
            return;
        }
        checkName(event, "category_name", eventClass.categoryCaption(), "category_uid " + eventClass.categoryUid(),
                violations);
    }

    private static void checkTypeUid(EventClass eventClass, JsonNode event, List<Violation> violations) {
        JsonNode activityId = event.get("activity_id");
        JsonNode typeUid = event.get("type_uid");
        if (activityId == null || typeUid == null || !activityId.isIntegralNumber() || !typeUid.isIntegralNumber()) {
            return;
        }
        long expected = eventClass.uid() * 100L + activityId.longValue();
        if (typeUid.longValue() != expected) {
            violations.add(new Violation("type_uid", Rule.TYPE_UID_MISMATCH, "type_uid " + typeUid.asText()
                    + " should be " + expected + " (class_uid " + eventClass.uid() + " * 100 + activity_id "
                    + activityId.asText() + ")"));
            return;
        }
        Attribute typeAttribute = eventClass.attributes().get("type_uid");
        EnumMember member = typeAttribute == null ? null : typeAttribute.enumMembers().get(Long.toString(expected));
        if (member != null) {
            // Even for activity 99 the type caption is fixed ("Process Activity: Other"): the source's own
            // wording belongs in activity_name, not type_name.
            checkName(event, "type_name", member.caption(), "type_uid " + expected, violations);
        }
    }

    private void checkVersion(JsonNode event, List<Violation> violations) {
        JsonNode version = event.path("metadata").get("version");
        if (version != null && version.isTextual() && !schema.version().equals(version.textValue())) {
            violations.add(new Violation("metadata.version", Rule.VERSION_MISMATCH, "metadata.version "
                    + ValueCheck.quoted(version.textValue()) + " must be " + ValueCheck.quoted(schema.version())
                    + ", the schema these events are built and validated against"));
        }
    }

    private static void checkName(JsonNode event, String nameAttribute, String caption, String owner,
                                  List<Violation> violations) {
        JsonNode name = event.get(nameAttribute);
        if (name != null && name.isTextual() && !caption.equals(name.textValue())) {
            violations.add(new Violation(nameAttribute, Rule.ENUM_SIBLING_MISMATCH, ValueCheck.quoted(
                    name.textValue()) + " does not match " + owner + ", whose caption is " + ValueCheck.quoted(caption)));
        }
    }
}
