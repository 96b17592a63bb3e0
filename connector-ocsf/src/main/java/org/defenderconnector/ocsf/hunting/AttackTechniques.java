package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MITRE ATT&CK techniques as Defender lists them in AttackTechniques: a JSON array (or a
 * comma-separated list) of "Name (T1234)" or "Name (T1234.001)" entries, to OCSF {@code attack}
 * objects: {@code technique} {uid, name}, or for a sub-technique {@code sub_technique} {uid, name}
 * plus its parent {@code technique.uid}.
 */
final class AttackTechniques {
    private static final Pattern NAMED = Pattern.compile("^(.*?)\\s*\\((T\\d{4})(\\.\\d{3})?\\)\\s*$");
    private static final Pattern BARE_ID = Pattern.compile("^(T\\d{4})(\\.\\d{3})?$");

    private AttackTechniques() {
    }

    static ArrayNode parse(JsonNode value) {
        List<String> entries = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(entry -> entries.add(entry.asText()));
        } else {
            for (String entry : value.asText().split(",")) {
                entries.add(entry);
            }
        }
        ArrayNode attacks = JsonNodeFactory.instance.arrayNode();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            ObjectNode attack = JsonNodeFactory.instance.objectNode();
            Matcher named = NAMED.matcher(entry);
            Matcher bare = BARE_ID.matcher(entry);
            if (named.matches()) {
                put(attack, named.group(2), named.group(3), named.group(1));
            } else if (bare.matches()) {
                put(attack, bare.group(1), bare.group(2), null);
            } else {
                attack.putObject("technique").put("name", entry);
            }
            attacks.add(attack);
        }
        return attacks;
    }

    private static void put(ObjectNode attack, String technique, String subSuffix, String name) {
        ObjectNode parent = attack.putObject("technique");
        parent.put("uid", technique);
        if (subSuffix == null) {
            if (name != null && !name.isBlank()) {
                parent.put("name", name);
            }
            return;
        }
        ObjectNode sub = attack.putObject("sub_technique");
        sub.put("uid", technique + subSuffix);
        if (name != null && !name.isBlank()) {
            sub.put("name", name);
        }
    }
}
