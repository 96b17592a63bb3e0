package org.defenderconnector.streaming.storage;

import com.azure.core.http.HttpClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobContainerItem;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobContainersOptions;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.streaming.DeadLetterListener;
import org.defenderconnector.streaming.PositionCommitHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Streaming API delivered to a Storage account: Event Grid puts a BlobCreated message in a queue when
 * an hourly {@code PT1H.json} append blob is created (not on appends), and Defender keeps appending to it
 * during the hour. This source treats the message as a discovery signal: it registers the blob in the
 * position at offset 0, tails it by ranged reads of only the new bytes, and closes it once its hour plus
 * the grace period is over and a read finds nothing new. The message is deleted only after the close is
 * committed. See {@link StoragePosition} for the cursor and {@link HeldMessages} for the queue side.
 *
 * <p>Each poll reads at most {@code maxBatchBytes}. Records are complete lines only; see {@link BlobTail}.
 */
public final class StorageStreamingSource implements Source, PositionCommitHook {
    private static final Logger LOG = LoggerFactory.getLogger(StorageStreamingSource.class);
    private static final int MAX_MESSAGES_PER_RECEIVE = 32;

    private final StorageStreamingConfig config;
    private final Clock clock;
    private final BlobServiceClient blobs;
    private final QueueClient queue;
    private final BlobRangeReader reader;
    private final BlobTail tail;
    private final BlobCreatedDecoder decoder;
    private final HeldMessages held;
    /** Blobs learnt from messages or listing whose registration is not committed yet. */
    private final Map<String, BlobRef> discovered = new LinkedHashMap<>();
    private volatile Position committedByHook;
    private boolean listed;
    /** Queue receives are paced in real time (System.nanoTime), whatever clock decides blob hours. */
    private long nextReceiveNanos = System.nanoTime();
    private int cursor;

    StorageStreamingSource(StorageStreamingConfig config, DeadLetterListener deadLetters, Clock clock,
                           BlobServiceClient blobs, QueueClient queue) {
        this.config = config;
        this.clock = clock;
        this.blobs = blobs;
        this.queue = queue;
        this.reader = new BlobRangeReader(blobs);
        this.tail = new BlobTail(reader, deadLetters, config.streamId().toString(), config.containerPrefix(), clock);
        this.decoder = new BlobCreatedDecoder(config.containerPrefix());
        this.held = new HeldMessages(queue, config.visibilityTimeout());
        this.listed = !config.listOnStart();
    }

    /** The source for a configuration, with the system clock. */
    public static StorageStreamingSource open(StorageStreamingConfig config, DeadLetterListener deadLetters) {
        return open(config, deadLetters, Clock.systemUTC());
    }

    /** As {@link #open(StorageStreamingConfig, DeadLetterListener)} with a clock (tests, replays). */
    public static StorageStreamingSource open(StorageStreamingConfig config, DeadLetterListener deadLetters,
                                              Clock clock) {
        HttpClient http = StorageClients.httpClient(config.account());
        return new StorageStreamingSource(config, deadLetters, clock, StorageClients.blobs(config.account(), http),
                StorageClients.queue(config.account(), config.queueName(), http));
    }

    @Override
    public StreamId id() {
        return config.streamId();
    }

    @Override
    public void onCommitted(Position committed) {
        this.committedByHook = committed;
    }

    /**
     * @param position the last committed position: the engine always passes that, which is what lets this
     *                 source delete a queue message only once the close of its blob is durable
     */
    @Override
    public Batch poll(Position position) throws SourceException {
        Position hooked = committedByHook;
        StoragePosition committed = StoragePosition.of(hooked != null ? hooked : position);
        StoragePosition next = StoragePosition.of(position);
        Instant now = clock.instant();
        String step = "renewing or deleting held messages of the queue '" + config.queueName() + "'";
        try {
            held.acknowledge(committed);
            step = "reading the queue '" + config.queueName() + "'";
            next.forgetClosedBefore(now.minus(config.closedRetention()).toEpochMilli(), held.referencedBlobKeys());
            if (!listed) {
                step = "listing the streaming containers";
                listRecentBlobs(now);
                listed = true;
            }
            step = "receiving from the queue '" + config.queueName() + "'";
            boolean queueFull = false;
            if (System.nanoTime() - nextReceiveNanos >= 0) {
                queueFull = receive(committed, now);
                nextReceiveNanos = System.nanoTime() + minReceiveGap().toNanos();
            }
            for (BlobRef blob : discovered.values()) {
                if (!next.isKnown(blob.key())) {
                    next.open(blob.key(), 0);
                    LOG.info("stream {}: tailing new blob {}", config.streamId(), blob.key());
                }
            }
            discovered.keySet().removeIf(committed::isKnown);

            step = "reading blobs";
            List<SourceRecord> records = new ArrayList<>();
            boolean filled = readOpenBlobs(next, now, records);
            // A stored position comes back with other number types (Integer for Long): compare by content, and
            // hand back the very same object when nothing moved, so the runner has nothing to commit.
            boolean unchanged = next.sameAs(StoragePosition.of(position));
            Position nextPosition = unchanged ? position : next.toPosition();
            boolean quiet = records.isEmpty() && !filled && !queueFull && unchanged;
            if (quiet && config.continuous()) {
                idle();
            }
            boolean more = filled || queueFull || (config.continuous() && !Thread.currentThread().isInterrupted());
            return new Batch(records, nextPosition, more);
        } catch (RuntimeException e) {
            throw StorageFailures.of(config.streamId() + ": " + step, e, config.queueName(), config.account().auth());
        }
    }

    /** Receives BlobCreated messages; true when the receive was full (more are probably waiting). */
    private boolean receive(StoragePosition committed, Instant now) {
        int received = 0;
        for (QueueMessageItem message : queue.receiveMessages(MAX_MESSAGES_PER_RECEIVE, config.visibilityTimeout(),
                Duration.ofSeconds(30), com.azure.core.util.Context.NONE)) {
            received++;
            String text = message.getBody() == null ? "" : message.getBody().toString();
            BlobCreatedDecoder.Decoded decoded = decoder.decode(text);
            if (decoded.blobs().isEmpty()) {
                // A queue dedicated to the connector should only hold Defender BlobCreated events; anything else
                // would come back forever, so it is dropped, with a trace of why.
                LOG.warn("stream {}: deleting queue message {} that announces no Defender streaming blob: {}",
                        config.streamId(), message.getMessageId(), decoded.ignoredReason());
                held.delete(message.getMessageId(), message.getPopReceipt());
                continue;
            }
            if (decoded.blobs().stream().allMatch(b -> committed.isClosed(b.key()))) {
                LOG.debug("stream {}: message {} is a late copy for closed blob(s); deleting it", config.streamId(),
                        message.getMessageId());
                held.delete(message.getMessageId(), message.getPopReceipt());
                continue;
            }
            held.hold(message.getMessageId(), message.getPopReceipt(), text, decoded.blobs(),
                    message.getTimeNextVisible() == null ? Instant.now().plus(config.visibilityTimeout())
                            : message.getTimeNextVisible().toInstant());
            for (BlobRef blob : decoded.blobs()) {
                discovered.putIfAbsent(blob.key(), blob);
            }
        }
        return received == MAX_MESSAGES_PER_RECEIVE;
    }

    /** Reads every open blob once (round robin, within the byte budget); closes the finished ones. */
    private boolean readOpenBlobs(StoragePosition next, Instant now, List<SourceRecord> records) {
        List<String> keys = new ArrayList<>(next.openKeys());
        if (keys.isEmpty()) {
            return false;
        }
        int budget = config.maxBatchBytes();
        boolean filled = false;
        BlobRef behind = null;
        long behindOffset = 0;
        int start = Math.floorMod(cursor, keys.size());
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get((start + i) % keys.size());
            if (budget <= 0) {
                filled = true;
                cursor = start + i;
                break;
            }
            BlobRef blob = BlobRef.ofKey(key);
            long offset = next.offset(key);
            boolean finished = finished(blob, now);
            BlobTail.Result result = tail.read(blob, offset, budget, finished, records);
            if (result.missing()) {
                if (finished) {
                    LOG.warn("stream {}: blob {} no longer exists (deleted by a lifecycle rule or by hand?); closing"
                            + " it at offset {}", config.streamId(), key, offset);
                    next.close(key, now.toEpochMilli());
                } else {
                    // Announced but not readable yet, or deleted and maybe recreated: keep trying during its hour.
                    LOG.debug("stream {}: blob {} not found; trying again", config.streamId(), key);
                }
                continue;
            }
            budget -= result.consumed();
            filled |= result.filled();
            next.open(key, result.nextOffset());
            if (result.filled()) {
                behind = blob;
                behindOffset = result.nextOffset();
            }
            if (result.consumed() == 0 && finished) {
                LOG.info("stream {}: blob {} is complete at {} bytes; closing it", config.streamId(), key, offset);
                next.close(key, now.toEpochMilli());
            }
        }
        if (!filled) {
            cursor = start + 1;
        }
        if (behind != null) {
            reader.readAhead(behind, behindOffset, config.maxBatchBytes());
        }
        return filled;
    }

    /**
     * Appends to the blob have stopped: its hour and the grace period are over. A blob whose path carries
     * no hour counts as finished once it has not changed for an hour plus the grace period.
     */
    private boolean finished(BlobRef blob, Instant now) {
        Instant end = blob.hourEnd().orElse(null);
        if (end != null) {
            return !now.isBefore(end.plus(config.hourGrace()));
        }
        Instant modified = reader.lastModified(blob);
        return modified == null || !now.isBefore(modified.plus(Duration.ofHours(1)).plus(config.hourGrace()));
    }

    /** Start-up listing: blobs of recent hours in the streaming containers that no message announced. */
    private void listRecentBlobs(Instant now) {
        Instant cutoff = now.minus(config.listLookback());
        int found = 0;
        for (BlobContainerItem container : blobs.listBlobContainers(
                new ListBlobContainersOptions().setPrefix(config.containerPrefix()), null)) {
            for (BlobItem item : blobs.getBlobContainerClient(container.getName()).listBlobs()) {
                BlobRef blob = new BlobRef(container.getName(), item.getName());
                Instant hour = blob.hourStart().orElse(null);
                if (hour != null && !hour.isBefore(cutoff.truncatedTo(java.time.temporal.ChronoUnit.HOURS))) {
                    discovered.putIfAbsent(blob.key(), blob);
                    found++;
                }
            }
        }
        LOG.info("stream {}: start-up listing found {} blob(s) of the last {}", config.streamId(), found,
                config.listLookback());
    }

    private Duration minReceiveGap() {
        return config.idleWait().compareTo(Duration.ofMillis(200)) > 0 ? config.idleWait() : Duration.ofMillis(200);
    }

    private void idle() {
        if (config.idleWait().isZero()) {
            return;
        }
        try {
            Thread.sleep(config.idleWait().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many queue messages are held until their blobs close (for status and tests). */
    public int heldMessages() {
        return held.size();
    }

    @Override
    public void close() {
        reader.close();
        // Held messages are not deleted: their blobs are not closed. They reappear after the visibility
        // timeout and the next instance finds the blobs in the committed position.
        LOG.debug("stream {}: closing with {} queue message(s) still held", config.streamId(), held.size());
    }
}
