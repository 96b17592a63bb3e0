package org.defenderconnector.streaming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import org.defenderconnector.api.SourceRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * Turns one Streaming API record envelope ({@code {time, tenantId, category, operationName, properties,
 * _TimeReceivedBySvc, Tenant, ...}}) into a {@link SourceRecord}.
 *
 * <p><b>What rawJson holds.</b> The OCSF mappers read an advanced hunting <em>row</em>, the same shape the
 * hunting API returns, so rawJson is the {@code properties} object. Every other envelope field is kept,
 * byte for byte, under the reserved key {@value #ENVELOPE_KEY} appended to that row: nothing of the line
 * is lost, and a mapper that does not read it finds it under OCSF {@code unmapped}.
 *
 * <p>The work is one streaming pass over the bytes (no tree): the envelope fields and the row are
 * spliced by byte offsets, which keeps ingestion close to parse-only speed.
 */
public final class StreamedRecordParser {
    /** The key under which the envelope fields (all but {@code properties}) are kept in rawJson. */
    public static final String ENVELOPE_KEY = "_envelope";
    /** Streaming categories are the advanced hunting table name with this prefix. */
    public static final String CATEGORY_PREFIX = "AdvancedHunting-";
    /**
     * Storage containers and per-table Event Hubs are named this prefix plus the lower-case table
     * ({@code insights-logs-advancedhunting-devicenetworkevents}), as Azure Monitor names exported categories.
     */
    public static final String RESOURCE_PREFIX = "insights-logs-advancedhunting-";

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final byte[] ENVELOPE_OPEN = (",\"" + ENVELOPE_KEY + "\":{").getBytes(StandardCharsets.US_ASCII);

    /**
     * @param fallbackKind the table to use when the record has no {@code category} (derived from the
     *                     container or Event Hub name), or null to treat such a record as malformed
     * @param fallbackTime event time when neither {@code properties.Timestamp} nor {@code time} parses
     */
    public SourceRecord parse(byte[] buf, int from, int to, String fallbackKind, Instant fallbackTime)
            throws MalformedRecordException {
        try (JsonParser parser = JSON.createParser(buf, from, to - from)) {
            return parse(parser, buf, from, fallbackKind, fallbackTime);
        } catch (StreamReadException e) {
            throw new MalformedRecordException("not valid JSON: " + e.getOriginalMessage()
                    + " at byte " + e.getLocation().getByteOffset(), e);
        } catch (IOException e) {
            throw new MalformedRecordException("cannot read the record: " + e.getMessage(), e);
        }
    }

    private SourceRecord parse(JsonParser parser, byte[] buf, int base, String fallbackKind, Instant fallbackTime)
            throws IOException, MalformedRecordException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedRecordException("a streamed record must be a JSON object");
        }
        String category = null;
        String envelopeTime = null;
        int propsStart = -1;
        int propsEnd = -1;
        RowKeys row = null;
        // Envelope fields as [start, end) byte ranges of `"name":value`, relative to base.
        int[] spans = new int[16];
        int spanCount = 0;
        int fieldStart = -1;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            int tokenStart = (int) parser.currentTokenLocation().getByteOffset();
            if (fieldStart >= 0) {
                spans = add(spans, spanCount, fieldStart, tokenStart);
                spanCount++;
                fieldStart = -1;
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("properties".equals(name)) {
                if (value != JsonToken.START_OBJECT) {
                    throw new MalformedRecordException("'properties' is not a JSON object");
                }
                propsStart = (int) parser.currentTokenLocation().getByteOffset();
                row = readRowKeys(parser);
                propsEnd = (int) parser.currentTokenLocation().getByteOffset() + 1;
                continue;
            }
            fieldStart = tokenStart;
            if ("category".equals(name) && value == JsonToken.VALUE_STRING) {
                category = parser.getText();
            } else if ("time".equals(name) && value == JsonToken.VALUE_STRING) {
                envelopeTime = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new MalformedRecordException("unexpected " + token + " in the record envelope");
        }
        if (fieldStart >= 0) {
            spans = add(spans, spanCount, fieldStart, (int) parser.currentTokenLocation().getByteOffset());
            spanCount++;
        }
        if (parser.nextToken() != null) {
            throw new MalformedRecordException("trailing data after the record");
        }
        if (propsStart < 0) {
            throw new MalformedRecordException("the record has no 'properties' object (the advanced hunting row)");
        }
        String kind = kindOf(category, fallbackKind);
        String rawJson = splice(buf, base, propsStart, propsEnd, spans, spanCount);
        Instant time = firstTime(row.timestamp, envelopeTime, fallbackTime);
        String naturalId = row.reportId != null && row.deviceId != null && row.timestamp != null
                ? kind + ":" + row.reportId + ":" + row.deviceId + ":" + row.timestamp
                : kind + ":sha256:" + sha256(buf, base + propsStart, propsEnd - propsStart);
        return new SourceRecord(naturalId, "1", time, rawJson, kind);
    }

    private static String kindOf(String category, String fallbackKind) throws MalformedRecordException {
        if (category != null && !category.isBlank()) {
            return category.startsWith(CATEGORY_PREFIX) ? category.substring(CATEGORY_PREFIX.length()) : category;
        }
        if (fallbackKind != null) {
            return fallbackKind;
        }
        throw new MalformedRecordException("the record has no 'category' (AdvancedHunting-<Table>)");
    }

    /** The three row columns that identify an event; everything else in the row is skipped, not copied. */
    private record RowKeys(String timestamp, String reportId, String deviceId) {
    }

    private static RowKeys readRowKeys(JsonParser parser) throws IOException {
        String timestamp = null;
        String reportId = null;
        String deviceId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                switch (name) {
                    case "Timestamp" -> timestamp = parser.getText();
                    case "ReportId" -> reportId = parser.getText();
                    case "DeviceId" -> deviceId = parser.getText();
                    default -> {
                        // other columns are kept by the byte splice, not read here
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return new RowKeys(timestamp, emptyToNull(reportId), emptyToNull(deviceId));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** {@code {row columns..., "_envelope":{envelope fields...}}} assembled from byte ranges of the line. */
    private static String splice(byte[] buf, int base, int propsStart, int propsEnd, int[] spans, int spanCount) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(propsEnd - propsStart + 256);
        int lastBrace = base + propsEnd - 1;
        boolean emptyRow = true;
        for (int i = base + propsStart + 1; i < lastBrace; i++) {
            if (!isWhitespace(buf[i])) {
                emptyRow = false;
                break;
            }
        }
        if (emptyRow) {
            out.write('{');
            out.write(ENVELOPE_OPEN, 1, ENVELOPE_OPEN.length - 1);
        } else {
            out.write(buf, base + propsStart, lastBrace - (base + propsStart));
            out.write(ENVELOPE_OPEN, 0, ENVELOPE_OPEN.length);
        }
        for (int i = 0; i < spanCount; i++) {
            int start = base + spans[2 * i];
            int end = base + spans[2 * i + 1];
            // The span runs up to the next token: drop the separating comma and whitespace.
            while (end > start && (isWhitespace(buf[end - 1]) || buf[end - 1] == ',')) {
                end--;
            }
            if (i > 0) {
                out.write(',');
            }
            out.write(buf, start, end - start);
        }
        out.write('}');
        out.write('}');
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static int[] add(int[] spans, int count, int start, int end) {
        int[] target = spans.length < 2 * count + 2 ? java.util.Arrays.copyOf(spans, spans.length * 2) : spans;
        target[2 * count] = start;
        target[2 * count + 1] = end;
        return target;
    }

    private static Instant firstTime(String timestamp, String envelopeTime, Instant fallback) {
        Instant t = parseTime(timestamp);
        if (t == null) {
            t = parseTime(envelopeTime);
        }
        return t != null ? t : fallback;
    }

    /** Defender times are ISO-8601 with up to 7 fraction digits; one capture had no zone, read as UTC. */
    static Instant parseTime(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant fast = fastUtc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, the shape of every Defender time, without the formatter
     * machinery (which costs as much as parsing the rest of the record). Anything else returns null.
     */
    private static Instant fastUtc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        try {
            long days = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of s[from, to), or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String sha256(byte[] buf, int offset, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(buf, offset, length);
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }
}
