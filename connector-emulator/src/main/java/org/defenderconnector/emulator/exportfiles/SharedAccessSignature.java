package org.defenderconnector.emulator.exportfiles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A read-only service SAS for one blob, in the query form Azure Storage uses and Microsoft's sample shows
 * ({@code sv, st, se, sr=b, sp=r, sig}): {@code sig} is an HMAC-SHA256, under a key that lives only in this
 * emulator run, of the permissions, the validity and the blob's path. Checked like Azure Storage checks it:
 * well-formed fields, then the signature, then the validity window.
 */
final class SharedAccessSignature {

    static final String VERSION = "2019-12-12";
    private static final DateTimeFormatter SAS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final byte[] key;

    SharedAccessSignature() {
        key = new byte[32];
        new SecureRandom().nextBytes(key);
    }

    /** The query string granting read of {@code path} from {@code start} until {@code expiry}. */
    String query(String path, Instant start, Instant expiry) {
        String st = SAS_TIME.format(start);
        String se = SAS_TIME.format(expiry);
        String sig = sign("r", st, se, path);
        return "sv=" + VERSION + "&st=" + encode(st) + "&se=" + encode(se) + "&sr=b&sp=r&sig=" + encode(sig);
    }

    /** Why a request for {@code path} with these (decoded) query parameters is refused at {@code now}; empty when allowed. */
    Optional<StorageError> refusal(String path, Map<String, List<String>> query, Instant now) {
        String sv = first(query, "sv");
        String st = first(query, "st");
        String se = first(query, "se");
        String sr = first(query, "sr");
        String sp = first(query, "sp");
        String sig = first(query, "sig");
        if (sig == null) {
            // A blob of a private container read without any credential.
            return Optional.of(StorageError.authenticationFailed("Signature not present in the request."));
        }
        if (sv == null || se == null || sr == null || sp == null) {
            return Optional.of(StorageError.authenticationFailed("Signature fields not well formed."));
        }
        Instant start;
        Instant expiry;
        try {
            start = st == null ? null : SAS_TIME.parse(st, Instant::from);
            expiry = SAS_TIME.parse(se, Instant::from);
        } catch (DateTimeParseException e) {
            return Optional.of(StorageError.authenticationFailed("Signature fields not well formed."));
        }
        byte[] expected = sign(sp, st == null ? "" : st, se, path).getBytes(StandardCharsets.UTF_8);
        if (!"b".equals(sr) || !MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(StorageError.authenticationFailed("Signature did not match. String to sign used was "
                    + sp + "\n" + (st == null ? "" : st) + "\n" + se + "\n/blob/tvmexport" + path + "\n" + sv));
        }
        if (start != null && now.isBefore(start)) {
            return Optional.of(StorageError.authenticationFailed("Signed start time [" + HTTP_DATE.format(start)
                    + "] must be before current time [" + HTTP_DATE.format(now) + "]"));
        }
        if (!now.isBefore(expiry)) {
            return Optional.of(StorageError.authenticationFailed("Signed expiry time [" + HTTP_DATE.format(expiry)
                    + "] must be after current time [" + HTTP_DATE.format(now) + "]"));
        }
        if (!sp.contains("r")) {
            return Optional.of(new StorageError(403, "AuthorizationPermissionMismatch",
                    "This request is not authorized to perform this operation using this permission.", null));
        }
        return Optional.empty();
    }

    private String sign(String permissions, String start, String expiry, String path) {
        String toSign = permissions + "\n" + start + "\n" + expiry + "\n/blob/tvmexport" + path + "\n" + VERSION;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
