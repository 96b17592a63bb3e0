package org.defenderconnector.streaming.storage;

import java.net.URI;
import java.util.Objects;

/**
 * Where the storage account is and how to sign in to it.
 *
 * @param blobEndpoint  e.g. {@code https://acct.blob.core.windows.net}; null when a connection string names it
 * @param queueEndpoint e.g. {@code https://acct.queue.core.windows.net}; null when a connection string names it
 */
public record StorageAccount(URI blobEndpoint, URI queueEndpoint, StorageAuth auth) {
    public StorageAccount {
        Objects.requireNonNull(auth, "auth");
        if (!(auth instanceof StorageAuth.ConnectionString) && (blobEndpoint == null || queueEndpoint == null)) {
            throw new IllegalArgumentException("the blob and queue endpoints are required unless a connection string"
                    + " gives them");
        }
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
}
