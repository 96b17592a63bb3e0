package org.defenderconnector.streaming.storage;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobDownloadResponse;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlobType;
import com.azure.core.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the bytes appended to a blob since an offset with one ranged GET: only new bytes travel.
 * A range that starts at the blob's end is answered 416 by Azure Storage, which here means "nothing new".
 */
final class BlobRangeReader {
    private static final Logger LOG = LoggerFactory.getLogger(BlobRangeReader.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What a read found. {@code missing}: the blob does not exist (any more). */
    record Chunk(byte[] buffer, int length, boolean missing) {
        static final Chunk NOTHING = new Chunk(new byte[0], 0, false);
        static final Chunk MISSING = new Chunk(new byte[0], 0, true);
    }

    /** A ByteArrayOutputStream whose buffer is handed out without the copy toByteArray() makes. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }

    private final BlobServiceClient service;
    /**
     * One buffer for every read: a chunk is consumed (turned into records) before the next read, so it can
     * be reused. It grows to the largest read (bounded by maxBatchBytes) and stays there, so idle polls
     * of many open blobs allocate nothing.
     */
    private final Buffer buffer = new Buffer(64 * 1024);
    private final Map<String, BlobContainerClient> containers = new HashMap<>();
    private final Set<String> warnedNotAppend = new HashSet<>();

    BlobRangeReader(BlobServiceClient service) {
        this.service = service;
    }

    /** The returned chunk's buffer is valid until the next read. */
    Chunk read(BlobRef blob, long offset, int maxBytes) {
        Buffer out = buffer;
        out.reset();
        try {
            BlobDownloadResponse response = container(blob.container()).getBlobClient(blob.path())
                    .downloadStreamWithResponse(out, new BlobRange(offset, (long) maxBytes), null, null, false,
                            TIMEOUT, Context.NONE);
            BlobType type = response.getDeserializedHeaders().getBlobType();
            if (type != null && type != BlobType.APPEND_BLOB && warnedNotAppend.add(blob.key())) {
                // Microsoft does not document the blob type; an immutable block blob reads the same way.
                LOG.info("blob {} is a {} (expected an append blob); reading it by offset all the same", blob.key(), type);
            }
            return new Chunk(out.array(), out.size(), false);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 416) {
                return Chunk.NOTHING;
            }
            if (e.getStatusCode() == 404) {
                return Chunk.MISSING;
            }
            throw e;
        }
    }

    /** The blob's last-modified time, or null when it does not exist. */
    Instant lastModified(BlobRef blob) {
        try {
            return container(blob.container()).getBlobClient(blob.path()).getProperties().getLastModified().toInstant();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private BlobContainerClient container(String name) {
        return containers.computeIfAbsent(name, service::getBlobContainerClient);
    }
}
