package org.defenderconnector.microsoft.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A download URL signed with a shared access signature (an export file in Azure Storage). Its query string
 * is a credential: whoever has it reads the file until it expires. So the URL is never logged, never put in
 * a message or a position: {@link #toString()} and {@link #redacted()} give it without its query, and
 * {@link #redact(String)} strips it from any text (an exception message) that might hold it.
 */
public record SignedUrl(URI uri) {
    public SignedUrl {
        Objects.requireNonNull(uri, "uri");
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            // A SAS sent in clear text is a credential given away.
            throw new IllegalArgumentException("a signed download URL must be https, not " + uri.getScheme());
        }
    }

    /** Parses a URL as received (e.g. an {@code exportFiles} entry). */
    public static SignedUrl parse(String url) {
        return new SignedUrl(URI.create(url));
    }

    /** The blob: the path without host or query (stable across listings of the same export; not secret). */
    public String path() {
        return uri.getRawPath();
    }

    /** The URL without its query: safe to log. */
    public String redacted() {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    /** When the signature stops working: its {@code se} field, if present and readable. */
    public Optional<Instant> expiry() {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("se=")) {
                try {
                    return Optional.of(Instant.parse(URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8)));
                } catch (DateTimeParseException | IllegalArgumentException unreadable) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** {@code text} with this URL's query (raw or decoded) and signature removed; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return text;
        }
        String out = text.replace(query, "<SAS removed>");
        String decoded = uri.getQuery();
        if (decoded != null && !decoded.isEmpty()) {
            out = out.replace(decoded, "<SAS removed>");
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("sig=") && pair.length() > 4) {
                String sig = pair.substring(4);
                out = out.replace(sig, "<SAS removed>")
                        .replace(URLDecoder.decode(sig, StandardCharsets.UTF_8), "<SAS removed>");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return redacted();
    }
}
