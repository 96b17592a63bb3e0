package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.RecordFields;

import java.util.Locale;
import java.util.Optional;

/**
 * Builds an OCSF {@code process} from one family of Defender process columns: {@code pid},
 * {@code uid} (Defender's unique process id when present), {@code cmd_line}, {@code created_time},
 * {@code name} and {@code file} (the image), {@code integrity_id}, {@code user}, {@code session} (logon
 * id, RDP flag) and {@code parent_process}.
 *
 * <p>OCSF requires a process to carry {@code pid}, {@code uid} or {@code cpid}; without one no object is
 * built and the columns stay unread (so they land under {@code unmapped}).
 */
public final class ProcessObject {
    private ProcessObject() {
    }

    public static Optional<ObjectNode> read(RecordFields record, ProcessColumns columns) {
        Integer pid = peekPid(record, columns.pid());
        String uniqueId = peekText(record, columns.uniqueId());
        if (pid == null && uniqueId == null) {
            return Optional.empty();
        }
        ObjectNode process = JsonNodeFactory.instance.objectNode();
        if (pid != null) {
            record.markUsed(columns.pid());
            process.put("pid", pid);
        }
        if (uniqueId != null) {
            record.markUsed(columns.uniqueId());
            process.put("uid", uniqueId);
        }
        FileObject.read(record, columns.file(), FileObject.EXECUTABLE_FILE).ifPresent(file -> {
            process.put("name", file.get("name").asText());
            process.set("file", file);
        });
        putText(process, "cmd_line", record, columns.commandLine());
        if (columns.creationTime() != null) {
            Long created = record.time(columns.creationTime());
            if (created != null) {
                process.put("created_time", created);
            }
        }
        if (columns.integrityLevel() != null) {
            String level = record.text(columns.integrityLevel());
            if (level != null) {
                integrity(level).writeTo(process, "integrity_id");
            }
        }
        if (columns.user() != null) {
            UserObject.read(record, columns.user()).ifPresent(user -> process.set("user", user));
        }
        session(record, columns).ifPresent(session -> process.set("session", session));
        if (columns.parent() != null) {
            read(record, columns.parent()).ifPresent(parent -> process.set("parent_process", parent));
        }
        return Optional.of(process);
    }

    /** Windows integrity levels as Defender spells them, to OCSF {@code integrity_id}. */
    public static EnumValue integrity(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "untrusted" -> new EnumValue(1, "Untrusted");
            case "low" -> new EnumValue(2, "Low");
            case "medium" -> new EnumValue(3, "Medium");
            case "high" -> new EnumValue(4, "High");
            case "system" -> new EnumValue(5, "System");
            case "protected" -> new EnumValue(6, "Protected");
            case "unknown" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(level);
        };
    }

    private static Optional<ObjectNode> session(RecordFields record, ProcessColumns columns) {
        ObjectNode session = JsonNodeFactory.instance.objectNode();
        if (columns.logonId() != null) {
            Long logonId = record.longValue(columns.logonId());
            if (logonId != null) {
                session.put("uid", Long.toString(logonId));
            }
        }
        if (columns.isRemoteSession() != null) {
            Boolean remote = record.bool(columns.isRemoteSession());
            if (remote != null) {
                session.put("is_remote", remote);
            }
        }
        return session.isEmpty() ? Optional.empty() : Optional.of(session);
    }

    private static Integer peekPid(RecordFields record, String column) {
        if (column == null) {
            return null;
        }
        JsonNode value = record.peek(column);
        if (value == null) {
            return null;
        }
        long pid;
        if (value.isIntegralNumber()) {
            pid = value.longValue();
        } else {
            try {
                pid = Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return pid >= 0 && pid <= Integer.MAX_VALUE ? (int) pid : null;
    }

    private static String peekText(RecordFields record, String column) {
        if (column == null) {
            return null;
        }
        JsonNode value = record.peek(column);
        String text = value == null ? null : value.asText().trim();
        return text == null || text.isEmpty() ? null : text;
    }

    private static void putText(ObjectNode node, String attribute, RecordFields record, String column) {
        if (column != null) {
            String text = record.text(column);
            if (text != null) {
                node.put(attribute, text);
            }
        }
    }
}
