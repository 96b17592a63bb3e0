package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** OCSF {@code fingerprint} objects ({@code file.hashes[]}) from the hash values Defender reports. */
final class Fingerprints {
    static final int MD5 = 1;
    static final int SHA1 = 2;
    static final int SHA256 = 3;

    private Fingerprints() {
    }

    /** Hashes in a fixed order (MD5, SHA-1, SHA-256); absent values are skipped; empty when none. */
    static ArrayNode of(String md5, String sha1, String sha256) {
        ArrayNode hashes = OcsfNode.array();
        add(hashes, MD5, md5);
        add(hashes, SHA1, sha1);
        add(hashes, SHA256, sha256);
        return hashes;
    }

    static ObjectNode one(int algorithmId, String value) {
        ObjectNode hash = OcsfNode.object();
        OcsfNode.putEnum(hash, "algorithm_id", algorithmId, "algorithm", caption(algorithmId));
        hash.put("value", value);
        return hash;
    }

    /** The algorithm of Defender's hash type words (Sha1, FileSha256, md5...), or null when not a hash type. */
    static Integer algorithmOf(String defenderType) {
        if (defenderType == null) {
            return null;
        }
        String type = defenderType.toLowerCase(Locale.ROOT);
        if (type.endsWith("sha256")) {
            return SHA256;
        }
        if (type.endsWith("sha1")) {
            return SHA1;
        }
        if (type.endsWith("md5")) {
            return MD5;
        }
        return null;
    }

    private static void add(ArrayNode hashes, int algorithmId, String value) {
        if (value != null && !value.isBlank()) {
            hashes.add(one(algorithmId, value));
        }
    }

    private static String caption(int algorithmId) {
        return switch (algorithmId) {
            case MD5 -> "MD5";
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            default -> "Other";
        };
    }
}
