package org.defenderconnector.emulator.views;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.Catalog;
import org.defenderconnector.emulator.data.Evidence;
import org.defenderconnector.emulator.data.EvidenceKind;
import org.defenderconnector.emulator.data.Incident;
import org.defenderconnector.emulator.data.Machine;

/** Defender XDR's incident JSON (xdr-incidents-list.json): incidents with their alerts, devices and entities. */
public final class XdrViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private XdrViews() {
    }

    public static ObjectNode incident(Incident incident) {
        return incident(incident, true);
    }

    /** {@code withAlerts} false leaves {@code alerts} empty (only for evaluating filters, never served). */
    public static ObjectNode incident(Incident incident, boolean withAlerts) {
        ObjectNode node = JSON.objectNode();
        node.put("incidentId", incident.id());
        node.putNull("redirectIncidentId");
        node.put("incidentName", incident.name());
        node.put("createdTime", JsonTime.precise(incident.created()));
        node.put("lastUpdateTime", JsonTime.precise(incident.lastUpdate()));
        node.put("assignedTo", incident.assignedTo());
        // Incident-level values are never null in the samples: "Unknown" / "NotAvailable" until classified.
        node.put("classification", incident.classification() == null ? "Unknown" : incident.classification());
        node.put("determination", incident.determination() == null ? "NotAvailable" : incident.determination());
        node.put("status", incident.status());
        node.put("severity", incident.severity());
        MdeViews.strings(node.putArray("tags"), incident.tags());
        MdeViews.comments(node.putArray("comments"), incident.comments());
        ArrayNode alerts = node.putArray("alerts");
        if (withAlerts) {
            incident.alerts().forEach(alert -> alerts.add(alert(alert)));
        }
        return node;
    }

    static ObjectNode alert(Alert alert) {
        ObjectNode node = JSON.objectNode();
        node.put("alertId", alert.id());
        node.put("incidentId", alert.incidentId());
        node.put("serviceSource", alert.source().xdrName());
        node.put("creationTime", JsonTime.precise(alert.created()));
        node.put("lastUpdatedTime", JsonTime.precise(alert.lastUpdate()));
        node.put("resolvedTime", JsonTime.precise(alert.resolved()));
        node.put("firstActivity", JsonTime.precise(alert.firstEvent()));
        node.put("lastActivity", JsonTime.precise(alert.lastEvent()));
        node.put("title", alert.template().title());
        node.put("description", alert.template().description());
        node.put("category", alert.template().category());
        node.put("status", alert.status());
        node.put("severity", alert.severity());
        MdeViews.putLong(node, "investigationId", alert.investigationId());
        node.put("investigationState", alert.investigationState());
        node.put("classification", alert.classification());
        node.put("determination", alert.determination());
        node.put("detectionSource", alert.template().detectionSource());
        node.put("assignedTo", alert.assignedTo());
        node.putNull("actorName");
        node.put("threatFamilyName", alert.template().threatFamily());
        MdeViews.strings(node.putArray("mitreTechniques"), alert.template().mitreTechniques());
        ArrayNode devices = node.putArray("devices");
        if (alert.machine() != null) {
            devices.add(device(alert.machine()));
        }
        ArrayNode entities = node.putArray("entities");
        alert.evidence().forEach(item -> entities.add(entity(item, alert.machine())));
        return node;
    }

    /** The sample's device object uses {@code mdatpDeviceId} although the doc's table says DeviceId. */
    static ObjectNode device(Machine machine) {
        ObjectNode node = JSON.objectNode();
        node.put("mdatpDeviceId", machine.id());
        node.put("aadDeviceId", machine.aadDeviceId());
        node.put("deviceDnsName", machine.computerDnsName());
        node.put("osPlatform", machine.os().platform());
        node.put("version", machine.os().version());
        node.put("osProcessor", machine.os().processor());
        if (machine.os().build() > 0) {
            node.put("osBuild", machine.os().build());
        } else {
            node.putNull("osBuild");
        }
        node.put("healthStatus", machine.healthStatus());
        node.put("riskScore", machine.riskScore());
        node.put("rbacGroupName", machine.rbacGroupName());
        node.put("rbacGroupId", machine.rbacGroupId());
        node.put("firstSeen", JsonTime.precise(machine.firstSeen()));
        return node;
    }

    static ObjectNode entity(Evidence item, Machine machine) {
        boolean user = item.kind() == EvidenceKind.USER;
        boolean mailbox = item.kind() == EvidenceKind.MAILBOX;
        boolean message = item.kind() == EvidenceKind.MAIL_MESSAGE;
        boolean file = item.kind() == EvidenceKind.FILE || item.kind() == EvidenceKind.PROCESS;
        ObjectNode node = JSON.objectNode();
        node.put("entityType", item.kind().defenderEntityType());
        node.put("sha1", item.sha1());
        node.put("sha256", item.sha256());
        node.put("fileName", item.fileName());
        node.put("filePath", item.filePath());
        MdeViews.putLong(node, "processId", item.processId());
        node.put("processCommandLine", item.processCommandLine());
        node.put("processCreationTime", JsonTime.precise(item.processCreationTime()));
        MdeViews.putLong(node, "parentProcessId", item.parentProcessId());
        node.put("parentProcessCreationTime", JsonTime.precise(item.parentProcessCreationTime()));
        node.put("ipAddress", message ? null : item.ipAddress());
        node.put("url", item.url());
        node.put("accountName", user ? item.account().accountName() : null);
        node.put("domainName", user ? Catalog.NETBIOS_DOMAIN.toLowerCase() + ".corp" : null);
        node.put("userSid", user ? item.account().sid() : null);
        node.put("aadUserId", user ? item.account().aadUserId() : null);
        node.put("userPrincipalName", user || mailbox || message ? item.account().upn() : null);
        node.put("mailboxDisplayName", item.mailboxDisplayName());
        node.put("mailboxAddress", item.mailboxAddress());
        node.put("clusterBy", item.clusterBy());
        node.put("sender", item.sender());
        node.put("recipient", item.recipient());
        node.put("subject", item.subject());
        node.put("deliveryAction", item.deliveryAction());
        node.putNull("securityGroupId");
        node.putNull("securityGroupName");
        node.put("registryHive", item.registryHive());
        node.put("registryKey", item.registryKey());
        node.put("registryValueType", item.registryValueType());
        node.put("registryValue", item.registryValue());
        node.put("deviceId", file && machine != null ? machine.id() : null);
        return node;
    }
}
