package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OCSF {@code attack} objects from an alert's MITRE technique ids and its category. Defender alert
 * categories are mostly ATT&CK tactic names (Execution, DefenseEvasion, CommandAndControl...); when the
 * category is one, it is the tactic the alert was classified under, so every attack entry carries it.
 * Categories that are not tactics (SuspiciousActivity, Malware, Ransomware...) give no tactic.
 */
final class MitreAttacks {
    private static final Pattern TECHNIQUE = Pattern.compile("^T\\d{4}$");
    private static final Pattern SUB_TECHNIQUE = Pattern.compile("^T\\d{4}\\.\\d{3}$");

    /** ATT&CK Enterprise tactics: Defender category word (lower case, no spaces) → (id, name). */
    private static final Map<String, String[]> TACTICS = Map.ofEntries(
            Map.entry("reconnaissance", new String[]{"TA0043", "Reconnaissance"}),
            Map.entry("resourcedevelopment", new String[]{"TA0042", "Resource Development"}),
            Map.entry("initialaccess", new String[]{"TA0001", "Initial Access"}),
            Map.entry("execution", new String[]{"TA0002", "Execution"}),
            Map.entry("persistence", new String[]{"TA0003", "Persistence"}),
            Map.entry("privilegeescalation", new String[]{"TA0004", "Privilege Escalation"}),
            Map.entry("defenseevasion", new String[]{"TA0005", "Defense Evasion"}),
            Map.entry("credentialaccess", new String[]{"TA0006", "Credential Access"}),
            Map.entry("discovery", new String[]{"TA0007", "Discovery"}),
            Map.entry("lateralmovement", new String[]{"TA0008", "Lateral Movement"}),
            Map.entry("collection", new String[]{"TA0009", "Collection"}),
            Map.entry("exfiltration", new String[]{"TA0010", "Exfiltration"}),
            Map.entry("commandandcontrol", new String[]{"TA0011", "Command and Control"}),
            Map.entry("impact", new String[]{"TA0040", "Impact"}));

    private MitreAttacks() {
    }

    /**
     * One attack per technique id (T1059, or T1564.001 as sub_technique with its parent technique); a
     * lone tactic entry when there are no techniques but the category is a tactic; empty when neither.
     * Ids that do not look like ATT&CK ids are kept as technique uids as given.
     */
    static ArrayNode attacks(List<String> techniqueIds, String category) {
        ArrayNode attacks = OcsfNode.array();
        ObjectNode tactic = tactic(category);
        for (String id : techniqueIds) {
            ObjectNode attack = OcsfNode.object();
            String trimmed = id.trim();
            if (SUB_TECHNIQUE.matcher(trimmed).matches()) {
                attack.set("technique", uid(trimmed.substring(0, 5)));
                attack.set("sub_technique", uid(trimmed));
            } else {
                attack.set("technique", uid(trimmed));
            }
            if (tactic != null) {
                attack.set("tactic", tactic.deepCopy());
            }
            attacks.add(attack);
        }
        if (attacks.isEmpty() && tactic != null) {
            ObjectNode attack = OcsfNode.object();
            attack.set("tactic", tactic);
            attacks.add(attack);
        }
        return attacks;
    }

    static boolean isTactic(String category) {
        return tactic(category) != null;
    }

    static boolean looksLikeTechnique(String id) {
        return id != null && (TECHNIQUE.matcher(id.trim()).matches() || SUB_TECHNIQUE.matcher(id.trim()).matches());
    }

    private static ObjectNode tactic(String category) {
        if (category == null) {
            return null;
        }
        String[] tactic = TACTICS.get(category.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", ""));
        if (tactic == null) {
            return null;
        }
        ObjectNode node = OcsfNode.object();
        node.put("uid", tactic[0]);
        node.put("name", tactic[1]);
        return node;
    }

    private static ObjectNode uid(String id) {
        ObjectNode node = OcsfNode.object();
        node.put("uid", id);
        return node;
    }
}
