package org.defenderconnector.emulator.views;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.Catalog;
import org.defenderconnector.emulator.data.Comment;
import org.defenderconnector.emulator.data.Evidence;
import org.defenderconnector.emulator.data.Incident;
import org.defenderconnector.emulator.data.Machine;
import org.defenderconnector.emulator.data.Person;

/**
 * Microsoft Graph security JSON: {@code microsoft.graph.security.incident} and {@code .alert} with evidence
 * typed by {@code @odata.type} (graph-security-*.json). Enum values are camelCase as in the resource types
 * (the incident list doc's Example 1 shows PascalCase; its Example 2 and the resource type camelCase).
 */
public final class GraphViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PORTAL = "https://security.microsoft.com";

    private GraphViews() {
    }

    public static ObjectNode incident(Incident incident, String tenantId, boolean withAlerts) {
        ObjectNode node = JSON.objectNode();
        node.put("@odata.type", "#microsoft.graph.security.incident");
        node.put("id", Long.toString(incident.id()));
        node.put("incidentWebUrl", PORTAL + "/incidents/" + incident.id() + "?tid=" + tenantId);
        node.putNull("redirectIncidentId");
        node.put("tenantId", tenantId);
        node.put("displayName", incident.name());
        node.put("createdDateTime", JsonTime.precise(incident.created()));
        node.put("lastUpdateDateTime", JsonTime.precise(incident.lastUpdate()));
        node.put("assignedTo", incident.assignedTo());
        node.put("classification", camel(incident.classification()));
        node.put("determination", camel(incident.determination()));
        node.put("status", camel(incident.status()));
        node.put("severity", incident.severity().toLowerCase(Locale.ROOT));
        MdeViews.strings(node.putArray("customTags"), incident.tags());
        // Incident comments keep the sample's keys (comment, createdBy, createdTime).
        MdeViews.comments(node.putArray("comments"), incident.comments());
        MdeViews.strings(node.putArray("systemTags"), incident.systemTags());
        node.put("description", incident.description());
        if (withAlerts) {
            ArrayNode alerts = node.putArray("alerts");
            incident.alerts().forEach(alert -> alerts.add(alert(alert, tenantId)));
        }
        return node;
    }

    public static ObjectNode alert(Alert alert, String tenantId) {
        return alert(alert, tenantId, true);
    }

    /** {@code withEvidence} false leaves {@code evidence} empty (only for evaluating filters, never served). */
    public static ObjectNode alert(Alert alert, String tenantId, boolean withEvidence) {
        ObjectNode node = JSON.objectNode();
        node.put("@odata.type", "#microsoft.graph.security.alert");
        node.put("id", alert.id());
        node.put("providerAlertId", alert.id());
        node.put("incidentId", Long.toString(alert.incidentId()));
        node.put("status", camel(alert.status()));
        node.put("severity", alert.severity().toLowerCase(Locale.ROOT));
        node.put("classification", camel(alert.classification()));
        node.put("determination", camel(alert.determination()));
        node.put("serviceSource", alert.source().graphName());
        node.put("detectionSource", alert.template().graphDetectionSource());
        node.put("detectorId", alert.detectorId());
        node.put("tenantId", tenantId);
        node.put("title", alert.template().title());
        node.put("description", alert.template().description());
        node.put("recommendedActions", alert.template().recommendedActions());
        node.put("category", alert.template().category());
        node.put("assignedTo", alert.assignedTo());
        node.put("alertWebUrl", PORTAL + "/alerts/" + alert.id() + "?tid=" + tenantId);
        node.put("incidentWebUrl", PORTAL + "/incidents/" + alert.incidentId() + "?tid=" + tenantId);
        node.putNull("actorDisplayName");
        node.put("threatDisplayName", MdeViews.threatName(alert));
        node.put("threatFamilyName", alert.template().threatFamily());
        MdeViews.strings(node.putArray("mitreTechniques"), alert.template().mitreTechniques());
        node.put("createdDateTime", JsonTime.precise(alert.created()));
        node.put("lastUpdateDateTime", JsonTime.precise(alert.lastUpdate()));
        node.put("resolvedDateTime", JsonTime.precise(alert.resolved()));
        node.put("firstActivityDateTime", JsonTime.precise(alert.firstEvent()));
        node.put("lastActivityDateTime", JsonTime.precise(alert.lastEvent()));
        ArrayNode comments = node.putArray("comments");
        for (Comment comment : alert.comments()) {
            // alertComment (security-alertcomment.md): comment, createdByDisplayName, createdDateTime.
            comments.addObject().put("comment", comment.comment()).put("createdByDisplayName", comment.createdBy())
                    .put("createdDateTime", JsonTime.precise(comment.createdTime()));
        }
        ArrayNode evidence = node.putArray("evidence");
        boolean resolved = "Resolved".equals(alert.status());
        if (withEvidence && alert.machine() != null) {
            evidence.add(device(alert, alert.machine()));
        }
        for (Evidence item : withEvidence ? alert.evidence() : java.util.List.<Evidence>of()) {
            evidence.add(evidence(item, alert, resolved));
        }
        MdeViews.strings(node.putArray("systemTags"), alert.systemTags());
        return node;
    }

    private static ObjectNode common(String type, Evidence item, boolean resolved) {
        ObjectNode node = JSON.objectNode();
        node.put("@odata.type", "#microsoft.graph.security." + type);
        node.put("createdDateTime", JsonTime.precise(item.created()));
        node.put("verdict", item.detectionStatus() != null ? "malicious" : "unknown");
        node.put("remediationStatus", resolved && item.detectionStatus() != null ? "remediated" : "none");
        node.putNull("remediationStatusDetails");
        return node;
    }

    private static ObjectNode device(Alert alert, Machine machine) {
        ObjectNode node = JSON.objectNode();
        node.put("@odata.type", "#microsoft.graph.security.deviceEvidence");
        node.put("createdDateTime", JsonTime.precise(alert.created()));
        node.put("verdict", "unknown");
        node.put("remediationStatus", "none");
        node.putNull("remediationStatusDetails");
        node.put("firstSeenDateTime", JsonTime.precise(machine.firstSeen()));
        node.put("mdeDeviceId", machine.id());
        node.put("azureAdDeviceId", machine.aadDeviceId());
        node.put("deviceDnsName", machine.computerDnsName());
        node.put("osPlatform", machine.os().platform());
        if (machine.os().build() > 0) {
            node.put("osBuild", machine.os().build());
        } else {
            node.putNull("osBuild");
        }
        node.put("version", machine.os().version());
        node.put("healthStatus", camel(machine.healthStatus()));
        node.put("riskScore", camel(machine.riskScore()));
        node.put("rbacGroupId", machine.rbacGroupId());
        node.put("rbacGroupName", machine.rbacGroupName());
        node.put("onboardingStatus", camel(machine.onboardingStatus()));
        node.put("defenderAvStatus", "updated");
        node.putArray("ipInterfaces").add(machine.lastIpAddress());
        ArrayNode users = node.putArray("loggedOnUsers");
        users.addObject().put("accountName", machine.user().accountName()).put("domainName", Catalog.NETBIOS_DOMAIN);
        node.putArray("roles").add("compromised");
        node.putArray("detailedRoles").add("Main device");
        MdeViews.strings(node.putArray("tags"), machine.machineTags());
        if (machine.os().platform().startsWith("WindowsServer")) {
            String subscription = "8700d3a3-3bb7-4fbe-a090-" + machine.id().substring(0, 12);
            node.putObject("vmMetadata").put("vmId", machine.aadDeviceId() == null ? machine.id().substring(0, 36)
                            : machine.aadDeviceId())
                    .put("cloudProvider", "azure")
                    .put("resourceId", "/subscriptions/" + subscription + "/resourceGroups/servers/providers/"
                            + "Microsoft.Compute/virtualMachines/" + machine.shortName())
                    .put("subscriptionId", subscription);
        } else {
            node.putNull("vmMetadata");
        }
        return node;
    }

    private static ObjectNode evidence(Evidence item, Alert alert, boolean resolved) {
        String deviceId = alert.machine() == null ? null : alert.machine().id();
        return switch (item.kind()) {
            case USER -> {
                ObjectNode node = common("userEvidence", item, resolved);
                node.putArray("roles");
                node.putArray("detailedRoles");
                node.putArray("tags");
                node.set("userAccount", account(item.account()));
                yield node;
            }
            case FILE -> {
                ObjectNode node = common("fileEvidence", item, resolved);
                node.put("detectionStatus", lower(item.detectionStatus()));
                node.put("mdeDeviceId", deviceId);
                node.putArray("roles");
                node.putArray("detailedRoles").add("Referred in command line");
                node.putArray("tags");
                // Dropped files are mostly unsigned; some carry a publisher.
                node.set("fileDetails", file(item.sha1(), item.sha256(), item.fileName(), item.filePath(),
                        item.fileSize(), item.sha1().charAt(0) < '6' ? "Contoso Software Ltd" : null));
                yield node;
            }
            case PROCESS -> {
                ObjectNode node = common("processEvidence", item, resolved);
                node.put("processId", item.processId());
                node.put("parentProcessId", item.parentProcessId());
                node.put("processCommandLine", item.processCommandLine());
                node.put("processCreationDateTime", JsonTime.precise(item.processCreationTime()));
                node.put("parentProcessCreationDateTime", JsonTime.precise(item.parentProcessCreationTime()));
                node.put("detectionStatus", lower(item.detectionStatus()));
                node.put("mdeDeviceId", deviceId);
                node.putArray("roles");
                node.putArray("detailedRoles");
                node.putArray("tags");
                node.set("imageFile", file(item.sha1(), item.sha256(), item.fileName(), item.filePath(),
                        item.fileSize(), "Microsoft Corporation"));
                node.set("parentProcessImageFile", file(null, null, item.parentProcessFileName(),
                        item.parentProcessFilePath(), 731_744L, "Microsoft Corporation"));
                node.set("userAccount", account(item.account()));
                yield node;
            }
            case IP -> {
                ObjectNode node = common("ipEvidence", item, resolved);
                node.put("ipAddress", item.ipAddress());
                node.put("countryLetterCode", "US");
                node.putArray("roles");
                node.putArray("detailedRoles");
                node.putArray("tags");
                yield node;
            }
            case URL -> {
                ObjectNode node = common("urlEvidence", item, resolved);
                node.put("url", item.url());
                node.putArray("roles");
                node.putArray("detailedRoles");
                node.putArray("tags");
                yield node;
            }
            case REGISTRY -> {
                ObjectNode node = common("registryKeyEvidence", item, resolved);
                node.put("registryKey", item.registryKey());
                node.put("registryHive", item.registryHive());
                node.putArray("roles");
                node.putArray("detailedRoles");
                node.putArray("tags");
                yield node;
            }
            case MAILBOX -> {
                ObjectNode node = common("mailboxEvidence", item, resolved);
                node.put("primaryAddress", item.mailboxAddress());
                node.put("displayName", item.mailboxDisplayName());
                node.set("userAccount", account(item.account()));
                node.putArray("roles");
                node.putArray("detailedRoles");
                node.putArray("tags");
                yield node;
            }
            case MAIL_CLUSTER -> {
                ObjectNode node = common("mailClusterEvidence", item, resolved);
                node.put("clusterBy", item.clusterBy());
                node.put("clusterByValue", "Subject: Invoice overdue");
                node.put("emailCount", 3);
                node.putArray("networkMessageIds");
                node.putArray("roles");
                node.putArray("detailedRoles");
                node.putArray("tags");
                yield node;
            }
            case MAIL_MESSAGE -> {
                ObjectNode node = common("analyzedMessageEvidence", item, resolved);
                node.put("networkMessageId", item.networkMessageId());
                node.put("recipientEmailAddress", item.recipient());
                node.put("subject", item.subject());
                node.put("senderIp", item.ipAddress());
                node.put("deliveryAction", lower(item.deliveryAction()));
                node.putObject("p1Sender").put("emailAddress", item.sender()).putNull("displayName")
                        .put("domainName", item.sender().substring(item.sender().indexOf('@') + 1));
                node.putArray("roles");
                node.putArray("detailedRoles");
                node.putArray("tags");
                yield node;
            }
        };
    }

    private static ObjectNode file(String sha1, String sha256, String name, String path, Long size,
                                   String publisher) {
        ObjectNode node = JSON.objectNode();
        node.put("sha1", sha1);
        node.put("sha256", sha256);
        node.put("fileName", name);
        node.put("filePath", path);
        MdeViews.putLong(node, "fileSize", size);
        node.put("filePublisher", publisher);
        node.putNull("signer");
        node.putNull("issuer");
        return node;
    }

    private static ObjectNode account(Person person) {
        return JSON.objectNode().put("accountName", person.accountName()).put("domainName", Catalog.NETBIOS_DOMAIN)
                .put("userSid", person.sid()).put("azureAdUserId", person.aadUserId())
                .put("userPrincipalName", person.upn()).put("displayName", person.displayName());
    }

    /** {@code TruePositive} to {@code truePositive}; null to Graph's {@code unknown}. */
    static String camel(String value) {
        if (value == null) {
            return "unknown";
        }
        return Character.toLowerCase(value.charAt(0)) + value.substring(1);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
