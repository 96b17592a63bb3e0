package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code observables[].name} must name an attribute path of the event's class, such as
 * {@code device.hostname} or {@code evidences.file.name} (array indexes, if written, are ignored).
 */
final class ObservableCheck {

    private static final Pattern ARRAY_INDEX = Pattern.compile("\\[\\d*]");

    private final OcsfSchema schema;

    ObservableCheck(OcsfSchema schema) {
        this.schema = schema;
    }

    void check(EventClass eventClass, JsonNode event, Set<String> declaredProfiles, List<Violation> violations) {
        JsonNode observables = event.get("observables");
        if (observables == null || !observables.isArray()) {
            return;
        }
        for (int i = 0; i < observables.size(); i++) {
            JsonNode name = observables.get(i).get("name");
            if (name != null && name.isTextual() && !resolves(eventClass, name.textValue(), declaredProfiles)) {
                violations.add(new Violation("observables[" + i + "].name", Rule.OBSERVABLE_NAME_UNRESOLVED,
                        ValueCheck.quoted(name.textValue()) + " is not an attribute path of class "
                                + eventClass.name()));
            }
        }
    }

    private boolean resolves(EventClass eventClass, String name, Set<String> declaredProfiles) {
        AttributeOwner owner = eventClass;
        String[] segments = ARRAY_INDEX.matcher(name).replaceAll("").split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            Attribute attribute = owner.attributes().get(segments[i]);
            if (attribute == null || !attribute.isAvailableWith(declaredProfiles)) {
                return false;
            }
            if (i == segments.length - 1) {
                return true;
            }
            if (!attribute.isObject()) {
                return false;
            }
            ObjectType object = schema.object(attribute.objectType()).orElse(null);
            if (object == null) {
                return false;
            }
            if (object.isOpen()) {
                return true;
            }
            owner = object;
        }
        return false;
    }
}
