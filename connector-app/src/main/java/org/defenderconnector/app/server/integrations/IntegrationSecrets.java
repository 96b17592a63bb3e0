package org.defenderconnector.app.server.integrations;

import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.store.admin.IntegrationRecord;
import org.defenderconnector.store.admin.SecretVault;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An integration's decrypted secrets, held only while they are used (a token request, a source being
 * built). {@link #toString} never shows them.
 */
public final class IntegrationSecrets {
    static final String CLIENT_SECRET = "client_secret";
    static final String CERTIFICATE = "certificate";
    static final String CERTIFICATE_PASSWORD = "certificate_password";
    static final String STORAGE_KEY = "storage_key";
    static final String STORAGE_CONNECTION_STRING = "storage_connection_string";
    static final String EVENT_HUB_CONNECTION_STRING = "event_hub_connection_string";

    private final String clientSecret;
    private final byte[] certificate;
    private final String certificatePassword;
    private final String storageKey;
    private final String storageConnectionString;
    private final String eventHubConnectionString;

    IntegrationSecrets(String clientSecret, byte[] certificate, String certificatePassword, String storageKey,
                       String storageConnectionString, String eventHubConnectionString) {
        this.clientSecret = clientSecret;
        this.certificate = certificate;
        this.certificatePassword = certificatePassword;
        this.storageKey = storageKey;
        this.storageConnectionString = storageConnectionString;
        this.eventHubConnectionString = eventHubConnectionString;
    }

    /** No secrets: a new integration before its form is read. */
    static IntegrationSecrets none() {
        return new IntegrationSecrets(null, null, null, null, null, null);
    }

    static IntegrationSecrets load(SecretVault vault, String owner) {
        return new IntegrationSecrets(vault.getString(owner, CLIENT_SECRET).orElse(null),
                vault.get(owner, CERTIFICATE).orElse(null), vault.getString(owner, CERTIFICATE_PASSWORD).orElse(null),
                vault.getString(owner, STORAGE_KEY).orElse(null),
                vault.getString(owner, STORAGE_CONNECTION_STRING).orElse(null),
                vault.getString(owner, EVENT_HUB_CONNECTION_STRING).orElse(null));
    }

    /**
     * The credential to sign in with.
     *
     * @throws IllegalStateException when the stored secret for the method is missing
     */
    public ClientCredential credential(IntegrationRecord.AuthMethod method) {
        if (method == IntegrationRecord.AuthMethod.SECRET) {
            if (clientSecret == null) {
                throw new IllegalStateException("no client secret is stored; edit the integration and enter it");
            }
            return ClientSecret.of(clientSecret);
        }
        if (certificate == null) {
            throw new IllegalStateException("no certificate is stored; edit the integration and upload it");
        }
        return CertificateUpload.parse(certificate,
                certificatePassword == null ? null : certificatePassword.toCharArray()).credential();
    }

    public Optional<String> storageKey() {
        return Optional.ofNullable(storageKey);
    }

    /** A storage connection string naming the account (or its endpoints) and its key or SAS. */
    public Optional<String> storageConnectionString() {
        return Optional.ofNullable(storageConnectionString);
    }

    public Optional<String> eventHubConnectionString() {
        return Optional.ofNullable(eventHubConnectionString);
    }

    /** The client secret, for comparisons in tests of leak-freedom; never for display. */
    Optional<String> clientSecret() {
        return Optional.ofNullable(clientSecret);
    }

    Optional<byte[]> certificateUpload() {
        return Optional.ofNullable(certificate);
    }

    Optional<String> certificatePassword() {
        return Optional.ofNullable(certificatePassword);
    }

    IntegrationSecrets with(String newClientSecret, byte[] newCertificate, String newCertificatePassword,
                            String newStorageKey, String newStorageConnectionString, String newEventHubConnectionString) {
        return new IntegrationSecrets(newClientSecret, newCertificate, newCertificatePassword, newStorageKey,
                newStorageConnectionString, newEventHubConnectionString);
    }

    void saveTo(SecretVault vault, String owner) {
        put(vault, owner, CLIENT_SECRET, clientSecret == null ? null : clientSecret.getBytes(StandardCharsets.UTF_8));
        put(vault, owner, CERTIFICATE, certificate);
        put(vault, owner, CERTIFICATE_PASSWORD,
                certificatePassword == null ? null : certificatePassword.getBytes(StandardCharsets.UTF_8));
        put(vault, owner, STORAGE_KEY, storageKey == null ? null : storageKey.getBytes(StandardCharsets.UTF_8));
        put(vault, owner, STORAGE_CONNECTION_STRING,
                storageConnectionString == null ? null : storageConnectionString.getBytes(StandardCharsets.UTF_8));
        put(vault, owner, EVENT_HUB_CONNECTION_STRING,
                eventHubConnectionString == null ? null : eventHubConnectionString.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(SecretVault vault, String owner, String name, byte[] value) {
        if (value == null) {
            vault.delete(owner, name);
        } else {
            vault.put(owner, name, value);
        }
    }

    @Override
    public String toString() {
        return "IntegrationSecrets[***]";
    }
}
