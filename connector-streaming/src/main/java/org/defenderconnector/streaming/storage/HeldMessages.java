package org.defenderconnector.streaming.storage;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueStorageException;
import com.azure.storage.queue.models.UpdateMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BlobCreated messages whose blobs are still open. A message is deleted only once every blob it names
 * is closed in the <em>committed</em> position; until then it is kept invisible by renewing its
 * visibility timeout. If the process dies, renewals stop, the message reappears within the visibility
 * timeout and the next instance picks it up: a blob is never lost between the queue and the position.
 */
final class HeldMessages {
    private static final Logger LOG = LoggerFactory.getLogger(HeldMessages.class);

    private record Held(String messageId, String popReceipt, String text, Set<String> blobKeys, Instant visibleAt) {
    }

    private final QueueClient queue;
    private final Duration visibility;
    private final Map<String, Held> byId = new LinkedHashMap<>();

    HeldMessages(QueueClient queue, Duration visibility) {
        this.queue = queue;
        this.visibility = visibility;
    }

    /** Remembers a received message (again, after a redelivery: the new pop receipt replaces the old). */
    void hold(String messageId, String popReceipt, String text, List<BlobRef> blobs, Instant visibleAt) {
        Set<String> keys = new HashSet<>();
        blobs.forEach(b -> keys.add(b.key()));
        byId.put(messageId, new Held(messageId, popReceipt, text, Set.copyOf(keys), visibleAt));
    }

    /**
     * Deletes messages all of whose blobs are closed in {@code committed}; renews the visibility of the
     * others when less than half of it is left.
     *
     * @return how many messages were deleted
     */
    int acknowledge(StoragePosition committed) {
        // Visibility is kept by the queue service in real time, whatever clock the source runs on.
        Instant now = Instant.now();
        int deleted = 0;
        Iterator<Map.Entry<String, Held>> it = byId.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Held> entry = it.next();
            Held held = entry.getValue();
            if (held.blobKeys().stream().allMatch(committed::isClosed)) {
                delete(held.messageId(), held.popReceipt());
                it.remove();
                deleted++;
            } else if (Duration.between(now, held.visibleAt()).compareTo(visibility.dividedBy(2)) < 0) {
                try {
                    // The text is written back unchanged: a message that reappears after a crash must still
                    // say which blob it announces.
                    UpdateMessageResult renewed = queue.updateMessage(held.messageId(), held.popReceipt(),
                            held.text(), visibility);
                    entry.setValue(new Held(held.messageId(), renewed.getPopReceipt(), held.text(),
                            held.blobKeys(), renewed.getTimeNextVisible().toInstant()));
                } catch (QueueStorageException e) {
                    if (e.getStatusCode() != 404 && e.getStatusCode() != 400) {
                        throw e;
                    }
                    // The message became visible and was received again (its pop receipt changed) or was
                    // deleted: forget this copy; a redelivery brings it back.
                    LOG.debug("queue message {} could not be renewed ({}); waiting for its redelivery",
                            held.messageId(), e.getErrorCode());
                    it.remove();
                }
            }
        }
        return deleted;
    }

    /** Deletes a message now (one that names nothing to read, or only blobs already closed). */
    void delete(String messageId, String popReceipt) {
        try {
            queue.deleteMessage(messageId, popReceipt);
        } catch (QueueStorageException e) {
            if (e.getStatusCode() != 404 && e.getStatusCode() != 400) {
                throw e;
            }
            LOG.debug("queue message {} was already gone ({})", messageId, e.getErrorCode());
        }
    }

    /** Blob keys named by messages still held (their closed marks must not be forgotten yet). */
    Set<String> referencedBlobKeys() {
        Set<String> keys = new HashSet<>();
        byId.values().forEach(h -> keys.addAll(h.blobKeys()));
        return keys;
    }

    int size() {
        return byId.size();
    }
}
