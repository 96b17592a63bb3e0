package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.StreamId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a snapshot source keeps its per-item hashes, found again by the digest in the Position.
 * In memory always (the last few tables); on disk too when a state directory is configured, one
 * small file per completed snapshot, so a restart does not send the whole inventory again. Without a
 * directory (or when the file is gone, e.g. a Kafka Connect task moved to another worker) the first
 * snapshot after a start emits every item once; the store ignores the repeats by uid.
 */
final class SnapshotBaselines {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotBaselines.class);
    private static final int KEPT_IN_MEMORY = 3;

    private final StreamId stream;
    private final Path directory;
    private final Map<String, SnapshotTable> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SnapshotTable> eldest) {
            return size() > KEPT_IN_MEMORY;
        }
    };

    SnapshotBaselines(StreamId stream, Path directory) {
        this.stream = stream;
        this.directory = directory;
    }

    /** The table whose digest is {@code digest}, or null when neither memory nor disk has it. */
    SnapshotTable find(String digest) {
        if (digest == null) {
            return null;
        }
        if (digest.equals(SnapshotTable.empty().digest())) {
            return SnapshotTable.empty();
        }
        SnapshotTable table = recent.get(digest);
        if (table != null || directory == null) {
            return table;
        }
        Path file = file(digest);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            table = SnapshotTable.read(in);
        } catch (IOException e) {
            LOG.warn("{}: baseline file {} unreadable ({}); the next snapshot emits every item once", stream, file, e.toString());
            return null;
        }
        if (!table.digest().equals(digest)) {
            LOG.warn("{}: baseline file {} does not match its name; ignored", stream, file);
            return null;
        }
        recent.put(digest, table);
        return table;
    }

    void remember(SnapshotTable table) {
        recent.put(table.digest(), table);
    }

    /**
     * Writes a completed snapshot's table and deletes this stream's older files except
     * {@code previous} (still needed if the last batch of the snapshot is not committed).
     */
    void persist(SnapshotTable table, String previous) {
        remember(table);
        if (directory == null) {
            return;
        }
        String digest = table.digest();
        try {
            Files.createDirectories(directory);
            Path tmp = directory.resolve(prefix() + digest + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                table.write(out);
            }
            Files.move(tmp, file(digest), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix() + "*.snapshot")) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (!name.equals(file(digest).getFileName().toString())
                            && (previous == null || !name.equals(file(previous).getFileName().toString()))) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            // Not fatal: without the file a restart re-emits the inventory once.
            LOG.warn("{}: could not write the snapshot baseline to {}: {}", stream, directory, e.toString());
        }
    }

    private String prefix() {
        return safe(stream.tenant()) + "--" + safe(stream.stream()) + "--";
    }

    private Path file(String digest) {
        return directory.resolve(prefix() + digest + ".snapshot");
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
