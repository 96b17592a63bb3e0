package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One OCSF {@code evidences[]} entry plus the observables whose values have no typed home in it (an IP
 * whose direction Defender does not tell stays in {@code data}, but is still worth a pivot).
 */
record Evidence(ObjectNode node, List<ObjectNode> looseObservables) {
    /** The attributes of which OCSF requires at least one in an evidence object. */
    private static final List<String> ARTIFACTS = List.of("actor", "api", "connection_info", "data", "database",
            "databucket", "device", "dst_endpoint", "email", "file", "process", "query", "src_endpoint", "url", "user",
            "job", "script", "reg_key", "reg_value", "win_service");

    static Evidence of(ObjectNode node) {
        return new Evidence(node, new ArrayList<>());
    }

    /**
     * Puts what the entity left unread into {@code data} ("additional evidence data that is not accounted
     * for in the specific evidence attributes"). When no artifact remains at all, the entity's type goes to
     * data so that the evidence still satisfies OCSF's at-least-one constraint.
     */
    Evidence finish(EntityFields entity, String typeField) {
        ObjectNode left = entity.leftovers();
        OcsfNode.put(node, "data", left);
        entity.leftoversPlaced();
        if (ARTIFACTS.stream().noneMatch(node::has)) {
            ObjectNode data = OcsfNode.object();
            data.put(typeField, node.path("name").asText("unknown"));
            node.set("data", data);
        }
        return this;
    }
}
