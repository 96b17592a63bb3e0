package org.defenderconnector.microsoft.sources;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The records already emitted whose time lies in the region the next query reads again (the
 * overlap), as 64-bit hashes of (id, version) with the record's time in milliseconds, so entries
 * can be dropped once their time falls behind everything still to be read. Encoded as one compact
 * string for the Position: about 15 characters per record. Shared by the REST time-window sources
 * and the advanced hunting sources.
 */
public final class SeenSet {
    private static final String PREFIX = "1.";

    private record Entry(long millis, long hash) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Set<Long> hashes = new HashSet<>();

    public static SeenSet decode(String encoded) {
        SeenSet set = new SeenSet();
        if (encoded == null || encoded.isEmpty()) {
            return set;
        }
        if (!encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("unknown seen-set encoding");
        }
        ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(encoded.substring(PREFIX.length())));
        long count = readVarLong(in);
        long millis = 0;
        for (long i = 0; i < count; i++) {
            millis += unzigzag(readVarLong(in));
            set.add(in.getLong(), millis);
        }
        return set;
    }

    public String encode() {
        entries.sort(Comparator.comparingLong(Entry::millis));
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 12 + 4);
        writeVarLong(out, entries.size());
        long previous = 0;
        byte[] hash = new byte[8];
        for (Entry e : entries) {
            writeVarLong(out, zigzag(e.millis - previous));
            previous = e.millis;
            ByteBuffer.wrap(hash).putLong(e.hash);
            out.write(hash, 0, 8);
        }
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public boolean contains(long hash) {
        return hashes.contains(hash);
    }

    public void add(long hash, Instant time) {
        add(hash, time.toEpochMilli());
    }

    private void add(long hash, long millis) {
        if (hashes.add(hash)) {
            entries.add(new Entry(millis, hash));
        }
    }

    /** Drops entries whose time is before {@code time} (a millisecond of slack is kept). */
    public void pruneBefore(Instant time) {
        long limit = time.toEpochMilli() - 1;
        entries.removeIf(e -> {
            if (e.millis < limit) {
                hashes.remove(e.hash);
                return true;
            }
            return false;
        });
    }

    /**
     * Keeps at most {@code max} entries, dropping those with the oldest times first. A dropped entry
     * can only cause a repeat (the record is emitted again with the same id and version, which
     * uid-idempotent sinks ignore), never a loss.
     */
    public void trimTo(int max) {
        if (entries.size() <= max) {
            return;
        }
        entries.sort(Comparator.comparingLong(Entry::millis));
        List<Entry> dropped = entries.subList(0, entries.size() - Math.max(0, max));
        dropped.forEach(e -> hashes.remove(e.hash));
        dropped.clear();
    }

    public int size() {
        return entries.size();
    }

    public static long hash(String naturalId, String version) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] id = naturalId.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(id.length).array());
            sha.update(id);
            sha.update(version.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarLong(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarLong(ByteBuffer in) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = in.get();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }
}
