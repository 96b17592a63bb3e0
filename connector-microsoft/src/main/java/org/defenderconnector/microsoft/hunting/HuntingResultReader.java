package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.microsoft.sources.ODataTime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a hunting response body with Jackson's streaming parser, in any of the documented shapes:
 * Graph {@code {"@odata.context","schema":[{"name","type"}],"results":[..]}} (the same doc's SDK tab
 * writes Name/Type), MDE {@code {"Schema":[{"Name","Type"}],"Results":[..]}} and XDR, which adds
 * {@code "Stats":{"ExecutionTime":4.62,..}}. Property names are matched case-insensitively and in
 * any order. The body is counted as it is read and abandoned once it passes {@code maxBytes}, so a
 * huge answer never sits in memory whole.
 */
public final class HuntingResultReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(50_000_000).build())
            .build();
    private static final ObjectMapper TREES = new ObjectMapper(JSON);

    private final long maxBytes;

    /** A body read past the byte limit; carries how far it got so the caller can pick a split point. */
    static final class TooLarge extends IOException {
        final transient Instant lastTimestamp;
        final long limit;

        TooLarge(long limit, Instant lastTimestamp) {
            super("the result is larger than " + limit + " bytes");
            this.limit = limit;
            this.lastTimestamp = lastTimestamp;
        }
    }

    /** A body that is not one of the documented shapes. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    public HuntingResultReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The parsed result; {@code measuredSince} is System.nanoTime() when the query was sent. */
    public HuntingResult read(InputStream body, long measuredSince) throws IOException {
        Counting counting = new Counting(body, maxBytes);
        List<HuntingColumn> columns = new ArrayList<>();
        List<ObjectNode> rows = new ArrayList<>();
        Duration reported = null;
        boolean sawResults = false;
        try (JsonParser parser = JSON.createParser(counting)) {
            parser.setCodec(TREES);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("the hunting response is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equalsIgnoreCase("schema") && value == JsonToken.START_ARRAY) {
                    readSchema(parser, columns);
                } else if (name.equalsIgnoreCase("results") && value == JsonToken.START_ARRAY) {
                    sawResults = true;
                    readRows(parser, rows);
                } else if (name.equalsIgnoreCase("stats") && value == JsonToken.START_OBJECT) {
                    reported = executionTime(parser.readValueAsTree());
                } else if (value != null && value.isStructStart()) {
                    parser.skipChildren();
                } else if (value == null) {
                    throw new Malformed("the hunting response ended early");
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new Malformed("the hunting response ended early");
            }
        } catch (TooLarge e) {
            throw new TooLarge(maxBytes, lastTimestamp(rows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Malformed("the hunting response is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!sawResults) {
            throw new Malformed("the hunting response has no results array");
        }
        if (columns.isEmpty() && !rows.isEmpty()) {
            // No schema given: the first row's properties, in order.
            rows.get(0).fieldNames().forEachRemaining(n -> columns.add(new HuntingColumn(n, null)));
        }
        Duration measured = Duration.ofNanos(System.nanoTime() - measuredSince);
        return new HuntingResult(columns, rows, reported, measured, counting.count);
    }

    private static void readSchema(JsonParser parser, List<HuntingColumn> columns) throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.START_OBJECT) {
            JsonNode column = parser.readValueAsTree();
            String name = text(column, "name");
            if (name != null) {
                columns.add(new HuntingColumn(name, text(column, "type")));
            }
        }
        if (t != JsonToken.END_ARRAY) {
            throw new Malformed("the hunting schema is not a list of {name, type}");
        }
    }

    private static void readRows(JsonParser parser, List<ObjectNode> rows) throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.START_OBJECT) {
            rows.add(parser.readValueAsTree());
        }
        if (t != JsonToken.END_ARRAY) {
            throw new Malformed(t == null ? "the hunting response ended inside the results"
                    : "a hunting result row is " + t + ", not an object");
        }
    }

    /** XDR's {@code Stats.ExecutionTime}, in seconds. */
    private static Duration executionTime(JsonNode stats) {
        var names = stats.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            JsonNode v = stats.get(n);
            if (n.equalsIgnoreCase("ExecutionTime") && v.isNumber() && v.asDouble() >= 0) {
                return Duration.ofNanos(Math.round(v.asDouble() * 1e9));
            }
        }
        return null;
    }

    private static Instant lastTimestamp(List<ObjectNode> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            Instant t = timestamp(rows.get(i));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** A row's Timestamp column (any case), or null. */
    static Instant timestamp(JsonNode row) {
        String text = text(row, "Timestamp");
        return text == null ? null : ODataTime.parse(text);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            var names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (n.equalsIgnoreCase(field)) {
                    v = node.get(n);
                    break;
                }
            }
        }
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /**
     * Counts the bytes read and fails the first read past the limit. Bytes up to the limit are handed
     * out first, so the rows they hold are parsed and the caller learns how far the answer got.
     */
    private static final class Counting extends FilterInputStream {
        final long limit;
        long count;

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (count > limit) {
                throw new TooLarge(limit, null);
            }
            int n = super.read(b, off, (int) Math.min(len, limit - count + 1));
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
