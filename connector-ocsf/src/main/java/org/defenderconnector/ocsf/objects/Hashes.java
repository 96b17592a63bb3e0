package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.defenderconnector.ocsf.RecordFields;

import java.util.Optional;

/**
 * OCSF {@code fingerprint} objects from Defender's hash columns. Every hash the record carries is kept
 * (public mappings keep only one and lose the others); the order is fixed (MD5, SHA-1, SHA-256) so
 * output is stable.
 */
public final class Hashes {
    public static final EnumValue MD5 = new EnumValue(1, "MD5");
    public static final EnumValue SHA1 = new EnumValue(2, "SHA-1");
    public static final EnumValue SHA256 = new EnumValue(3, "SHA-256");

    private Hashes() {
    }

    /** The fingerprints found in the given columns (any column name may be null); empty when none. */
    public static Optional<ArrayNode> read(RecordFields record, String md5Column, String sha1Column, String sha256Column) {
        ArrayNode hashes = JsonNodeFactory.instance.arrayNode();
        add(hashes, MD5, text(record, md5Column));
        add(hashes, SHA1, text(record, sha1Column));
        add(hashes, SHA256, text(record, sha256Column));
        return hashes.isEmpty() ? Optional.empty() : Optional.of(hashes);
    }

    /** A fingerprint object; its three attributes are held as a {@link SmallAttributes}, not a hash map. */
    public static ObjectNode fingerprint(EnumValue algorithm, String value) {
        return new ObjectNode(JsonNodeFactory.instance, new SmallAttributes("algorithm_id", algorithm.idNode(),
                "algorithm", algorithm.captionNode(), "value", TextNode.valueOf(value)));
    }

    /**
     * The algorithm of a hex digest judged by its length, for columns that only say "hash"
     * (32 hex digits MD5, 40 SHA-1, 64 SHA-256); unknown otherwise.
     */
    public static EnumValue algorithmOfHexDigest(String value) {
        if (value == null || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return EnumValue.UNKNOWN;
        }
        return switch (value.length()) {
            case 32 -> MD5;
            case 40 -> SHA1;
            case 64 -> SHA256;
            default -> EnumValue.UNKNOWN;
        };
    }

    private static void add(ArrayNode hashes, EnumValue algorithm, String value) {
        if (value != null && !value.isBlank()) {
            hashes.add(fingerprint(algorithm, value.trim()));
        }
    }

    private static String text(RecordFields record, String column) {
        return column == null ? null : record.text(column);
    }
}
