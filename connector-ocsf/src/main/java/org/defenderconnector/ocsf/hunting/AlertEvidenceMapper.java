package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.DeviceObject;
import org.defenderconnector.ocsf.objects.EndpointObject;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.FileColumns;
import org.defenderconnector.ocsf.objects.FileObject;
import org.defenderconnector.ocsf.objects.IpAddress;
import org.defenderconnector.ocsf.objects.UserColumns;
import org.defenderconnector.ocsf.objects.UserObject;

import java.util.Locale;
import java.util.Optional;

/**
 * AlertEvidence (one row per entity of an alert) → Detection Finding (2004), 2 Update: the finding
 * (AlertId, as in AlertInfo) updated with one piece of evidence. Each row stays its own event; joining
 * rows is left to the consumer, on {@code finding_info.uid}.
 *
 * <p>{@code evidences[0].name} = EntityType and the entity by type: File → {@code file}; Process →
 * {@code process} when AdditionalFields gives its ProcessId, else its image as {@code file};
 * User/Account/Mailbox → {@code user}; Machine → {@code device}; Ip → {@code src_endpoint} or
 * {@code dst_endpoint} by EvidenceDirection; Url → {@code url}; RegistryKey/RegistryValue →
 * {@code reg_key}/{@code reg_value}; CloudApplication/OAuthApplication → {@code actor.app_name/app_uid};
 * cloud resources → the finding's {@code resources} (EvidenceRole → role_id) named in the evidence's
 * {@code data}; MailMessage → {@code data} with the message id and subject (OCSF's
 * email object needs a sender or recipient, which the row does not have); anything else → {@code data}
 * naming the type. The device the evidence was seen on (DeviceId/DeviceName) is the finding's
 * {@code device}; ThreatFamily → {@code malware[0].name}.
 */
public final class AlertEvidenceMapper extends HuntingMapper {
    private static final FileColumns EVIDENCE_FILE =
            new FileColumns("FileName", "FolderPath", null, "SHA1", "SHA256", "FileSize", null);

    public AlertEvidenceMapper() {
        super("AlertEvidence", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        RecordFields fields = row.fields();
        OcsfEvent event = row.start(OcsfClass.DETECTION_FINDING, new EnumValue(2, "Update"));
        AlertFinding.write(event, fields, "Categories");
        String entityType = fields.text("EntityType");
        ObjectNode evidence = JsonNodeFactory.instance.objectNode();
        if (entityType != null) {
            evidence.put("name", entityType);
        }
        AdditionalFields extra = row.additionalFields();
        entity(entityType == null ? "" : entityType.toLowerCase(Locale.ROOT), fields, extra, evidence);
        JsonNode resource = evidence.remove("resource");
        if (resource != null) {
            event.array("resources").add(resource);
            ObjectNode data = evidence.putObject("data");
            data.put("EntityType", entityType);
            data.put("resource", resource.has("uid") ? resource.get("uid").asText() : resource.get("name").asText());
        }
        if (evidence.size() == (evidence.has("name") ? 1 : 0)) {
            evidence.putObject("data").put("EntityType", entityType == null ? "unknown" : entityType);
        }
        event.array("evidences").add(evidence);
        DeviceObject.read(fields).ifPresent(device -> {
            JsonNode local = fields.peek("LocalIP");
            if (local != null && IpAddress.isValid(local.asText().trim())) {
                fields.markUsed("LocalIP");
                device.put("ip", local.asText().trim());
            }
            event.set("device", device);
            if (evidence.has("device")) {
                evidence.set("device", device.deepCopy());
            }
        });
        String family = fields.text("ThreatFamily");
        if (family != null) {
            ObjectNode malware = event.array("malware").addObject();
            malware.put("name", family);
            malware.putArray("classification_ids").add(0);
            malware.putArray("classifications").add("Unknown");
        }
        return row.build(event);
    }

    private static void entity(String type, RecordFields fields, AdditionalFields extra, ObjectNode evidence) {
        switch (type) {
            case "file" -> FileObject.read(fields, EVIDENCE_FILE, FileObject.REGULAR_FILE)
                    .ifPresent(file -> evidence.set("file", file));
            case "process" -> process(fields, extra, evidence);
            case "user", "account", "mailbox" -> UserObject.read(fields, UserColumns.ACCOUNT)
                    .ifPresent(user -> evidence.set("user", user));
            case "machine", "device" -> {
                // Filled from DeviceId/DeviceName with the finding's device; the marker asks for a copy.
                if (fields.peek("DeviceId") != null || fields.peek("DeviceName") != null) {
                    evidence.putObject("device");
                }
            }
            case "ip" -> {
                String direction = fields.peek("EvidenceDirection") == null ? ""
                        : fields.peek("EvidenceDirection").asText().toLowerCase(Locale.ROOT);
                JsonNode ip = fields.peek("RemoteIP");
                if (ip != null) {
                    EndpointObject.of(ip.asText().trim(), null, null).ifPresent(endpoint -> {
                        fields.markUsed("RemoteIP", "EvidenceDirection");
                        evidence.set(direction.startsWith("source") ? "src_endpoint" : "dst_endpoint", endpoint);
                    });
                }
            }
            case "url" -> {
                String url = fields.text("RemoteUrl");
                if (url != null) {
                    evidence.putObject("url").put("url_string", url);
                }
            }
            case "registrykey" -> {
                String key = fields.text("RegistryKey");
                if (key != null) {
                    evidence.putObject("reg_key").put("path", key);
                }
            }
            case "registryvalue" -> DeviceRegistryEventsMapper.value(fields, "RegistryKey", "RegistryValueName",
                    "RegistryValueData", null).ifPresent(value -> evidence.set("reg_value", value));
            case "cloudapplication", "oauthapplication" -> application(fields, evidence);
            case "mailmessage", "mailcluster" -> {
                ObjectNode data = JsonNodeFactory.instance.objectNode();
                putText(data, "NetworkMessageId", fields.text("NetworkMessageId"));
                putText(data, "EmailSubject", fields.text("EmailSubject"));
                if (!data.isEmpty()) {
                    evidence.set("data", data);
                }
            }
            default -> {
                if (type.contains("resource") || fields.peek("ResourceID") != null && type.contains("cloud")) {
                    resource(fields, evidence);
                }
            }
        }
    }

    /** A process entity: a process when its id is known (AdditionalFields), else its image file. */
    private static void process(RecordFields fields, AdditionalFields extra, ObjectNode evidence) {
        Optional<Long> pid = extra.peek("ProcessId").isPresent() ? extra.takeLong("ProcessId") : Optional.empty();
        Optional<ObjectNode> image = FileObject.read(fields, EVIDENCE_FILE, FileObject.EXECUTABLE_FILE);
        if (pid.isPresent() && pid.get() >= 0 && pid.get() <= Integer.MAX_VALUE) {
            ObjectNode process = evidence.putObject("process");
            process.put("pid", pid.get().intValue());
            image.ifPresent(file -> {
                process.put("name", file.get("name").asText());
                process.set("file", file);
            });
            putText(process, "cmd_line", fields.text("ProcessCommandLine"));
            extra.take("CreationTimeUtc").flatMap(t -> org.defenderconnector.ocsf.DefenderTime.toEpochMillis(t))
                    .ifPresent(created -> process.put("created_time", created));
        } else {
            image.ifPresent(file -> evidence.set("file", file));
        }
    }

    private static void application(RecordFields fields, ObjectNode evidence) {
        String name = fields.text("Application");
        String uid = fields.text("OAuthApplicationId");
        if (uid == null) {
            Long id = fields.longValue("ApplicationId");
            uid = id == null ? null : Long.toString(id);
        }
        if (name != null || uid != null) {
            ObjectNode actor = evidence.putObject("actor");
            putText(actor, "app_name", name);
            putText(actor, "app_uid", uid);
        }
    }

    /**
     * A cloud resource: evidence objects cannot carry resources alone (OCSF needs one of their entity
     * attributes), so the resource goes to the finding's {@code resources} with EvidenceRole as its
     * role, and the evidence names it in {@code data}.
     */
    private static void resource(RecordFields fields, ObjectNode evidence) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        putText(resource, "uid", fields.text("ResourceID"));
        putText(resource, "name", fields.text("CloudResource"));
        putText(resource, "type", fields.text("ResourceType"));
        if (resource.has("uid") || resource.has("name")) {
            String role = fields.text("EvidenceRole");
            if (role != null) {
                role(role).writeTo(resource, "role_id");
            }
            evidence.set("resource", resource);
        }
    }

    /** EvidenceRole (Impacted, Related, Contextual...) to OCSF resource role. */
    private static EnumValue role(String role) {
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "impacted" -> new EnumValue(3, "Affected");
            case "related", "contextual" -> new EnumValue(4, "Related");
            case "unknown" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(role);
        };
    }

    private static void putText(ObjectNode node, String attribute, String value) {
        if (value != null) {
            node.put(attribute, value);
        }
    }
}
