package org.defenderconnector.emulator.streaming;

import com.azure.storage.queue.QueueClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Plays Event Grid: puts one {@code Microsoft.Storage.BlobCreated} event (Event Grid schema, as in
 * event-schema-blob-storage.md) into the Storage queue when a blob is created. As on Azure, appends to
 * the blob raise no event.
 */
final class BlobCreatedNotifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueueClient queue;
    private final NotificationEncoding encoding;
    private final String accountName;
    private final String blobEndpoint;
    private final SplittableRandom random;
    private long sequencer = 0x442_0000_0000L;

    BlobCreatedNotifier(QueueClient queue, NotificationEncoding encoding, String accountName, String blobEndpoint,
                        long seed) {
        this.queue = queue;
        this.encoding = encoding;
        this.accountName = accountName;
        this.blobEndpoint = blobEndpoint;
        this.random = new SplittableRandom(seed ^ 0x5EED_B10BL);
    }

    /** The event JSON for an append blob just created (Put Blob of an AppendBlob: zero length). */
    String event(String container, String path, Instant at) {
        ObjectNode event = JSON.createObjectNode();
        event.put("topic", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/defender-streaming"
                + "/providers/Microsoft.Storage/storageAccounts/" + accountName);
        event.put("subject", "/blobServices/default/containers/" + container + "/blobs/" + path);
        event.put("eventType", "Microsoft.Storage.BlobCreated");
        event.put("eventTime", DefenderTimes.format(at));
        event.put("id", uuid());
        ObjectNode data = event.putObject("data");
        data.put("api", "PutBlob");
        data.put("clientRequestId", uuid());
        data.put("requestId", uuid());
        data.put("eTag", "\"0x8D" + Long.toHexString(random.nextLong() & 0xFFFFFFFFFFFFL).toUpperCase() + "\"");
        data.put("contentType", "application/json");
        data.put("contentLength", 0);
        data.put("blobType", "AppendBlob");
        data.put("url", blobEndpoint + "/" + container + "/" + path);
        data.put("sequencer", String.format("%032x", sequencer++));
        data.putObject("storageDiagnostics").put("batchId", uuid());
        event.put("dataVersion", "");
        event.put("metadataVersion", "1");
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void blobCreated(String container, String path, Instant at) {
        String text = event(container, path, at);
        queue.sendMessage(encoding == NotificationEncoding.BASE64
                ? Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) : text);
    }

    private String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
