package org.defenderconnector.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deterministic event id: the same (tenant, stream, natural id, version) always gives the same
 * uid, so a record read twice (after a crash, an overlap window, a retried page) is recognised.
 */
public final class EventUid {
    private EventUid() {
    }

    public static String of(String tenant, String stream, String naturalId, String version) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {tenant, stream, naturalId, version}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length-prefix each part so ("ab","c") and ("a","bc") never collide.
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }

    public static String of(StreamId id, SourceRecord record) {
        return of(id.tenant(), id.stream(), record.naturalId(), record.version());
    }
}
