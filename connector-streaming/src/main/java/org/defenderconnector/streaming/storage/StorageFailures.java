package org.defenderconnector.streaming.storage;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.queue.models.QueueStorageException;
import org.defenderconnector.api.SourceException;

/**
 * Turns Azure Storage failures into {@link SourceException}s that say what to do. Only the status, the
 * service's error code and its authentication detail are quoted, with any URL removed: SDK messages can
 * carry request URLs, and a SAS lives in the URL.
 */
final class StorageFailures {
    /**
     * What an Entra ID identity needs on the account. Message Processor covers receiving and deleting queue
     * messages but not Update Message, which renews a held message's visibility ("Put or update a message",
     * messages/write); Queue Data Contributor has both.
     */
    static final String ENTRA_ROLES = "'Storage Blob Data Reader' and 'Storage Queue Data Contributor'";

    private StorageFailures() {
    }

    static SourceException of(String what, RuntimeException e, String queueName, StorageAuth auth) {
        int status;
        String code;
        // The SDK's paged calls (the queue's receive) hand the service's error over wrapped in another exception.
        RuntimeException service = serviceFailure(e);
        if (service instanceof BlobStorageException b) {
            status = b.getStatusCode();
            code = b.getErrorCode() == null ? "" : b.getErrorCode().toString();
        } else if (service instanceof QueueStorageException q) {
            status = q.getStatusCode();
            code = q.getErrorCode() == null ? "" : q.getErrorCode().toString();
        } else {
            StorageSignInException signIn = signInFailure(e);
            if (signIn != null) {
                // Entra may be briefly unreachable; a wrong secret stays wrong, but the retry is cheap and the
                // stream reports the error until the configuration is fixed.
                return new SourceException(what + " failed: no Entra ID token for Azure Storage: "
                        + firstLine(signIn.getMessage()), true, "storage: auth: entra signs in with the tenant's app"
                        + " registration: check its clientSecret or certificate (the same that reach the Defender APIs)"
                        + " and that the login endpoint is reachable", e);
            }
            UntrustedCertificateException untrusted = find(e, UntrustedCertificateException.class);
            if (untrusted != null) {
                // Retried with the engine's backoff: the trust is the configuration's, but a proxy may be passing.
                return new SourceException(what + " failed: the storage endpoint's TLS certificate is not trusted ("
                        + firstLine(untrusted.getMessage()) + ")", true, "when a proxy inspects TLS or the account is"
                        + " an emulator or Azure Stack, put its CA certificate (PEM) in the tenant's caCertificate", e);
            }
            // Transport errors (connection refused, timeouts): retrying can help.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new SourceException(what + " failed: " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " (" + firstLine(root.getMessage()) + ")"), true,
                    "check that the storage endpoint is reachable from this host", e);
        }
        String detail = detail((HttpResponseException) service);
        String message = what + " failed: HTTP " + status + (code.isEmpty() ? "" : " " + code)
                + (detail.isEmpty() ? "" : " (" + detail + ")");
        if (status == 401 || status == 403) {
            return new SourceException(message, false, refusedFix(auth), e);
        }
        if (status == 404 && code.contains("Queue")) {
            return new SourceException(message, false, "create the Storage queue '" + queueName + "' and point the"
                    + " Event Grid BlobCreated subscription of the streaming storage account at it", e);
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new SourceException(message, retryable, retryable ? null
                : "check the storage account, container and queue names in the configuration", e);
    }

    /** What to do when the account refuses the connector, for the way it signs in. */
    private static String refusedFix(StorageAuth auth) {
        String firewall = "; if the account has a firewall, allow this host";
        if (auth instanceof StorageAuth.Entra) {
            return "storage: auth: entra signs in as the tenant's app registration: on the storage account (Access"
                    + " control (IAM)) assign its service principal the roles " + ENTRA_ROLES + "; new role"
                    + " assignments take a few minutes to apply. The token must be for https://storage.azure.com"
                    + firewall;
        }
        if (auth instanceof StorageAuth.Sas) {
            return "storage: sas must allow read+list on blobs and read+process+update on the queue and must not be"
                    + " expired" + firewall;
        }
        String setting = auth instanceof StorageAuth.ConnectionString ? "storage: connectionString" : "storage: accountKey";
        return "check that the key in " + setting + " was not rotated and that the account allows shared key access"
                + firewall;
    }

    private static RuntimeException serviceFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BlobStorageException || t instanceof QueueStorageException) {
                return (RuntimeException) t;
            }
        }
        return e;
    }

    private static StorageSignInException signInFailure(Throwable e) {
        return find(e, StorageSignInException.class);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The service's explanation of an authentication failure, the {@code <AuthenticationErrorDetail>} of its
     * error body (e.g. Azure's "Audience validation failed. Audience did not match."), which the SDK quotes
     * in its message; empty when there is none.
     */
    private static String detail(HttpResponseException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        String open = "<AuthenticationErrorDetail>";
        int start = text.indexOf(open);
        int end = start < 0 ? -1 : text.indexOf("</AuthenticationErrorDetail>", start);
        if (end < 0) {
            return "";
        }
        String line = firstLine(text.substring(start + open.length(), end)).strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // Never echo a URL: it may carry a SAS signature.
        return line.replaceAll("https?://\\S+", "<url>");
    }
}
