package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.Severity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MDE machine actions ({@code GET /api/machineactions}) → Scan Activity 6007 for antivirus scans and
 * Remediation Activity 7001 for every other response action, with command_uid = the action id
 * (docs/ocsf/machine-actions.md explains why not 7002/7004). {@code time} is the action's last update.
 */
public final class MdeMachineActionMapper implements OcsfMapper {
    public static final String KIND = "mde-machine-action";

    private final Clock clock;

    public MdeMachineActionMapper() {
        this(Clock.systemUTC());
    }

    MdeMachineActionMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext callerContext) {
        MappingContext context = RestEvents.withProduct(callerContext, Product.DEFENDER_FOR_ENDPOINT);
        EntityFields action = new EntityFields(record);
        String type = action.text("type");
        String status = action.text("status");
        boolean scan = type != null && type.equalsIgnoreCase("RunAntiVirusScan");

        OcsfEvent event = scan ? scanEvent(status, context) : remediationEvent(type, context);
        Long created = action.time("creationDateTimeUtc");
        // The list API spells it lastUpdateTimeUtc, the entity page lastUpdateDateTimeUtc.
        Long updated = action.firstTime("lastUpdateDateTimeUtc", "lastUpdateTimeUtc");
        event.time(updated != null ? updated : created != null ? created : clock.millis());
        event.severity(Severity.INFORMATIONAL);
        String id = action.text("id");
        event.originalUid(id);
        event.set("command_uid", id);
        event.set("start_time", created);
        if (isFinal(status) && updated != null) {
            event.set("end_time", updated);
            if (created != null && scan) {
                event.set("duration", updated - created);
            }
        }
        putStatus(event, status, scan);
        event.set("message", action.text("requestorComment"));

        ObjectNode device = Devices.device(action.text("machineId"), action.text("computerDnsName"), null);
        if (device != null) {
            event.set("device", device);
            event.profile("host");
        }
        ObjectNode requestor = Users.named(action.text("requestor"));
        if (requestor != null) {
            event.object("actor").set("user", requestor);
            OcsfNode.put(event.object("actor"), "app_name", action.text("requestSource"));
            event.profile("host");
        }
        if (scan) {
            ObjectNode scanObject = event.object("scan");
            OcsfNode.putEnum(scanObject, "type_id", 1, "type", "Manual");
            OcsfNode.put(scanObject, "uid", id);
            // scope is Quick or Full for antivirus scans
            OcsfNode.put(scanObject, "name", action.text("scope"));
        }
        return RestEvents.finish(event, action, relatedFile(action));
    }

    private static OcsfEvent scanEvent(String status, MappingContext context) {
        String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "inprogress" -> OcsfEvent.start(OcsfClass.SCAN_ACTIVITY, 1, "Started", context);
            case "succeeded" -> OcsfEvent.start(OcsfClass.SCAN_ACTIVITY, 2, "Completed", context);
            case "cancelled" -> OcsfEvent.start(OcsfClass.SCAN_ACTIVITY, 3, "Cancelled", context);
            case "failed" -> OcsfEvent.start(OcsfClass.SCAN_ACTIVITY, 6, "Error", context);
            // Pending (requested, not started) and TimeOut (the device never completed it) have no scan activity.
            default -> OcsfEvent.start(OcsfClass.SCAN_ACTIVITY, 99, status == null ? "Other" : status, context);
        };
    }

    /**
     * D3FEND tactic per action: Isolate and RestrictCodeExecution isolate (network / execution isolation),
     * StopAndQuarantineFile evicts, Unisolate and UnrestrictCodeExecution restore. Investigation package
     * collection, live response, offboarding and future types are response actions without a D3FEND tactic:
     * 99 Other with Defender's type word.
     */
    private static OcsfEvent remediationEvent(String type, MappingContext context) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "isolate", "restrictcodeexecution" -> OcsfEvent.start(OcsfClass.REMEDIATION_ACTIVITY, 1, "Isolate", context);
            case "stopandquarantinefile" -> OcsfEvent.start(OcsfClass.REMEDIATION_ACTIVITY, 2, "Evict", context);
            case "unisolate", "unrestrictcodeexecution" -> OcsfEvent.start(OcsfClass.REMEDIATION_ACTIVITY, 3, "Restore", context);
            default -> OcsfEvent.start(OcsfClass.REMEDIATION_ACTIVITY, 99, type == null ? "Other" : type, context);
        };
    }

    static boolean isFinal(String status) {
        if (status == null) {
            return false;
        }
        String s = status.toLowerCase(Locale.ROOT);
        return s.equals("succeeded") || s.equals("failed") || s.equals("timeout") || s.equals("cancelled");
    }

    /**
     * Outcome: Succeeded → 1 Success; Failed and TimeOut → 2 Failure (TimeOut kept in status_detail);
     * Pending and InProgress → 0 Unknown (no outcome yet); Cancelled → 99 Other. Countermeasures for the
     * remediation classes come from the activity's D3FEND tactic.
     */
    private static void putStatus(OcsfEvent event, String status, boolean scan) {
        if (status != null) {
            switch (status.toLowerCase(Locale.ROOT)) {
                case "succeeded" -> FindingLifecycle.putStatus(event.node(), 1, "Success", status);
                case "failed" -> FindingLifecycle.putStatus(event.node(), 2, "Failure", status);
                case "timeout" -> FindingLifecycle.putStatus(event.node(), 2, "Failure", status);
                case "pending", "inprogress" -> FindingLifecycle.putStatus(event.node(), 0, "Unknown", status);
                default -> FindingLifecycle.putStatus(event.node(), 99, status, status);
            }
        }
        if (!scan) {
            putCountermeasure(event);
        }
    }

    private static void putCountermeasure(OcsfEvent event) {
        int activity = event.node().path("activity_id").asInt();
        String tactic = switch (activity) {
            case 1 -> "Isolate";
            case 2 -> "Evict";
            case 3 -> "Restore";
            default -> null;
        };
        if (tactic == null) {
            return;
        }
        ObjectNode countermeasure = OcsfNode.object();
        ObjectNode d3fTactic = countermeasure.putObject("d3f_tactic");
        d3fTactic.put("name", tactic);
        d3fTactic.put("src_url", "https://d3fend.mitre.org/tactic/d3f:" + tactic + "/");
        ArrayNode list = event.array("countermeasures");
        list.add(countermeasure);
    }

    /**
     * relatedFileInfo names the file only by a hash, and OCSF's file needs a name, so it stays under
     * unmapped; the hash is still listed as an observable.
     */
    private static List<ObjectNode> relatedFile(EntityFields action) {
        List<ObjectNode> loose = new ArrayList<>();
        JsonNode info = action.peek("relatedFileInfo");
        if (info != null && info.path("fileIdentifier").isTextual()) {
            loose.add(Observables.loose(Observables.HASH, info.path("fileIdentifier").asText()));
        }
        return loose;
    }
}
