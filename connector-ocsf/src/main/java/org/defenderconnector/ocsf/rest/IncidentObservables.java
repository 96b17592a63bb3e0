package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Pivot values of the alerts embedded in an incident. Incident Finding has no evidences attribute, so
 * an alert's entities and devices stay under unmapped as Defender sent them; to still make their host
 * names, IPs, users, hashes and URLs searchable, they are turned into OCSF objects on the side (with
 * fresh field tracking, so the incident's own leftovers are untouched) and listed as unnamed observables.
 */
final class IncidentObservables {
    private IncidentObservables() {
    }

    static List<ObjectNode> ofXdrAlert(JsonNode alert) {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode fragment = OcsfNode.object();
        ArrayNode evidences = fragment.putArray("evidences");
        for (JsonNode entity : alert.path("entities")) {
            if (entity.isObject()) {
                Evidence evidence = MdeEntityEvidence.from(new EntityFields(entity));
                evidences.add(evidence.node());
                out.addAll(evidence.looseObservables());
            }
        }
        for (JsonNode device : alert.path("devices")) {
            if (device.isObject()) {
                EntityFields fields = new EntityFields(device);
                String uid = fields.firstText("mdatpDeviceId", "deviceId");
                OcsfNode.put(evidences.addObject(), "device", Devices.device(uid, fields.text("deviceDnsName"), null));
            }
        }
        out.addAll(0, Observables.unnamed(fragment));
        return out;
    }

    static List<ObjectNode> ofGraphAlert(JsonNode alert) {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode fragment = OcsfNode.object();
        ArrayNode evidences = fragment.putArray("evidences");
        for (JsonNode entity : alert.path("evidence")) {
            if (entity.isObject()) {
                Evidence evidence = GraphEvidence.from(new EntityFields(entity));
                evidences.add(evidence.node());
                out.addAll(evidence.looseObservables());
            }
        }
        out.addAll(0, Observables.unnamed(fragment));
        return out;
    }
}
