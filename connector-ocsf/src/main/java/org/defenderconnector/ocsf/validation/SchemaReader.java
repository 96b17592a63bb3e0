package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the compiled schema document (output of the official ocsf-schema-compiler) into the immutable
 * lookup structures of {@link OcsfSchema}. Descriptions and references are dropped: the validator needs
 * names, types, requirements, enums, profiles, deprecations and constraints only.
 */
final class SchemaReader {

    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");

    /** Profile name to owner name to attribute names, filled while attributes are read. */
    private final Map<String, Map<String, Set<String>>> profileClassAttributes = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> profileObjectAttributes = new HashMap<>();

    private SchemaReader() {
    }

    static OcsfSchema read(JsonNode root, String source) {
        if (root == null || !root.isObject() || !root.path("classes").isObject() || !root.path("objects").isObject()) {
            throw new OcsfSchemaException("Not a compiled OCSF schema (no classes/objects): " + source);
        }
        return new SchemaReader().build(root, source);
    }

    private OcsfSchema build(JsonNode root, String source) {
        String version = root.path("version").asText(null);
        if (version == null) {
            throw new OcsfSchemaException("Compiled OCSF schema has no version: " + source);
        }
        Map<String, DataType> types = readTypes(root.path("dictionary").path("types").path("attributes"));
        Map<Integer, Category> categories = readCategories(root.path("categories").path("attributes"));

        Map<Integer, EventClass> classesByUid = new HashMap<>();
        root.path("classes").fields().forEachRemaining(entry -> {
            EventClass eventClass = readClass(entry.getKey(), entry.getValue());
            EventClass previous = classesByUid.put(eventClass.uid(), eventClass);
            if (previous != null) {
                throw new OcsfSchemaException("Two classes share uid " + eventClass.uid() + ": "
                        + previous.name() + ", " + eventClass.name());
            }
        });

        Map<String, ObjectType> objects = new HashMap<>();
        root.path("objects").fields().forEachRemaining(entry ->
                objects.put(entry.getKey(), readObject(entry.getKey(), entry.getValue())));

        Map<String, Profile> profiles = readProfiles(root.path("profiles"));
        return new OcsfSchema(version, source, classesByUid, objects, types, profiles, categories);
    }

    private static Map<String, DataType> readTypes(JsonNode typesNode) {
        Map<String, DataType> types = new HashMap<>();
        typesNode.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            Pattern regex = null;
            if (node.hasNonNull("regex")) {
                try {
                    regex = Pattern.compile(node.get("regex").asText());
                } catch (PatternSyntaxException e) {
                    throw new OcsfSchemaException("Type " + name + " has a regex Java cannot compile", e);
                }
            }
            Integer maxLength = node.hasNonNull("max_len") ? node.get("max_len").asInt() : null;
            NumberRange range = null;
            JsonNode rangeNode = node.path("range");
            if (rangeNode.isArray() && rangeNode.size() == 2) {
                range = new NumberRange(rangeNode.get(0).asLong(), rangeNode.get(1).asLong());
            }
            types.put(name, new DataType(name, node.path("caption").asText(name), text(node, "type"),
                    regex, maxLength, range));
        });
        return types;
    }

    private static Map<Integer, Category> readCategories(JsonNode categoriesNode) {
        Map<Integer, Category> categories = new HashMap<>();
        categoriesNode.fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            int uid = node.path("uid").asInt();
            categories.put(uid, new Category(uid, entry.getKey(), node.path("caption").asText(entry.getKey())));
        });
        return categories;
    }

    private EventClass readClass(String key, JsonNode node) {
        Map<String, Attribute> attributes = readAttributes(key, node.path("attributes"), profileClassAttributes);
        int categoryUid = node.path("category_uid").asInt();
        return new EventClass(node.path("uid").asInt(), key, node.path("caption").asText(key), categoryUid,
                categoryCaption(node, attributes, categoryUid), text(node, "extension"), deprecation(node),
                attributes, constraints(node.path("constraints")), stringSet(node.path("profiles")));
    }

    /**
     * The class's own {@code category_uid} enum carries the caption, which also covers Base Event's
     * category 0 "Uncategorized" that the categories section does not list.
     */
    private static String categoryCaption(JsonNode classNode, Map<String, Attribute> attributes, int categoryUid) {
        Attribute categoryAttribute = attributes.get("category_uid");
        if (categoryAttribute != null) {
            EnumMember member = categoryAttribute.enumMembers().get(Integer.toString(categoryUid));
            if (member != null) {
                return member.caption();
            }
        }
        return classNode.path("category_name").asText(null);
    }

    private ObjectType readObject(String key, JsonNode node) {
        return new ObjectType(key, node.path("caption").asText(key), text(node, "extension"), deprecation(node),
                readAttributes(key, node.path("attributes"), profileObjectAttributes),
                constraints(node.path("constraints")));
    }

    private static Map<String, Attribute> readAttributes(String owner, JsonNode attributesNode,
                                                         Map<String, Map<String, Set<String>>> profileIndex) {
        Map<String, Attribute> attributes = new HashMap<>();
        attributesNode.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            Set<String> profiles = stringSet(node.path("profiles"));
            for (String profile : profiles) {
                profileIndex.computeIfAbsent(profile, p -> new TreeMap<>())
                        .computeIfAbsent(owner, o -> new TreeSet<>())
                        .add(name);
            }
            attributes.put(name, new Attribute(name, node.path("type").asText(), Requirement.fromSchema(
                    text(node, "requirement")), text(node, "object_type"), node.path("is_array").asBoolean(false),
                    enumMembers(node.path("enum")), text(node, "sibling"), profiles, deprecation(node)));
        });
        return attributes;
    }

    private static Map<String, EnumMember> enumMembers(JsonNode enumNode) {
        if (!enumNode.isObject() || enumNode.isEmpty()) {
            return Map.of();
        }
        Map<String, EnumMember> members = new TreeMap<>(SchemaReader::compareEnumKeys);
        enumNode.fields().forEachRemaining(entry -> members.put(entry.getKey(), new EnumMember(entry.getKey(),
                entry.getValue().path("caption").asText(entry.getKey()), deprecation(entry.getValue()))));
        return new LinkedHashMap<>(members);
    }

    /** The compiled file orders keys as text ("10" before "2"); list numeric keys by value instead. */
    private static int compareEnumKeys(String left, String right) {
        boolean leftNumeric = isNumber(left);
        boolean rightNumeric = isNumber(right);
        if (leftNumeric && rightNumeric) {
            int byLength = Integer.compare(left.length(), right.length());
            return byLength != 0 ? byLength : left.compareTo(right);
        }
        return leftNumeric != rightNumeric ? (leftNumeric ? -1 : 1) : left.compareTo(right);
    }

    private static boolean isNumber(String key) {
        return !key.isEmpty() && key.chars().allMatch(Character::isDigit);
    }

    private Map<String, Profile> readProfiles(JsonNode profilesNode) {
        Map<String, Profile> profiles = new HashMap<>();
        profilesNode.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            profiles.put(name, new Profile(name, node.path("caption").asText(name), text(node, "extension"),
                    frozen(profileClassAttributes.get(name)), frozen(profileObjectAttributes.get(name))));
        });
        return profiles;
    }

    private static Map<String, Set<String>> frozen(Map<String, Set<String>> index) {
        if (index == null) {
            return Map.of();
        }
        Map<String, Set<String>> copy = new TreeMap<>();
        index.forEach((owner, names) -> copy.put(owner, Collections.unmodifiableSet(new TreeSet<>(names))));
        return Collections.unmodifiableMap(copy);
    }

    private static Constraints constraints(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            return Constraints.NONE;
        }
        List<String> unknownKinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(kind -> {
            if (!"at_least_one".equals(kind) && !"just_one".equals(kind)) {
                unknownKinds.add(kind);
            }
        });
        if (!unknownKinds.isEmpty()) {
            // A constraint kind we do not enforce would silently pass events: refuse the schema instead.
            throw new OcsfSchemaException("Unsupported schema constraint kind(s): " + unknownKinds);
        }
        return new Constraints(stringList(node.path("at_least_one")), stringList(node.path("just_one")));
    }

    private static Deprecation deprecation(JsonNode node) {
        JsonNode deprecated = node.get("@deprecated");
        if (deprecated == null || deprecated.isNull()) {
            return null;
        }
        String message = HTML_TAG.matcher(deprecated.path("message").asText("")).replaceAll("").trim();
        return new Deprecation(message, deprecated.path("since").asText(null));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> stringList(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(element -> values.add(element.asText()));
        }
        return values;
    }

    private static Set<String> stringSet(JsonNode array) {
        return Set.copyOf(stringList(array));
    }
}
