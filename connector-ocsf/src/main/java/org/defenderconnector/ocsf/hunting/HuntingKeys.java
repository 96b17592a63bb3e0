package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.ocsf.IsoTimestamp;
import org.defenderconnector.ocsf.RecordFields;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The natural key of an advanced hunting row, used as OCSF {@code metadata.original_event_uid} and
 * usable by sources as the record's natural id. Per Microsoft's table docs:
 * <ul>
 *   <li>Device* tables: ReportId is "a repeating counter ... must be used in conjunction with the
 *       DeviceName and Timestamp columns" → {@code DeviceId|ReportId|Timestamp} (DeviceId rather than
 *       DeviceName because names change; DeviceName when the id is missing);</li>
 *   <li>Email* and UrlClickEvents: the docs give the same warning (there is no device) and a click and
 *       its click-through share a ReportId → {@code ReportId|Timestamp};</li>
 *   <li>Identity*: ReportId is "Unique identifier for the event" → {@code ReportId};</li>
 *   <li>AlertInfo: {@code AlertId}; AlertEvidence rows have no id of their own →
 *       {@code AlertId|EntityType|<the entity's identifying value>}.</li>
 * </ul>
 * Timestamps are normalised to ISO-8601 UTC with full precision so a row read from hunting and from
 * the stream yields the same key.
 */
public final class HuntingKeys {
    private static final String[] EVIDENCE_IDENTITY = {"SHA256", "SHA1", "FileName", "RemoteIP", "RemoteUrl",
            "AccountObjectId", "AccountSid", "AccountUpn", "AccountName", "DeviceId", "DeviceName", "NetworkMessageId",
            "RegistryKey", "OAuthApplicationId", "ApplicationId", "ResourceID", "CloudResource"};

    private HuntingKeys() {
    }

    /** The natural key of {@code row} from {@code table}; null when the row lacks the columns it needs. */
    public static String of(String table, JsonNode row) {
        return of(table, column -> column(row, column));
    }

    /** The same for a record being mapped (its columns are only peeked at: the key does not map them). */
    public static String of(String table, RecordFields fields) {
        return of(table, fields::peek);
    }

    private static String of(String table, Function<String, JsonNode> row) {
        // Table names compared ignoring case without lower-casing a copy of the name on every row.
        if (table.equalsIgnoreCase("AlertInfo")) {
            return text(row, "AlertId");
        }
        if (table.equalsIgnoreCase("AlertEvidence")) {
            return evidenceKey(row);
        }
        String reportId = text(row, "ReportId");
        if (reportId == null) {
            return null;
        }
        if (table.regionMatches(true, 0, "Identity", 0, 8)) {
            return reportId;
        }
        String timestamp = normalisedTime(text(row, "Timestamp"));
        if (table.regionMatches(true, 0, "Device", 0, 6)) {
            String deviceId = text(row, "DeviceId");
            String device = deviceId != null ? deviceId : text(row, "DeviceName");
            return join(device, reportId, timestamp);
        }
        return join(reportId, timestamp);
    }

    private static String evidenceKey(Function<String, JsonNode> row) {
        String alertId = text(row, "AlertId");
        if (alertId == null) {
            return null;
        }
        String entityType = text(row, "EntityType");
        String value = null;
        for (String column : EVIDENCE_IDENTITY) {
            value = text(row, column);
            if (value != null) {
                if (column.equals("RegistryKey") && text(row, "RegistryValueName") != null) {
                    value = value + "\\" + text(row, "RegistryValueName");
                }
                break;
            }
        }
        return join(alertId, entityType, value);
    }

    static String normalisedTime(String text) {
        if (text == null) {
            return null;
        }
        Instant common = IsoTimestamp.parseCommonShape(text);
        if (common != null) {
            return IsoTimestamp.format(common);
        }
        String value = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException again) {
                return text;
            }
        }
    }

    private static String join(String first, String second) {
        return (first == null ? "" : first) + "|" + (second == null ? "" : second);
    }

    private static String join(String first, String second, String third) {
        return (first == null ? "" : first) + "|" + (second == null ? "" : second) + "|" + (third == null ? "" : third);
    }

    /** A column by exact name, else by name ignoring case (as {@link RecordFields} finds it). */
    private static JsonNode column(JsonNode row, String column) {
        JsonNode value = row.get(column);
        if (value == null) {
            var names = row.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.equalsIgnoreCase(column)) {
                    return row.get(name);
                }
            }
        }
        return value;
    }

    private static String text(Function<String, JsonNode> row, String column) {
        JsonNode value = row.apply(column);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
