package org.defenderconnector.streaming.storage;

import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.streaming.DeadLetter;
import org.defenderconnector.streaming.DeadLetterListener;
import org.defenderconnector.streaming.MalformedRecordException;
import org.defenderconnector.streaming.StreamedRecordParser;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reads the complete lines appended to one blob since an offset. A last line without its terminator is
 * still being written: it is left for the next read, and the offset stops before it — except when the
 * blob's hour is over, when whatever is left is taken as the final line.
 */
final class BlobTail {
    /** A single line longer than this is not held in memory: it is dead-lettered in pieces. */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    /**
     * @param nextOffset the offset after the last byte consumed
     * @param consumed   bytes consumed by this read (0: nothing new)
     * @param filled     the read stopped at its size limit, so the blob has more right now
     * @param missing    the blob does not exist
     */
    record Result(long nextOffset, int consumed, boolean filled, boolean missing) {
    }

    private final BlobRangeReader reader;
    private final StreamedRecordParser parser = new StreamedRecordParser();
    private final DeadLetterListener deadLetters;
    private final String stream;
    private final String containerPrefix;
    private final Clock clock;

    BlobTail(BlobRangeReader reader, DeadLetterListener deadLetters, String stream, String containerPrefix, Clock clock) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.stream = stream;
        this.containerPrefix = containerPrefix;
        this.clock = clock;
    }

    /**
     * @param hourOver the blob's hour (plus grace) is over: no more appends are expected
     */
    Result read(BlobRef blob, long offset, int maxBytes, boolean hourOver, List<SourceRecord> out) {
        int want = Math.max(1, maxBytes);
        while (true) {
            BlobRangeReader.Chunk chunk = reader.read(blob, offset, want);
            if (chunk.missing()) {
                return new Result(offset, 0, false, true);
            }
            int length = chunk.length();
            if (length == 0) {
                return new Result(offset, 0, false, false);
            }
            byte[] bytes = chunk.buffer();
            boolean reachedEnd = length < want;
            int lastNewline = lastNewline(bytes, length);
            if (lastNewline < 0) {
                if (!reachedEnd) {
                    if (want >= MAX_LINE_BYTES) {
                        deadLetter(blob, offset, "line longer than " + MAX_LINE_BYTES + " bytes; kept in pieces",
                                bytes, 0, length);
                        return new Result(offset + length, length, true, false);
                    }
                    want = (int) Math.min((long) want * 2, MAX_LINE_BYTES);
                    continue;
                }
                if (!hourOver) {
                    return new Result(offset, 0, false, false);
                }
                lines(blob, offset, bytes, length, out);
                return new Result(offset + length, length, false, false);
            }
            int end = lastNewline + 1;
            if (hourOver && reachedEnd && end < length) {
                end = length;
            }
            lines(blob, offset, bytes, end, out);
            return new Result(offset + end, end, !reachedEnd, false);
        }
    }

    private void lines(BlobRef blob, long baseOffset, byte[] bytes, int end, List<SourceRecord> out) {
        String kind = fallbackKind(blob);
        Instant fallbackTime = blob.hourStart().orElse(Instant.EPOCH);
        int start = 0;
        while (start < end) {
            int nl = indexOf(bytes, start, end);
            int lineEnd = nl < 0 ? end : nl;
            int next = nl < 0 ? end : nl + 1;
            int trimmedEnd = lineEnd;
            while (trimmedEnd > start && (bytes[trimmedEnd - 1] == '\r' || bytes[trimmedEnd - 1] == ' '
                    || bytes[trimmedEnd - 1] == '\t')) {
                trimmedEnd--;
            }
            if (!blank(bytes, start, trimmedEnd)) {
                try {
                    out.add(parser.parse(bytes, start, trimmedEnd, kind, fallbackTime));
                } catch (MalformedRecordException e) {
                    deadLetter(blob, baseOffset + start, e.getMessage(), bytes, start, trimmedEnd);
                }
            }
            start = next;
        }
    }

    /** Without a category, the table comes from the container name (lower-case; mappers match case-insensitively). */
    private String fallbackKind(BlobRef blob) {
        return blob.tableFromContainer(containerPrefix);
    }

    private void deadLetter(BlobRef blob, long offset, String error, byte[] bytes, int from, int to) {
        deadLetters.deadLetter(new DeadLetter(stream, blob.key(), offset, error,
                new String(bytes, from, to - from, StandardCharsets.UTF_8), clock.instant()));
    }

    private static int lastNewline(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
