package org.defenderconnector.streaming.storage;

import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.queue.models.QueueStorageException;
import org.defenderconnector.api.SourceException;

/**
 * Turns Azure Storage failures into {@link SourceException}s that say what to do. Only the status and
 * the service's error code are quoted: SDK messages can carry request URLs, and a SAS lives in the URL.
 */
final class StorageFailures {
    private StorageFailures() {
    }

    static SourceException of(String what, RuntimeException e, String queueName) {
        int status;
        String code;
        if (e instanceof BlobStorageException b) {
            status = b.getStatusCode();
            code = b.getErrorCode() == null ? "" : b.getErrorCode().toString();
        } else if (e instanceof QueueStorageException q) {
            status = q.getStatusCode();
            code = q.getErrorCode() == null ? "" : q.getErrorCode().toString();
        } else {
            // Transport errors (connection refused, timeouts): retrying can help.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new SourceException(what + " failed: " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " (" + firstLine(root.getMessage()) + ")"), true,
                    "check that the storage endpoint is reachable from this host", e);
        }
        String message = what + " failed: HTTP " + status + (code.isEmpty() ? "" : " " + code);
        if (status == 401 || status == 403) {
            return new SourceException(message, false, "give the connector read access: for a key or connection"
                    + " string check it was not rotated; for a SAS it needs read+list on blobs and read+process+update"
                    + " on the queue and must not be expired; for Entra ID assign 'Storage Blob Data Reader' and"
                    + " 'Storage Queue Data Message Processor'; if the account has a firewall, allow this host", e);
        }
        if (status == 404 && code.contains("Queue")) {
            return new SourceException(message, false, "create the Storage queue '" + queueName + "' and point the"
                    + " Event Grid BlobCreated subscription of the streaming storage account at it", e);
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new SourceException(message, retryable, retryable ? null
                : "check the storage account, container and queue names in the configuration", e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // Never echo a URL: it may carry a SAS signature.
        return line.replaceAll("https?://\\S+", "<url>");
    }
}
