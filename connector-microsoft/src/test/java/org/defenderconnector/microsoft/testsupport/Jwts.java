package org.defenderconnector.microsoft.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds unsigned JWT-shaped strings for decoder tests. */
public final class Jwts {
    private Jwts() {
    }

    public static String withPayload(String json) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(json.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
