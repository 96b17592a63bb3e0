package org.defenderconnector.microsoft.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Streams a GZIP-compressed multiline JSON file (one JSON object per line, the export files' format)
 * record by record: nothing but the current line is held, whatever the file's size. Each record is the
 * line's JSON text as received plus the top-level scalar fields asked for, like {@link ODataPageReader}'s.
 *
 * <p>Microsoft documents the files' rows by their property names (DeviceId, CveId ...) without a sample
 * of a file line, and the JSON export spells the same properties in camelCase. A line whose top-level keys
 * are PascalCase is rewritten with camelCase keys (OSPlatform becomes osPlatform, ID becomes id), so that
 * records of both exports have one shape; a camelCase line is passed on byte for byte.
 *
 * <p>A line that is not a JSON object, or a body cut short, raises an IOException: callers treat it like any
 * broken body and read the file again.
 */
public final class JsonLinesReader implements Closeable {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(50_000_000).build())
            .build();
    /** Export records are about 1 KB; a longer line than this is not one. */
    private static final int MAX_LINE = 16 * 1024 * 1024;

    private final InputStream in;
    private final Set<String> wanted;
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];
    private int lineLength;
    private long count;

    /**
     * @param gzipBody the compressed file (closed with the reader)
     * @param wanted   top-level fields to extract from each record as text
     */
    public JsonLinesReader(InputStream gzipBody, Set<String> wanted) throws IOException {
        this.in = new GZIPInputStream(gzipBody, 64 * 1024);
        this.wanted = Set.copyOf(wanted);
    }

    /** The next record, or null at the end of the file. */
    public JsonRecord next() throws IOException {
        while (readLine()) {
            if (!blank()) {
                count++;
                return record();
            }
        }
        return null;
    }

    /** Reads past {@code n} records without parsing them (resuming inside a file); returns how many there were. */
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && readLine()) {
            if (!blank()) {
                skipped++;
                count++;
            }
        }
        return skipped;
    }

    /** Records read or skipped so far. */
    public long count() {
        return count;
    }

    /** Fills {@code line} with the next line (without its end); false at the end of the file. */
    private boolean readLine() throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(chunk, 0, chunk.length);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && chunk[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++; // the newline
                return true;
            }
        }
    }

    private void append(int from, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (lineLength + length > MAX_LINE) {
            throw new MalformedLineException("a line of more than " + MAX_LINE + " bytes (after " + count + " records)");
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + length, line.length * 2));
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength += length;
    }

    private boolean blank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private JsonRecord record() throws IOException {
        int end = lineLength;
        while (end > 0 && (line[end - 1] == '\r' || line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        Map<String, String> fields = new HashMap<>();
        boolean pascal = false;
        try (JsonParser parser = JSON.createParser(line, 0, end)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("a line is not a JSON object");
            }
            JsonToken t;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = camelCase(parser.currentName());
                pascal |= !name.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (value == null) {
                    throw malformed("a line ends inside its object");
                }
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL && wanted.contains(name)) {
                    fields.put(name, parser.getText());
                }
            }
            if (t != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw malformed("a line holds more or less than one JSON object");
            }
        } catch (MalformedLineException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed("a line is not JSON (" + e.getOriginalMessage() + ")");
        }
        String json = pascal ? rewriteKeys(end) : new String(line, 0, end, StandardCharsets.UTF_8);
        return new JsonRecord(json, fields);
    }

    /** The line with its top-level keys in camelCase; values copied as they are. */
    private String rewriteKeys(int end) throws IOException {
        StringWriter out = new StringWriter(end + 16);
        try (JsonParser parser = JSON.createParser(line, 0, end); JsonGenerator generator = JSON.createGenerator(out)) {
            parser.nextToken();
            generator.writeStartObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                generator.writeFieldName(camelCase(parser.currentName()));
                parser.nextToken();
                generator.copyCurrentStructure(parser);
            }
            generator.writeEndObject();
        }
        return out.toString();
    }

    /**
     * PascalCase to camelCase the way .NET serializers do it: the leading capitals are lowered, except the last
     * one of a run that a lower-case letter follows (OSPlatform: osPlatform; CveId: cveId; ID: id).
     */
    static String camelCase(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length && Character.isUpperCase(chars[i]); i++) {
            if (i > 0 && i + 1 < chars.length && Character.isLowerCase(chars[i + 1])) {
                break;
            }
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    private MalformedLineException malformed(String what) {
        // count includes the record being read: it is its number, from 1.
        return new MalformedLineException(what + " (record " + count + " of the file)");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The file is not GZIP multiline JSON. */
    public static final class MalformedLineException extends IOException {
        public MalformedLineException(String message) {
            super(message);
        }
    }
}
