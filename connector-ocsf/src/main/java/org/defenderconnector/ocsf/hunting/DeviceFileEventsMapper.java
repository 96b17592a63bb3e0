package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.FileColumns;
import org.defenderconnector.ocsf.objects.FileObject;

import java.util.Locale;
import java.util.Optional;

/**
 * DeviceFileEvents → File System Activity (1001): FileCreated 1 Create, FileModified 3 Update,
 * FileDeleted 4 Delete, FileRenamed 5 Rename, anything else 99 Other.
 * <ul>
 *   <li>{@code file} = the file acted on (FileName, FolderPath, hashes, FileSize); for a rename, OCSF's
 *       {@code file} is the target before the change (PreviousFileName/PreviousFolderPath) and
 *       {@code file_result} the renamed file, both with the content's hashes;</li>
 *   <li>FileOriginUrl → {@code file.url}; SensitivityLabel → {@code file.confidentiality_id};
 *       IsAzureInfoProtectionApplied → {@code file.is_encrypted} (AIP protection encrypts);</li>
 *   <li>{@code actor} = the initiating process; {@code device} = DeviceId/DeviceName.</li>
 * </ul>
 * The SMB/NFS request columns (Request*, ShareName) have no place in this class and stay unmapped.
 */
public final class DeviceFileEventsMapper extends HuntingMapper {
    private static final FileColumns PREVIOUS = new FileColumns("PreviousFileName", "PreviousFolderPath",
            null, null, null, null, null);

    public DeviceFileEventsMapper() {
        super("DeviceFileEvents", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        EnumValue activity = switch (actionType == null ? "" : actionType.toLowerCase(Locale.ROOT)) {
            case "filecreated" -> new EnumValue(1, "Create");
            case "filemodified" -> new EnumValue(3, "Update");
            case "filedeleted" -> new EnumValue(4, "Delete");
            case "filerenamed" -> new EnumValue(5, "Rename");
            case "" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(actionType);
        };
        OcsfEvent event = row.start(OcsfClass.FILE_SYSTEM_ACTIVITY, activity);
        RecordFields fields = row.fields();
        FileObject.read(fields, FileColumns.TARGET, FileObject.REGULAR_FILE).ifPresent(file -> {
            fileDetails(fields, file);
            Optional<ObjectNode> previous = activity.id() == 5 ? previous(fields, file) : Optional.empty();
            if (previous.isPresent()) {
                event.set("file", previous.get());
                event.set("file_result", file);
            } else {
                event.set("file", file);
            }
        });
        row.device(event, false);
        row.initiatingActor(event);
        row.additionalFields();
        return row.build(event);
    }

    /** The file before the rename: its old name and folder, with the (unchanged) content's hashes and size. */
    private static Optional<ObjectNode> previous(RecordFields fields, ObjectNode renamed) {
        String name = text(fields.peek(PREVIOUS.name()));
        String folder = text(fields.peek(PREVIOUS.folderPath()));
        if (name == null && folder == null) {
            return Optional.empty();
        }
        fields.markUsed(PREVIOUS.name(), PREVIOUS.folderPath());
        ObjectNode previous = FileObject.of(name != null ? name : renamed.get("name").asText(), folder,
                FileObject.REGULAR_FILE);
        for (String attribute : new String[] {"hashes", "size"}) {
            if (renamed.has(attribute)) {
                previous.set(attribute, renamed.get(attribute).deepCopy());
            }
        }
        return Optional.of(previous);
    }

    private static void fileDetails(RecordFields fields, ObjectNode file) {
        String origin = fields.text("FileOriginUrl");
        if (origin != null) {
            file.putObject("url").put("url_string", origin);
        }
        String label = fields.text("SensitivityLabel");
        if (label != null) {
            confidentiality(label).writeTo(file, "confidentiality_id");
        }
        Boolean protectedByAip = fields.bool("IsAzureInfoProtectionApplied");
        if (protectedByAip != null) {
            file.put("is_encrypted", protectedByAip);
        }
    }

    /** Microsoft Purview labels are tenant-defined words; those equal to an OCSF caption map to it. */
    static EnumValue confidentiality(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "public", "not confidential", "non-business" -> new EnumValue(1, "Not Confidential");
            case "confidential" -> new EnumValue(2, "Confidential");
            case "secret", "highly confidential" -> new EnumValue(3, "Secret");
            case "top secret" -> new EnumValue(4, "Top Secret");
            case "private", "personal" -> new EnumValue(5, "Private");
            case "restricted" -> new EnumValue(6, "Restricted");
            default -> EnumValue.other(label);
        };
    }

    private static String text(JsonNode value) {
        String text = value == null ? null : value.asText().trim();
        return text == null || text.isEmpty() ? null : text;
    }
}
