package org.defenderconnector.streaming.storage;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.util.Objects;

/**
 * Where the storage account is, how to sign in to it, and which server certificates to trust there.
 *
 * @param blobEndpoint  e.g. {@code https://acct.blob.core.windows.net}; null when a connection string names it
 * @param queueEndpoint e.g. {@code https://acct.queue.core.windows.net}; null when a connection string names it
 * @param tls           the trust for the endpoints' TLS certificates (the tenant's {@code caCertificate} added to
 *                      the JDK's CAs, e.g. for a TLS-inspecting proxy or Azurite), or null for the JDK's default
 */
public record StorageAccount(URI blobEndpoint, URI queueEndpoint, StorageAuth auth, SSLContext tls) {
    public StorageAccount {
        Objects.requireNonNull(auth, "auth");
        if (!(auth instanceof StorageAuth.ConnectionString) && (blobEndpoint == null || queueEndpoint == null)) {
            throw new IllegalArgumentException("the blob and queue endpoints are required unless a connection string"
                    + " gives them");
        }
    }

    /** An account reached with the JDK's default trust. */
    public StorageAccount(URI blobEndpoint, URI queueEndpoint, StorageAuth auth) {
        this(blobEndpoint, queueEndpoint, auth, null);
    }

    /** Endpoints and key come from the connection string. */
    public static StorageAccount ofConnectionString(String connectionString) {
        return new StorageAccount(null, null, new StorageAuth.ConnectionString(connectionString));
    }

    /**
     * An account in an Azure cloud by name, e.g. ({@code contosostreaming}, {@code core.windows.net});
     * US Gov is {@code core.usgovcloudapi.net}, China {@code core.chinacloudapi.cn}.
     */
    public static StorageAccount inCloud(String accountName, String endpointSuffix, StorageAuth auth) {
        return new StorageAccount(URI.create("https://" + accountName + ".blob." + endpointSuffix),
                URI.create("https://" + accountName + ".queue." + endpointSuffix), auth);
    }

    public static StorageAccount inAzure(String accountName, StorageAuth auth) {
        return inCloud(accountName, "core.windows.net", auth);
    }

    /** The same account reached with {@code trust} for its TLS certificates (null: the JDK's default). */
    public StorageAccount withTls(SSLContext trust) {
        return new StorageAccount(blobEndpoint, queueEndpoint, auth, trust);
    }

    @Override
    public String toString() {
        return "StorageAccount[blob=" + blobEndpoint + ", queue=" + queueEndpoint + ", auth=" + auth
                + (tls == null ? "" : ", custom trust") + "]";
    }
}
