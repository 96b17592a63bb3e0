package org.defenderconnector.microsoft.sources;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The content hash of every item of the last inventory snapshot (64-bit hash of the id to 64-bit
 * hash of the JSON), plus the snapshot generation that last saw each item, so items gone from the
 * inventory can be dropped when a snapshot completes. About 16 bytes of payload per item on disk.
 *
 * <p>Its {@link #digest()} identifies the exact content (items, hashes and generations) and is what
 * the Position holds: the position stays small, and a baseline that does not match the committed
 * position (a batch the sink never took) is never compared against.
 */
final class SnapshotTable {
    private static final int MAGIC = 0x534E4150; // "SNAP"

    private record Entry(long content, int generation) {
    }

    private final Map<Long, Entry> entries;
    private long sum;

    private SnapshotTable(Map<Long, Entry> entries, long sum) {
        this.entries = entries;
        this.sum = sum;
    }

    static SnapshotTable empty() {
        return new SnapshotTable(new HashMap<>(), 0);
    }

    SnapshotTable copy() {
        return new SnapshotTable(new HashMap<>(entries), sum);
    }

    /** The content hash of the item, or null when the item is not in the table. */
    Long content(long idHash) {
        Entry e = entries.get(idHash);
        return e == null ? null : e.content;
    }

    void put(long idHash, long content, int generation) {
        Entry old = entries.put(idHash, new Entry(content, generation));
        if (old != null) {
            sum -= mix(idHash, old);
        }
        sum += mix(idHash, new Entry(content, generation));
    }

    /** Drops the items the snapshot of {@code generation} did not see (gone from the inventory). */
    void dropOlderThan(int generation) {
        entries.entrySet().removeIf(e -> {
            if (e.getValue().generation < generation) {
                sum -= mix(e.getKey(), e.getValue());
                return true;
            }
            return false;
        });
    }

    int size() {
        return entries.size();
    }

    /** Order-independent digest of the content, kept up to date incrementally. */
    String digest() {
        return ContentHash.hex(sum) + "-" + entries.size();
    }

    private static long mix(long idHash, Entry e) {
        long h = idHash * 0x9E3779B97F4A7C15L ^ e.content;
        h ^= (long) e.generation * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(entries.size());
        for (Map.Entry<Long, Entry> e : entries.entrySet()) {
            data.writeLong(e.getKey());
            data.writeLong(e.getValue().content);
            data.writeInt(e.getValue().generation);
        }
        data.flush();
    }

    static SnapshotTable read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a snapshot baseline file");
        }
        int size = data.readInt();
        SnapshotTable table = new SnapshotTable(new HashMap<>(Math.max(16, size * 4 / 3 + 1)), 0);
        for (int i = 0; i < size; i++) {
            table.put(data.readLong(), data.readLong(), data.readInt());
        }
        return table;
    }
}
