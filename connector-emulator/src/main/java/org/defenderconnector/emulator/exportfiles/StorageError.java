package org.defenderconnector.emulator.exportfiles;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An Azure Storage error: its status, the {@code x-ms-error-code} and the XML body Storage answers with
 * ({@code <Error><Code/><Message/>[<AuthenticationErrorDetail/>]</Error>}, the message ending with the request id
 * and time on lines of their own).
 *
 * @param detail the {@code AuthenticationErrorDetail}, or null
 */
record StorageError(int status, String code, String message, String detail) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    static StorageError authenticationFailed(String detail) {
        return new StorageError(403, "AuthenticationFailed", "Server failed to authenticate the request. Make sure the"
                + " value of Authorization header is formed correctly including the signature.", detail);
    }

    /**
     * A bearer token Storage cannot accept: a token minted for the Defender API carries that API's audience, not
     * https://storage.azure.com, and Storage refuses it with 401 before looking at the SAS.
     */
    static StorageError foreignBearerToken() {
        return new StorageError(401, "InvalidAuthenticationInfo", "Server failed to authenticate the request. Please"
                + " refer to the information in the www-authenticate header.",
                "Audience validation failed. Audience did not match.");
    }

    static StorageError blobNotFound() {
        return new StorageError(404, "BlobNotFound", "The specified blob does not exist.", null);
    }

    String xml(String requestId, Instant time) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>").append(code)
                .append("</Code><Message>").append(escape(message)).append("\nRequestId:").append(requestId)
                .append("\nTime:").append(TIME.format(time)).append("</Message>");
        if (detail != null) {
            xml.append("<AuthenticationErrorDetail>").append(escape(detail)).append("</AuthenticationErrorDetail>");
        }
        return xml.append("</Error>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
