package org.defenderconnector.microsoft.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps the bytes read since a mark, so a streaming parser can hand out each record's JSON exactly
 * as received without building a tree. Holds one record plus the parser's read-ahead, not the page.
 */
final class CapturingInputStream extends FilterInputStream {
    private byte[] buffer = new byte[16 * 1024];
    private int length;
    /** Absolute stream offset of buffer[0]. */
    private long bufferStart;

    CapturingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            ensure(length + n);
            System.arraycopy(b, off, buffer, length, n);
            length += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would be missing from the capture; read them instead.
        byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
        int r = read(sink, 0, (int) Math.min(n, sink.length));
        return Math.max(r, 0);
    }

    /** Forgets the bytes before absolute offset {@code from}: they belong to records already handed out. */
    void keepFrom(long from) {
        int drop = (int) Math.min(Math.max(from - bufferStart, 0), length);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, length - drop);
            length -= drop;
            bufferStart += drop;
        }
        if (buffer.length > 1024 * 1024 && length < buffer.length / 4) {
            buffer = Arrays.copyOf(buffer, Math.max(16 * 1024, length * 2));
        }
    }

    /** The bytes from absolute offset {@code from} (inclusive) to {@code to} (exclusive), as UTF-8 text. */
    String text(long from, long to) {
        int start = (int) (from - bufferStart);
        int end = (int) (to - bufferStart);
        if (start < 0 || end > length || start > end) {
            throw new IllegalStateException("bytes " + from + ".." + to + " are not captured (have " + bufferStart
                    + ".." + (bufferStart + length) + ")");
        }
        return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }

    private void ensure(int capacity) {
        if (capacity > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
        }
    }
}
