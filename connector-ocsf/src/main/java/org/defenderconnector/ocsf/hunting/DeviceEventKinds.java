package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.FileColumns;
import org.defenderconnector.ocsf.objects.FileObject;
import org.defenderconnector.ocsf.objects.ProcessColumns;
import org.defenderconnector.ocsf.objects.ProcessObject;

import java.util.Map;
import java.util.Optional;

/**
 * The DeviceEvents families that map to one class each (see {@link DeviceEventsMapper} for the
 * routing). Each method starts the event, fills what the family carries and sets the reporting device
 * and the initiating process as actor; the caller finishes it.
 */
final class DeviceEventKinds {
    /** Memory API calls → Memory Activity activity. */
    static final Map<String, EnumValue> MEMORY = Map.of(
            "ntallocatevirtualmemoryapicall", new EnumValue(1, "Allocate Page"),
            "ntallocatevirtualmemoryremoteapicall", new EnumValue(1, "Allocate Page"),
            "ntprotectvirtualmemoryapicall", new EnumValue(2, "Modify Page"),
            "ntprotectvirtualmemoryremoteapicall", new EnumValue(2, "Modify Page"),
            "memoryremoteprotect", new EnumValue(2, "Modify Page"),
            "readprocessmemoryapicall", new EnumValue(7, "Read"),
            "writeprocessmemoryapicall", new EnumValue(8, "Write"),
            "writetolsassprocessmemory", new EnumValue(8, "Write"),
            "ntmapviewofsectionremoteapicall", new EnumValue(9, "Map View"));

    /** Process API calls → Process Activity activity. */
    static final Map<String, EnumValue> PROCESS = Map.of(
            "createremotethreadapicall", new EnumValue(4, "Inject"),
            "queueuserapcremoteapicall", new EnumValue(4, "Inject"),
            "setthreadcontextremoteapicall", new EnumValue(4, "Inject"),
            "openprocessapicall", new EnumValue(3, "Open"),
            "processcreatedusingwmiquery", new EnumValue(1, "Launch"));

    private DeviceEventKinds() {
    }

    /** The acting side every DeviceEvents kind shares. */
    static void deviceAndActor(HuntingRow row, OcsfEvent event) {
        row.device(event, false);
        row.initiatingActor(event);
    }

    /** ScheduledTask* → Scheduled Job Activity; job.name ← AdditionalFields TaskName. */
    static OcsfEvent scheduledTask(HuntingRow row, String actionType, String action) {
        EnumValue activity = switch (action) {
            case "scheduledtaskcreated" -> new EnumValue(1, "Create");
            case "scheduledtaskupdated" -> new EnumValue(2, "Update");
            case "scheduledtaskdeleted" -> new EnumValue(3, "Delete");
            case "scheduledtaskenabled" -> new EnumValue(4, "Enable");
            case "scheduledtaskdisabled" -> new EnumValue(5, "Disable");
            default -> EnumValue.other(actionType);
        };
        OcsfEvent event = row.start(OcsfClass.SCHEDULED_JOB_ACTIVITY, activity);
        row.additionalFields().take("TaskName").ifPresent(name -> event.set("job.name", name));
        deviceAndActor(row, event);
        return event;
    }

    /**
     * Memory API calls → Memory Activity: {@code process} = the target process (ProcessId, FileName...),
     * {@code size} ← AdditionalFields TotalBytesCopied / RegionSize, {@code base_address} ← BaseAddress.
     */
    static OcsfEvent memory(HuntingRow row, EnumValue activity) {
        OcsfEvent event = row.start(OcsfClass.MEMORY_ACTIVITY, activity);
        targetProcess(row, event);
        AdditionalFields extra = row.additionalFields();
        extra.takeLong("TotalBytesCopied", "RegionSize", "Size").ifPresent(size -> event.set("size", size));
        extra.take("BaseAddress").ifPresent(address -> event.set("base_address", address));
        deviceAndActor(row, event);
        return event;
    }

    /**
     * Process API calls → Process Activity with the target process as {@code process}; injections carry
     * {@code injection_type_id} (Remote Thread, Queue APC, or Other for SetThreadContext).
     */
    static OcsfEvent process(HuntingRow row, String action, EnumValue activity) {
        OcsfEvent event = row.start(OcsfClass.PROCESS_ACTIVITY, activity);
        targetProcess(row, event);
        switch (action) {
            case "createremotethreadapicall" -> new EnumValue(1, "Remote Thread").writeTo(event.node(), "injection_type_id");
            case "queueuserapcremoteapicall" -> new EnumValue(3, "Queue APC").writeTo(event.node(), "injection_type_id");
            case "setthreadcontextremoteapicall" -> EnumValue.other("SetThreadContext")
                    .writeTo(event.node(), "injection_type_id");
            default -> {
            }
        }
        deviceAndActor(row, event);
        return event;
    }

    /** The process the action was applied to, with the target columns and the AdditionalFields fallbacks. */
    private static void targetProcess(HuntingRow row, OcsfEvent event) {
        ProcessObject.read(row.fields(), ProcessColumns.TARGET_PROCESS).ifPresent(process -> event.set("process", process));
    }

    /**
     * AntivirusScan{Completed,Cancelled,Failed} → Scan Activity 2 Completed / 3 Cancelled / 6 Error;
     * {@code scan} = Microsoft Defender Antivirus scan, uid ← AdditionalFields ScanId, type 0 Unknown.
     */
    static OcsfEvent antivirusScan(HuntingRow row, String actionType, String action) {
        EnumValue activity = switch (action) {
            case "antivirusscancompleted" -> new EnumValue(2, "Completed");
            case "antivirusscancancelled" -> new EnumValue(3, "Cancelled");
            case "antivirusscanfailed" -> new EnumValue(6, "Error");
            default -> EnumValue.other(actionType);
        };
        OcsfEvent event = row.start(OcsfClass.SCAN_ACTIVITY, activity);
        AdditionalFields extra = row.additionalFields();
        ObjectNode scan = event.object("scan");
        scan.put("name", "Microsoft Defender Antivirus scan");
        extra.take("ScanId", "Scan ID").ifPresent(id -> scan.put("uid", id));
        // Defender gives the scan type as an index without a documented meaning; it stays unmapped.
        EnumValue.UNKNOWN.writeTo(scan, "type_id");
        if (activity.id() == 6) {
            new EnumValue(2, "Failure").writeTo(event.node(), "status_id");
            extra.take("ErrorDescription", "Error Description").ifPresent(d -> event.set("status_detail", d));
            extra.take("ErrorCode", "Error Code").ifPresent(c -> event.set("status_code", c));
        } else if (activity.id() == 2) {
            new EnumValue(1, "Success").writeTo(event.node(), "status_id");
        }
        deviceAndActor(row, event);
        return event;
    }

    static boolean isDetection(String action) {
        return action.startsWith("antivirusdetection") || action.equals("antivirusreport")
                || action.startsWith("antivirusmalware") || action.startsWith("amsi") || action.startsWith("asr")
                || action.startsWith("exploitguard") || action.startsWith("controlledfolderaccess")
                || action.startsWith("smartscreen") || action.equals("tamperingattempt")
                || action.equals("networkprotectionuserbypassevent");
    }

    /**
     * Security control detections → Detection Finding 1 Create. finding_info.uid ← the row's natural key
     * (the table has no detection id), title ← AdditionalFields ThreatName or the ActionType, types ←
     * [ActionType], analytic ← RuleId (ASR/exploit protection rule); malware ← ThreatName; evidences ←
     * the file and target process; action/disposition from the ActionType's Blocked/Audited suffix
     * (security_control profile).
     */
    static OcsfEvent detection(HuntingRow row, String actionType, String action) {
        OcsfEvent event = row.start(OcsfClass.DETECTION_FINDING, new EnumValue(1, "Create"));
        AdditionalFields extra = row.additionalFields();
        ObjectNode info = event.object("finding_info");
        String key = HuntingKeys.of(row.table(), row.fields());
        info.put("uid", key == null ? actionType : key);
        Optional<String> threat = extra.take("ThreatName");
        info.put("title", threat.orElse(actionType));
        info.putArray("types").add(actionType);
        extra.take("RuleId").ifPresent(rule -> {
            ObjectNode analytic = info.putObject("analytic");
            analytic.put("uid", rule);
            new EnumValue(1, "Rule").writeTo(analytic, "type_id");
        });
        threat.ifPresent(name -> {
            ObjectNode malware = event.array("malware").addObject();
            malware.put("name", name);
            malware.putArray("classification_ids").add(0);
            malware.putArray("classifications").add("Unknown");
        });
        ObjectNode evidence = event.array("evidences").addObject();
        FileObject.read(row.fields(), FileColumns.TARGET, FileObject.REGULAR_FILE).ifPresent(file -> evidence.set("file", file));
        ProcessObject.read(row.fields(), ProcessColumns.TARGET_PROCESS).ifPresent(process -> evidence.set("process", process));
        String url = row.fields().text("RemoteUrl");
        if (url != null) {
            evidence.putObject("url").put("url_string", url);
        }
        if (evidence.isEmpty()) {
            event.node().remove("evidences");
        }
        if (action.endsWith("blocked") || action.endsWith("enforced")) {
            SecurityControl.blocked(event);
        } else if (action.endsWith("audited")) {
            SecurityControl.audited(event);
        }
        deviceAndActor(row, event);
        return event;
    }

    /**
     * Application control and services → Application Lifecycle: installation events 1 Install
     * (ServiceInstalled: {@code app.name} ← AdditionalFields ServiceName), executions 3 Start,
     * FirewallServiceStopped 4 Stop, policy events 99 Other; {@code app.path} ← the file's path;
     * Blocked/Audited outcome as security_control.
     */
    static OcsfEvent application(HuntingRow row, String actionType, String action) {
        EnumValue activity;
        if (action.equals("serviceinstalled") || action.contains("installation")) {
            activity = new EnumValue(1, "Install");
        } else if (action.equals("firewallservicestopped")) {
            activity = new EnumValue(4, "Stop");
        } else if (action.contains("policy") && !action.endsWith("blocked") && !action.endsWith("audited")) {
            activity = EnumValue.other(actionType);
        } else {
            activity = new EnumValue(3, "Start");
        }
        OcsfEvent event = row.start(OcsfClass.APPLICATION_LIFECYCLE, activity);
        RecordFields fields = row.fields();
        ObjectNode app = event.object("app");
        AdditionalFields extra = row.additionalFields();
        if (action.equals("serviceinstalled")) {
            extra.take("ServiceName").ifPresent(name -> app.put("name", name));
        } else if (action.equals("firewallservicestopped")) {
            app.put("name", "Windows Defender Firewall");
            app.put("vendor_name", "Microsoft");
        }
        // Only the file's name and location fit the product object; its hashes stay unmapped.
        String name = text(fields.peek("FileName"));
        String folder = text(fields.peek("FolderPath"));
        if (name != null || folder != null) {
            fields.markUsed("FileName", "FolderPath");
            ObjectNode file = FileObject.of(name, folder, FileObject.EXECUTABLE_FILE);
            if (!app.has("name")) {
                app.put("name", file.get("name").asText());
            }
            app.put("path", file.has("path") ? file.get("path").asText() : file.get("name").asText());
        }
        if (app.isEmpty()) {
            event.node().remove("app");
        }
        if (action.endsWith("blocked")) {
            SecurityControl.blocked(event);
        } else if (action.endsWith("audited")) {
            SecurityControl.audited(event);
        }
        deviceAndActor(row, event);
        return event;
    }

    /**
     * Firewall blocks → Network Activity 5 Refuse, action Denied / disposition Blocked; outbound blocks
     * have the device as source, inbound ones as destination.
     */
    static OcsfEvent firewall(HuntingRow row, String action) {
        OcsfEvent event = row.start(OcsfClass.NETWORK_ACTIVITY, new EnumValue(5, "Refuse"));
        EnumValue direction = action.contains("inbound") ? NetworkConnection.INBOUND : NetworkConnection.OUTBOUND;
        NetworkConnection.write(event, row.fields(), direction, true, true);
        SecurityControl.blocked(event);
        deviceAndActor(row, event);
        return event;
    }

    /**
     * DnsQueryResponse → DNS Activity 2 Response: {@code query.hostname} ← AdditionalFields
     * DnsQueryString (else RemoteUrl), {@code answers} ← DnsQueryResult entries' IP addresses.
     */
    static OcsfEvent dnsResponse(HuntingRow row) {
        OcsfEvent event = row.start(OcsfClass.DNS_ACTIVITY, Dns.RESPONSE);
        AdditionalFields extra = row.additionalFields();
        Optional<String> queried = extra.take("DnsQueryString", "QueryName", "query");
        NetworkConnection.write(event, row.fields(), NetworkConnection.OUTBOUND, true, false);
        String hostname = queried.orElseGet(() -> event.node().at("/dst_endpoint/hostname").asText(null));
        if (hostname != null) {
            event.set("query", Dns.query(hostname, null, null, null));
        }
        extra.takeJson("DnsQueryResult").filter(JsonNode::isArray).ifPresent(results -> {
            for (JsonNode result : results) {
                String address = result.path("IpAddress").asText(result.path("Address").asText(null));
                if (address != null) {
                    event.array("answers").add(Dns.answer(address, null));
                }
            }
        });
        if (!event.has("src_endpoint") && !event.has("dst_endpoint")) {
            // A response seen on the device: the device itself is the asking endpoint.
            String device = row.fields().peek("DeviceName") == null ? null : row.fields().peek("DeviceName").asText();
            if (device != null) {
                event.set("src_endpoint.hostname", device);
            }
        }
        deviceAndActor(row, event);
        return event;
    }

    private static String text(JsonNode value) {
        String text = value == null ? null : value.asText().trim();
        return text == null || text.isEmpty() ? null : text;
    }

    /** SecurityLogCleared → Event Log Activity 1 Clear of the Windows Security log. */
    static OcsfEvent logCleared(HuntingRow row) {
        OcsfEvent event = row.start(OcsfClass.EVENT_LOG_ACTIVITY, new EnumValue(1, "Clear"));
        event.set("log_name", "Security");
        new EnumValue(1, "OS").writeTo(event.node(), "log_type_id");
        deviceAndActor(row, event);
        return event;
    }

    /** DriverLoad → Kernel Extension Activity 1 Load; {@code driver.file} ← FileName, FolderPath, hashes. */
    static OcsfEvent driverLoad(HuntingRow row) {
        OcsfEvent event = row.start(OcsfClass.KERNEL_EXTENSION_ACTIVITY, new EnumValue(1, "Load"));
        FileObject.read(row.fields(), FileColumns.TARGET, FileObject.EXECUTABLE_FILE)
                .ifPresent(file -> event.set("driver.file", file));
        deviceAndActor(row, event);
        return event;
    }

    /** PowerShellCommand → Script Activity 1 Execute; {@code script.script_content} ← AdditionalFields Command. */
    static OcsfEvent powerShell(HuntingRow row) {
        OcsfEvent event = row.start(OcsfClass.SCRIPT_ACTIVITY, new EnumValue(1, "Execute"));
        row.additionalFields().take("Command").ifPresent(command -> {
            ObjectNode script = event.object("script");
            script.putObject("script_content").put("value", command);
            new EnumValue(2, "PowerShell").writeTo(script, "type_id");
        });
        deviceAndActor(row, event);
        return event;
    }
}
