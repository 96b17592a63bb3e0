package org.defenderconnector.microsoft.sources;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** 64-bit content hashes: the version of records that have no update time (snapshots, exports). */
final class ContentHash {
    private ContentHash() {
    }

    static long of(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(long hash) {
        return HexFormat.of().toHexDigits(hash);
    }

    static String versionOf(String text) {
        return hex(of(text));
    }
}
