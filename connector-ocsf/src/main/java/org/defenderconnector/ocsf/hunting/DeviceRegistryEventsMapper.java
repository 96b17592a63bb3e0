package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Locale;
import java.util.Optional;

/**
 * DeviceRegistryEvents → the Windows extension's Registry Key Activity (201001) or Registry Value
 * Activity (201002) — in the compiled 1.8.0 schema classes {@code registry_key_activity} /
 * {@code registry_value_activity} of extension {@code win} (uid 2), class_uid = 2*100000 + 1*1000 + uid.
 * <ul>
 *   <li>RegistryKeyCreated 1 Create, RegistryKeyDeleted 4 Delete, RegistryKeyRenamed 5 Rename (key class;
 *       {@code prev_reg_key} = PreviousRegistryKey);</li>
 *   <li>RegistryValueSet 2 Set, RegistryValueDeleted 4 Delete (value class; {@code prev_reg_value} =
 *       the Previous* columns when Defender reports them);</li>
 *   <li>other ActionTypes: 99 Other in the value class when they name a value, else the key class.</li>
 * </ul>
 * RegistryValueData goes to {@code reg_value.data} as Defender's text (OCSF's typed data slots need the
 * raw bytes); RegistryValueType to {@code reg_value.type_id}. {@code actor} = initiating process.
 */
public final class DeviceRegistryEventsMapper extends HuntingMapper {

    public DeviceRegistryEventsMapper() {
        super("DeviceRegistryEvents", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        String action = actionType == null ? "" : actionType.toLowerCase(Locale.ROOT);
        boolean valueEvent = action.contains("value");
        OcsfEvent event;
        RecordFields fields = row.fields();
        if (valueEvent) {
            EnumValue activity = switch (action) {
                case "registryvalueset" -> new EnumValue(2, "Set");
                case "registryvaluedeleted" -> new EnumValue(4, "Delete");
                default -> EnumValue.other(actionType);
            };
            event = row.start(OcsfClass.REGISTRY_VALUE_ACTIVITY, activity);
            value(fields, "RegistryKey", "RegistryValueName", "RegistryValueData", "RegistryValueType")
                    .ifPresent(value -> event.set("reg_value", value));
            previousValue(fields, event);
        } else {
            EnumValue activity = switch (action) {
                case "registrykeycreated" -> new EnumValue(1, "Create");
                case "registrykeydeleted" -> new EnumValue(4, "Delete");
                case "registrykeyrenamed" -> new EnumValue(5, "Rename");
                case "" -> EnumValue.UNKNOWN;
                default -> EnumValue.other(actionType);
            };
            event = row.start(OcsfClass.REGISTRY_KEY_ACTIVITY, activity);
            key(fields.text("RegistryKey")).ifPresent(key -> event.set("reg_key", key));
            if (activity.id() == 5) {
                key(fields.text("PreviousRegistryKey")).ifPresent(key -> event.set("prev_reg_key", key));
            }
        }
        row.device(event, false);
        row.initiatingActor(event);
        row.additionalFields();
        return row.build(event);
    }

    private static Optional<ObjectNode> key(String path) {
        if (path == null) {
            return Optional.empty();
        }
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.put("path", path);
        return Optional.of(key);
    }

    /**
     * A registry value. Defender writes the default ("(Default)") value's name as an empty string;
     * OCSF requires a name, so that becomes "" with {@code is_default}.
     */
    static Optional<ObjectNode> value(RecordFields fields, String keyColumn, String nameColumn, String dataColumn,
                                      String typeColumn) {
        JsonNode nameNode = fields.peek(nameColumn);
        String path = fields.text(keyColumn);
        if (path == null || nameNode == null) {
            return Optional.empty();
        }
        fields.markUsed(nameColumn);
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.put("path", path);
        String name = nameNode.asText();
        value.put("name", name);
        if (name.isEmpty()) {
            value.put("is_default", true);
        }
        if (typeColumn != null) {
            String type = fields.text(typeColumn);
            if (type != null) {
                valueType(type).writeTo(value, "type_id");
            }
        }
        if (dataColumn != null) {
            String data = fields.text(dataColumn);
            if (data != null) {
                value.put("data", data);
            }
        }
        return Optional.of(value);
    }

    /** The value before the change, when Defender reports any Previous* column. */
    private static void previousValue(RecordFields fields, OcsfEvent event) {
        // Defender writes "" for "not populated"; only real previous values make a prev_reg_value.
        String previousKey = nonBlank(fields.peek("PreviousRegistryKey"));
        String previousName = nonBlank(fields.peek("PreviousRegistryValueName"));
        String previousData = nonBlank(fields.peek("PreviousRegistryValueData"));
        JsonNode current = event.node().get("reg_value");
        if (previousKey == null && previousName == null && previousData == null || current == null) {
            return;
        }
        String path = previousKey != null ? previousKey : current.get("path").asText();
        String name = previousName != null ? previousName : current.get("name").asText();
        fields.markUsed("PreviousRegistryKey", "PreviousRegistryValueName");
        ObjectNode previous = event.object("prev_reg_value");
        previous.put("path", path);
        previous.put("name", name);
        String data = fields.text("PreviousRegistryValueData");
        if (data != null) {
            previous.put("data", data);
        }
    }

    private static String nonBlank(JsonNode value) {
        String text = value == null ? null : value.asText();
        return text == null || text.isBlank() ? null : text;
    }

    /** Defender's RegistryValueType words to OCSF {@code reg_value.type_id}. */
    static EnumValue valueType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "binary" -> new EnumValue(1, "REG_BINARY");
            case "dword" -> new EnumValue(2, "REG_DWORD");
            case "dwordbigendian" -> new EnumValue(3, "REG_DWORD_BIG_ENDIAN");
            case "expandstring" -> new EnumValue(4, "REG_EXPAND_SZ");
            case "link" -> new EnumValue(5, "REG_LINK");
            case "multistring" -> new EnumValue(6, "REG_MULTI_SZ");
            case "none" -> new EnumValue(7, "REG_NONE");
            case "qword" -> new EnumValue(8, "REG_QWORD");
            case "qwordlittleendian" -> new EnumValue(9, "REG_QWORD_LITTLE_ENDIAN");
            case "string" -> new EnumValue(10, "REG_SZ");
            case "unknown" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(type);
        };
    }
}
