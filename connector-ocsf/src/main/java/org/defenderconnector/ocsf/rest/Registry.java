package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** OCSF {@code reg_key}/{@code reg_value} from Defender's separate hive and key fields. */
final class Registry {
    private Registry() {
    }

    /** The key, or null without a key path; the hive is prefixed unless the key already starts with one. */
    static ObjectNode key(EntityFields entity, String hiveField, String keyField) {
        String path = path(entity, hiveField, keyField);
        if (path == null) {
            return null;
        }
        ObjectNode key = OcsfNode.object();
        key.put("path", path);
        return key;
    }

    static String path(EntityFields entity, String hiveField, String keyField) {
        if (entity.peekText(keyField) == null) {
            return null;
        }
        String key = entity.text(keyField);
        String hive = entity.text(hiveField);
        if (hive == null || key.toUpperCase(Locale.ROOT).startsWith("HKEY_") || key.startsWith(hive)) {
            return key;
        }
        return hive + "\\" + key;
    }

    /** OCSF reg_value.type_id from Defender's value type words (String, Dword, REG_SZ...). */
    static void putValueType(ObjectNode value, String defenderType) {
        if (defenderType == null) {
            return;
        }
        String t = defenderType.toLowerCase(Locale.ROOT).replace("reg_", "").replace("_", "");
        switch (t) {
            case "binary" -> OcsfNode.putEnum(value, "type_id", 1, "type", "REG_BINARY");
            case "dword" -> OcsfNode.putEnum(value, "type_id", 2, "type", "REG_DWORD");
            case "dwordbigendian" -> OcsfNode.putEnum(value, "type_id", 3, "type", "REG_DWORD_BIG_ENDIAN");
            case "expandstring", "expandsz" -> OcsfNode.putEnum(value, "type_id", 4, "type", "REG_EXPAND_SZ");
            case "link" -> OcsfNode.putEnum(value, "type_id", 5, "type", "REG_LINK");
            case "multistring", "multisz" -> OcsfNode.putEnum(value, "type_id", 6, "type", "REG_MULTI_SZ");
            case "none" -> OcsfNode.putEnum(value, "type_id", 7, "type", "REG_NONE");
            case "qword" -> OcsfNode.putEnum(value, "type_id", 8, "type", "REG_QWORD");
            case "string", "sz" -> OcsfNode.putEnum(value, "type_id", 10, "type", "REG_SZ");
            default -> OcsfNode.putEnum(value, "type_id", 99, "type", defenderType);
        }
    }
}
