package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A test-side check of events against the compiled OCSF 1.8.0 schema (shared/ocsf/compiled), used
 * while the team's validator (package ocsf.validation) is not on main yet. It checks what our mappers
 * can get wrong: unknown attributes, profile-gated attributes without the profile, required
 * attributes, types (including ip/mac/email patterns and port ranges), enum ids and their captions,
 * at_least_one/just_one constraints, deprecated classes and objects, and the class/type arithmetic.
 */
final class SchemaConformance {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static SchemaConformance instance;

    private final JsonNode schema;

    private SchemaConformance(JsonNode schema) {
        this.schema = schema;
    }

    static synchronized SchemaConformance load() {
        if (instance == null) {
            Path file = Path.of(System.getProperty("defender.shared.dir"), "ocsf", "compiled", "ocsf-schema-1.8.0.json");
            try {
                instance = new SchemaConformance(JSON.readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    JsonNode schema() {
        return schema;
    }

    /** The class definition with this uid. */
    JsonNode classByUid(int uid) {
        for (JsonNode definition : schema.get("classes")) {
            if (definition.path("uid").asInt(-1) == uid) {
                return definition;
            }
        }
        return null;
    }

    List<String> violations(JsonNode event) {
        List<String> violations = new ArrayList<>();
        JsonNode definition = classByUid(event.path("class_uid").asInt(-1));
        if (definition == null) {
            violations.add("unknown class_uid " + event.path("class_uid"));
            return violations;
        }
        if (definition.has("@deprecated")) {
            violations.add("class " + definition.path("name").asText() + " is deprecated");
        }
        Set<String> profiles = new HashSet<>();
        event.path("metadata").path("profiles").forEach(p -> profiles.add(p.asText()));
        checkObject(event, definition, "", profiles, violations);
        long typeUid = event.path("class_uid").asLong() * 100 + event.path("activity_id").asLong();
        if (event.path("type_uid").asLong() != typeUid) {
            violations.add("type_uid " + event.path("type_uid") + " is not class_uid*100+activity_id=" + typeUid);
        }
        if (!event.path("class_name").asText().equals(definition.path("caption").asText())) {
            violations.add("class_name " + event.path("class_name") + " is not the caption " + definition.path("caption"));
        }
        if (event.path("category_uid").asInt() != definition.path("category_uid").asInt()) {
            violations.add("category_uid does not match the class");
        }
        if (!"1.8.0".equals(event.path("metadata").path("version").asText())) {
            violations.add("metadata.version is not 1.8.0");
        }
        return violations;
    }

    private void checkObject(JsonNode node, JsonNode definition, String path, Set<String> profiles, List<String> out) {
        JsonNode attributes = definition.path("attributes");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String at = path + name;
            JsonNode attribute = attributes.get(name);
            if (attribute == null) {
                out.add("unknown attribute " + at);
                continue;
            }
            if (!profileAllows(attribute, profiles)) {
                out.add(at + " needs profile " + attribute.get("profiles") + " in metadata.profiles");
            }
            if (attribute.has("@deprecated")) {
                out.add(at + " is deprecated");
            }
            checkValue(field.getValue(), attribute, at, profiles, out);
            checkSibling(node, name, attribute, at, out);
        }
        Iterator<Map.Entry<String, JsonNode>> definitions = attributes.fields();
        while (definitions.hasNext()) {
            Map.Entry<String, JsonNode> entry = definitions.next();
            JsonNode attribute = entry.getValue();
            if ("required".equals(attribute.path("requirement").asText()) && profileAllows(attribute, profiles)
                    && (!node.has(entry.getKey()) || node.get(entry.getKey()).isNull())) {
                out.add("missing required " + path + entry.getKey());
            }
        }
        JsonNode constraints = definition.path("constraints");
        JsonNode atLeastOne = constraints.path("at_least_one");
        if (atLeastOne.isArray() && !atLeastOne.isEmpty() && count(node, atLeastOne) == 0) {
            out.add((path.isEmpty() ? "event" : path) + " needs at least one of " + atLeastOne);
        }
        JsonNode justOne = constraints.path("just_one");
        if (justOne.isArray() && !justOne.isEmpty() && count(node, justOne) != 1) {
            out.add((path.isEmpty() ? "event" : path) + " needs exactly one of " + justOne);
        }
    }

    private static int count(JsonNode node, JsonNode group) {
        int present = 0;
        for (JsonNode attribute : group) {
            JsonNode value = node.get(attribute.asText());
            if (value != null && !value.isNull()) {
                present++;
            }
        }
        return present;
    }

    private static boolean profileAllows(JsonNode attribute, Set<String> profiles) {
        JsonNode required = attribute.get("profiles");
        if (required == null || required.isNull() || required.isEmpty()) {
            return true;
        }
        for (JsonNode profile : required) {
            if (profiles.contains(profile.asText())) {
                return true;
            }
        }
        return false;
    }

    private void checkValue(JsonNode value, JsonNode attribute, String at, Set<String> profiles, List<String> out) {
        if (value.isNull()) {
            out.add(at + " is null");
            return;
        }
        if (attribute.path("is_array").asBoolean(false)) {
            if (!value.isArray()) {
                out.add(at + " must be an array");
                return;
            }
            int i = 0;
            for (JsonNode element : value) {
                checkScalarOrObject(element, attribute, at + "[" + i++ + "]", profiles, out);
            }
            return;
        }
        checkScalarOrObject(value, attribute, at, profiles, out);
    }

    private void checkScalarOrObject(JsonNode value, JsonNode attribute, String at, Set<String> profiles, List<String> out) {
        String type = attribute.path("type").asText();
        if (type.equals("object_t")) {
            if (!value.isObject()) {
                out.add(at + " must be an object");
                return;
            }
            String objectType = attribute.path("object_type").asText();
            if (objectType.equals("object")) {
                return;
            }
            JsonNode definition = schema.path("objects").get(objectType);
            if (definition == null) {
                out.add(at + " has unknown object type " + objectType);
                return;
            }
            if (definition.has("@deprecated")) {
                out.add(at + " uses deprecated object " + objectType);
            }
            checkObject(value, definition, at + ".", profiles, out);
            return;
        }
        checkType(value, type, at, out);
        JsonNode enumeration = attribute.get("enum");
        if (enumeration != null && !enumeration.has(value.asText())) {
            out.add(at + " value " + value + " is not in its enum");
        }
    }

    private void checkType(JsonNode value, String type, String at, List<String> out) {
        JsonNode types = schema.path("dictionary").path("types").path("attributes");
        JsonNode definition = types.path(type);
        String base = definition.path("type").asText(type);
        switch (base) {
            case "string_t" -> {
                if (!value.isTextual()) {
                    out.add(at + " must be a string (" + type + ")");
                    return;
                }
            }
            case "integer_t" -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    out.add(at + " must be a 32-bit integer (" + type + ")");
                    return;
                }
            }
            case "long_t" -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    out.add(at + " must be a long (" + type + ")");
                    return;
                }
            }
            case "float_t" -> {
                if (!value.isNumber()) {
                    out.add(at + " must be a number");
                    return;
                }
            }
            case "boolean_t" -> {
                if (!value.isBoolean()) {
                    out.add(at + " must be a boolean");
                    return;
                }
            }
            case "json_t" -> {
                return;
            }
            default -> {
                out.add(at + " has unhandled type " + type);
                return;
            }
        }
        if (definition.has("regex")) {
            Pattern pattern = PATTERNS.computeIfAbsent(type, t -> Pattern.compile(definition.get("regex").asText()));
            if (!pattern.matcher(value.asText()).find()) {
                out.add(at + " value " + value + " does not match " + type);
            }
        }
        if (definition.has("max_len") && value.asText().length() > definition.get("max_len").asInt()) {
            out.add(at + " is longer than " + type + " allows");
        }
        if (definition.has("range")) {
            long number = value.asLong();
            if (number < definition.get("range").get(0).asLong() || number > definition.get("range").get(1).asLong()) {
                out.add(at + " value " + value + " is outside " + definition.get("range"));
            }
        }
    }

    /** An enum id's caption sibling must be the schema caption, except for 99 Other (the source's word). */
    private static void checkSibling(JsonNode node, String name, JsonNode attribute, String at, List<String> out) {
        JsonNode enumeration = attribute.get("enum");
        String sibling = attribute.path("sibling").asText(null);
        if (enumeration == null || sibling == null || !node.has(sibling)) {
            return;
        }
        String id = node.get(name).asText();
        if (id.equals("99")) {
            return;
        }
        // type_name of a 99 Other activity: the core writes "<class>: <activity_name>" with the source's word,
        // as it does for activity_name; accepted here (see the report: a strict validator may want "<class>: Other").
        if (name.equals("type_uid") && node.path("activity_id").asInt() == 99
                && node.get(sibling).asText().equals(node.path("class_name").asText() + ": " + node.path("activity_name").asText())) {
            return;
        }
        JsonNode value = enumeration.get(id);
        if (value != null && !value.path("caption").asText().equals(node.get(sibling).asText())) {
            out.add(at + " caption sibling " + sibling + "=" + node.get(sibling) + " should be "
                    + value.path("caption"));
        }
    }
}
