package org.defenderconnector.streaming.storage;

import com.azure.core.credential.TokenCredential;

import java.util.Objects;

/**
 * How to authenticate to the storage account. Every variant's {@code toString} hides the secret, so a
 * config printed in a log or an error never leaks it.
 */
public sealed interface StorageAuth {

    /** A storage connection string ({@code DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...}). */
    record ConnectionString(String value) implements StorageAuth {
        public ConnectionString {
            Objects.requireNonNull(value, "connection string");
        }

        @Override
        public String toString() {
            return "ConnectionString[***]";
        }
    }

    /** The account name and one of its access keys. */
    record SharedKey(String accountName, String accountKey) implements StorageAuth {
        public SharedKey {
            Objects.requireNonNull(accountName, "account name");
            Objects.requireNonNull(accountKey, "account key");
        }

        @Override
        public String toString() {
            return "SharedKey[account=" + accountName + ", key=***]";
        }
    }

    /**
     * A shared access signature (account SAS, or a service SAS valid for the containers and the queue),
     * without or with its leading '?'. Needs read+list on blobs and read+process (and update) on the queue.
     */
    record Sas(String token) implements StorageAuth {
        public Sas {
            Objects.requireNonNull(token, "SAS token");
            token = token.startsWith("?") ? token.substring(1) : token;
        }

        @Override
        public String toString() {
            return "Sas[***]";
        }
    }

    /**
     * An Entra ID token for {@code https://storage.azure.com/.default}. The identity needs the Azure roles
     * Storage Blob Data Reader and Storage Queue Data Contributor on the account (Storage Queue Data Message
     * Processor receives and deletes messages but cannot renew their visibility, which a blob open for its
     * hour needs). Azure rejects bearer tokens over plain HTTP, so endpoints must be https.
     */
    record Entra(TokenCredential credential) implements StorageAuth {
        public Entra {
            Objects.requireNonNull(credential, "token credential");
        }

        @Override
        public String toString() {
            return "Entra[" + credential.getClass().getSimpleName() + "]";
        }
    }
}
