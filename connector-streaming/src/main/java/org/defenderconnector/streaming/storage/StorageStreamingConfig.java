package org.defenderconnector.streaming.storage;

import org.defenderconnector.api.StreamId;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one Storage-account streaming source: the queue that Event Grid fills with BlobCreated
 * events, and how the hourly PT1H.json append blobs are tailed.
 *
 * @param queueName          the Storage queue the Event Grid subscription delivers to
 * @param containerPrefix    only blobs in containers starting with this are read
 * @param visibilityTimeout  how long a received queue message stays hidden; it is renewed while its blob
 *                           is open, so after a crash it reappears within this time
 * @param hourGrace          how long after its hour a blob is still read before it can be closed
 * @param idleWait           how long a poll that found nothing new waits before returning (0: do not wait)
 * @param maxBatchBytes      the most blob bytes one poll reads (bounds memory and batch size)
 * @param continuous         true: every poll says there is more (the source paces itself with idleWait,
 *                           so latency does not depend on the engine's interval); false: a poll that finds
 *                           nothing new says so, for one-shot draining
 * @param listOnStart        list the containers once at start-up to pick up blobs that have no queue message
 * @param listLookback       how far back (by blob hour) that listing reaches
 * @param closedRetention    how long a closed blob is remembered in the position, so that a late copy of its
 *                           queue message does not make it be read again
 */
public record StorageStreamingConfig(StreamId streamId, StorageAccount account, String queueName,
                                     String containerPrefix, Duration visibilityTimeout, Duration hourGrace,
                                     Duration idleWait, int maxBatchBytes, boolean continuous,
                                     boolean listOnStart, Duration listLookback, Duration closedRetention) {
    public static final String DEFENDER_CONTAINER_PREFIX = org.defenderconnector.streaming.StreamedRecordParser.RESOURCE_PREFIX;

    public StorageStreamingConfig {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(containerPrefix, "containerPrefix");
        requirePositive(visibilityTimeout, "visibilityTimeout");
        if (visibilityTimeout.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("visibilityTimeout can be at most 7 days (Azure Storage queue limit)");
        }
        Objects.requireNonNull(hourGrace, "hourGrace");
        Objects.requireNonNull(idleWait, "idleWait");
        if (maxBatchBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxBatchBytes must be at least 64 KiB");
        }
        Objects.requireNonNull(listLookback, "listLookback");
        requirePositive(closedRetention, "closedRetention");
        if (closedRetention.compareTo(visibilityTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("closedRetention must be at least twice visibilityTimeout, so a queue"
                    + " message that reappears after a crash still finds its blob marked closed");
        }
        // A blob of hour H closes at H+1h+grace at the earliest and is forgotten closedRetention later; a
        // listing that reached further back could find it again and read it twice.
        if (listOnStart && listLookback.compareTo(Duration.ofHours(1).plus(hourGrace).plus(closedRetention)) > 0) {
            throw new IllegalArgumentException("listLookback must not exceed 1 hour + hourGrace + closedRetention");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * The defaults: Defender's container prefix, 5 min visibility, 10 min grace after the hour, 500 ms idle
     * wait, 8 MiB per poll, continuous, no listing at start, 1 hour memory of closed blobs.
     */
    public static StorageStreamingConfig defaults(StreamId streamId, StorageAccount account, String queueName) {
        return new StorageStreamingConfig(streamId, account, queueName, DEFENDER_CONTAINER_PREFIX,
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMillis(500), 8 * 1024 * 1024, true,
                false, Duration.ofHours(2), Duration.ofHours(1));
    }

    public StorageStreamingConfig withHourGrace(Duration grace) {
        return new StorageStreamingConfig(streamId, account, queueName, containerPrefix, visibilityTimeout, grace,
                idleWait, maxBatchBytes, continuous, listOnStart, listLookback, closedRetention);
    }

    public StorageStreamingConfig withIdleWait(Duration wait) {
        return new StorageStreamingConfig(streamId, account, queueName, containerPrefix, visibilityTimeout, hourGrace,
                wait, maxBatchBytes, continuous, listOnStart, listLookback, closedRetention);
    }

    public StorageStreamingConfig withVisibilityTimeout(Duration timeout) {
        return new StorageStreamingConfig(streamId, account, queueName, containerPrefix, timeout, hourGrace,
                idleWait, maxBatchBytes, continuous, listOnStart, listLookback, closedRetention);
    }

    public StorageStreamingConfig withMaxBatchBytes(int bytes) {
        return new StorageStreamingConfig(streamId, account, queueName, containerPrefix, visibilityTimeout, hourGrace,
                idleWait, bytes, continuous, listOnStart, listLookback, closedRetention);
    }

    public StorageStreamingConfig withContinuous(boolean value) {
        return new StorageStreamingConfig(streamId, account, queueName, containerPrefix, visibilityTimeout, hourGrace,
                idleWait, maxBatchBytes, value, listOnStart, listLookback, closedRetention);
    }

    public StorageStreamingConfig withListOnStart(boolean value, Duration lookback) {
        return new StorageStreamingConfig(streamId, account, queueName, containerPrefix, visibilityTimeout, hourGrace,
                idleWait, maxBatchBytes, continuous, value, lookback, closedRetention);
    }
}
