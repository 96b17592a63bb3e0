package org.defenderconnector.microsoft.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Streams one OData collection page ({@code {"@odata.context":..,"value":[..],"@odata.nextLink":..}})
 * record by record with Jackson's streaming parser; no page is ever held as a tree. The next link
 * may come before or after {@code value}: it is known once {@link #next()} has returned null.
 *
 * <p>A body that ends early or is not the documented shape raises {@link MalformedPageException}
 * (an IOException), which callers treat like any broken body: fetch again.
 */
public final class ODataPageReader implements Closeable {
    private static final JsonFactory JSON = JsonFactory.builder()
            // One record can carry a large evidence list, never tens of megabytes.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(50_000_000).build())
            .build();

    private enum State { BEFORE_VALUE, IN_VALUE, DONE }

    private final CapturingInputStream capture;
    private final JsonParser parser;
    private final Set<String> wanted;
    private State state = State.BEFORE_VALUE;
    private String nextLink;
    private int count;

    /**
     * @param body   the response body (closed with the reader)
     * @param wanted top-level fields to extract from each record as text
     */
    public ODataPageReader(InputStream body, Set<String> wanted) throws IOException {
        this.capture = new CapturingInputStream(body);
        this.parser = JSON.createParser(capture);
        this.wanted = Set.copyOf(wanted);
    }

    /** The next record, or null at the end of the {@code value} array (and of the page). */
    public JsonRecord next() throws IOException {
        if (state == State.BEFORE_VALUE) {
            openValue();
        }
        if (state == State.DONE) {
            return null;
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            finishPage();
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw malformed(token == null ? "the body ended inside the value array" : "a value element is " + token
                    + ", not an object");
        }
        long start = parser.currentTokenLocation().getByteOffset();
        capture.keepFrom(start);
        Map<String, String> fields = new HashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == null) {
                throw malformed("the body ended inside a record");
            }
            if (value.isStructStart()) {
                parser.skipChildren();
            } else if (value != JsonToken.VALUE_NULL && wanted.contains(name)) {
                fields.put(name, parser.getText());
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed(t == null ? "the body ended inside a record" : "unexpected " + t + " in a record");
        }
        long end = parser.currentTokenLocation().getByteOffset() + 1;
        count++;
        return new JsonRecord(capture.text(start, end), fields);
    }

    /** Reads past {@code n} records without keeping them (resuming inside a page after a restart). */
    public int skip(int n) throws IOException {
        int skipped = 0;
        while (skipped < n) {
            if (state == State.BEFORE_VALUE) {
                openValue();
            }
            if (state == State.DONE) {
                break;
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finishPage();
                break;
            }
            if (token != JsonToken.START_OBJECT) {
                throw malformed(token == null ? "the body ended inside the value array" : "a value element is "
                        + token + ", not an object");
            }
            capture.keepFrom(parser.currentTokenLocation().getByteOffset());
            parser.skipChildren();
            skipped++;
            count++;
        }
        return skipped;
    }

    /** True once the whole page (value array and trailing fields) was read. */
    public boolean finished() {
        return state == State.DONE;
    }

    /** The page's {@code @odata.nextLink}, or null; complete once {@link #finished()}. */
    public String nextLink() {
        return nextLink;
    }

    /** Records read or skipped so far. */
    public int count() {
        return count;
    }

    private void openValue() throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw malformed(first == null ? "the body is empty" : "the body is not a JSON object");
        }
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            capture.keepFrom(parser.currentTokenLocation().getByteOffset());
            if ("value".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    throw malformed("'value' is not an array");
                }
                state = State.IN_VALUE;
                return;
            }
            readOtherField(name, value);
        }
        if (t == JsonToken.END_OBJECT) {
            throw malformed("the page has no 'value' array");
        }
        throw malformed("the body ended before the 'value' array");
    }

    private void finishPage() throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            capture.keepFrom(parser.currentTokenLocation().getByteOffset());
            readOtherField(name, value);
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed("the body ended after the 'value' array");
        }
        state = State.DONE;
    }

    private void readOtherField(String name, JsonToken value) throws IOException {
        if (value == null) {
            throw malformed("the body ended inside the page");
        }
        if ("@odata.nextLink".equals(name) && value == JsonToken.VALUE_STRING) {
            nextLink = parser.getText();
        } else if (value.isStructStart()) {
            parser.skipChildren();
        }
    }

    private MalformedPageException malformed(String what) {
        return new MalformedPageException(what + " (after " + count + " records)");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The body is not a complete OData page. */
    public static final class MalformedPageException extends IOException {
        public MalformedPageException(String message) {
            super(message);
        }
    }
}
