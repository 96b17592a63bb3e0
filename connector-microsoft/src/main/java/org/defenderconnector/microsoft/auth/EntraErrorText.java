package org.defenderconnector.microsoft.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pieces of an Entra {@code error_description}: "AADSTSnnnn: text\r\nTrace ID: ...\r\n
 * Correlation ID: ...\r\nTimestamp: ...". MSAL only hands us that text, not the JSON's
 * {@code error_codes} / {@code trace_id}, so they are recovered here.
 */
final class EntraErrorText {
    private static final Pattern CODE = Pattern.compile("AADSTS(\\d{4,8})");
    private static final Pattern TRACE = Pattern.compile("Trace ID:\\s*([0-9A-Fa-f-]{8,})");
    private static final Pattern CORRELATION = Pattern.compile("Correlation ID:\\s*([0-9A-Fa-f-]{8,})");

    private EntraErrorText() {
    }

    static Integer code(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = CODE.matcher(description);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static String traceId(String description) {
        return group(TRACE, description);
    }

    static String correlationId(String description) {
        return group(CORRELATION, description);
    }

    /** The first line without the "AADSTSnnnn: " prefix. */
    static String summary(String description) {
        if (description == null) {
            return null;
        }
        String first = description.split("\\r?\\n", 2)[0].strip();
        return first.replaceFirst("^AADSTS\\d+:\\s*", "");
    }

    private static String group(Pattern p, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
