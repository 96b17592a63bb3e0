package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.api.SourceRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns a hunting row into a {@link SourceRecord}: kind = the table name (which picks the OCSF
 * mapper), natural id = the table's natural key, version = a hash of the row's content, time = its
 * Timestamp.
 *
 * <p>Why the content is the version: hunting rows never change once written, and the natural keys are
 * not unique in every table (DeviceNetworkInfo has one row per network adapter in the same report;
 * AlertEvidence can list two entities of one kind with the same identifying value in different roles).
 * With (key, content hash) two different rows never collapse into one, and the same row read twice
 * (a lag re-query, a restart) is recognised as one. The hash is over the columns sorted by name, so
 * it does not depend on the order in which the API lists them.
 */
final class HuntingRecords {
    private HuntingRecords() {
    }

    static SourceRecord toRecord(HuntingTable table, ObjectNode row, RowKey key, Instant fallbackTime) {
        String version = contentHash(row);
        String naturalId = null;
        try {
            naturalId = key.of(table.name(), row);
        } catch (RuntimeException e) {
            // A key function that cannot read this row must not stop the stream: the content identifies it.
        }
        if (naturalId == null || naturalId.isBlank()) {
            naturalId = "sha:" + version;
        }
        Instant time = HuntingResultReader.timestamp(row);
        return new SourceRecord(naturalId, version, time != null ? time : fallbackTime, row.toString(), table.name());
    }

    static String contentHash(JsonNode row) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> names = new ArrayList<>();
            row.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                byte[] n = name.getBytes(StandardCharsets.UTF_8);
                byte[] v = row.get(name).toString().getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(8).putInt(n.length).putInt(v.length).array());
                sha.update(n);
                sha.update(v);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
