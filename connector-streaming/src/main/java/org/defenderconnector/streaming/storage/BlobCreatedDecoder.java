package org.defenderconnector.streaming.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads an Event Grid {@code Microsoft.Storage.BlobCreated} notification out of a Storage queue message.
 * Accepts both delivery schemas (Event Grid: {@code eventType/subject}; CloudEvents 1.0: {@code type/subject})
 * and both encodings seen in the field: Microsoft's older docs say plain text, later reports say Base64.
 * The payload may be one event or an array of events.
 */
final class BlobCreatedDecoder {
    static final String BLOB_CREATED = "Microsoft.Storage.BlobCreated";
    private static final String SUBJECT_PREFIX = "/blobServices/default/containers/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param blobs         the Defender blobs the message announces
     * @param ignoredReason why the message announces none (not JSON, another event type, another container)
     */
    record Decoded(List<BlobRef> blobs, String ignoredReason) {
    }

    private final String containerPrefix;

    BlobCreatedDecoder(String containerPrefix) {
        this.containerPrefix = containerPrefix;
    }

    Decoded decode(String messageText) {
        String json = jsonText(messageText);
        if (json == null) {
            return new Decoded(List.of(), "neither JSON nor Base64-encoded JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new Decoded(List.of(), "not valid JSON: " + e.getOriginalMessage());
        }
        List<JsonNode> events = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(events::add);
        } else {
            events.add(root);
        }
        List<BlobRef> blobs = new ArrayList<>();
        String reason = "no event in the message";
        for (JsonNode event : events) {
            String type = event.path("eventType").asText(event.path("type").asText(""));
            if (!BLOB_CREATED.equals(type)) {
                reason = "event type '" + type + "' is not " + BLOB_CREATED;
                continue;
            }
            BlobRef blob = blobOf(event);
            if (blob == null) {
                reason = "BlobCreated event without a usable subject or data.url";
                continue;
            }
            if (!blob.container().startsWith(containerPrefix)) {
                reason = "container '" + blob.container() + "' is not a Defender streaming container ("
                        + containerPrefix + "*)";
                continue;
            }
            blobs.add(blob);
        }
        return new Decoded(List.copyOf(blobs), blobs.isEmpty() ? reason : null);
    }

    /** The message text as JSON: as is when it looks like JSON, else Base64-decoded when that gives JSON. */
    private static String jsonText(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return trimmed;
        }
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(trimmed), StandardCharsets.UTF_8).strip();
            return decoded.startsWith("{") || decoded.startsWith("[") ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BlobRef blobOf(JsonNode event) {
        String subject = event.path("subject").asText("");
        if (subject.startsWith(SUBJECT_PREFIX)) {
            String rest = subject.substring(SUBJECT_PREFIX.length());
            int blobs = rest.indexOf("/blobs/");
            if (blobs > 0 && blobs + 7 < rest.length()) {
                return new BlobRef(rest.substring(0, blobs), rest.substring(blobs + 7));
            }
        }
        // Fall back to data.url: https://account.blob.core.windows.net/<container>/<path>
        String url = event.path("data").path("url").asText("");
        if (!url.isEmpty()) {
            try {
                String path = URI.create(url).getRawPath();
                String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
                String[] parts = decoded.substring(1).split("/", 2);
                if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                    return new BlobRef(parts[0], parts[1]);
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
