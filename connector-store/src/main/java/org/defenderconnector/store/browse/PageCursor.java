package org.defenderconnector.store.browse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where the next page starts: the (time, uid) of the last event seen, since events are listed newest
 * first by (time, uid). Keyset pagination: every page is one index seek, however deep, unlike OFFSET
 * which re-reads every skipped row. Opaque to clients (base64url).
 */
public record PageCursor(long timeMillis, String uid) {
    private static final Pattern UID = Pattern.compile("[0-9A-Za-z_.:-]{1,128}");

    public PageCursor {
        if (!UID.matcher(uid).matches()) {
            throw new IllegalArgumentException("not an event uid");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((timeMillis + "~" + uid).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this server issued */
    public static PageCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int split = plain.indexOf('~');
            if (split < 1) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new PageCursor(Long.parseLong(plain.substring(0, split)), plain.substring(split + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the cursor is not one this server issued; start again without it", e);
        }
    }
}
