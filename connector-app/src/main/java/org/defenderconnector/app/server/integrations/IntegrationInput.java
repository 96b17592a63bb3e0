package org.defenderconnector.app.server.integrations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * An integration as submitted by the console or the API (create, edit, test a draft). Every field may
 * be missing. On edit, a missing secret keeps the stored one; an empty string removes an optional
 * secret (storage key, Event Hub connection string).
 *
 * @param authMethod        "secret" (default) or "certificate"
 * @param certificate       PEM text (certificate + private key) or a base64 PKCS#12 (.pfx/.p12) file
 * @param apiBaseUrl        one https base URL for login and every API (emulator, proxy); admins only
 * @param extraCaPem        PEM CA certificate(s) to trust in addition to the system's; admins only
 * @param storageConnectionString a storage connection string, instead of the account name and key: it names
 *                          the account or its blob and queue endpoints (Azurite, a private endpoint); admins only
 * @param secretExpires     the client secret's expiry date (yyyy-mm-dd), as shown in Entra
 * @param audiences         token resource per API ({@code mde}, {@code xdr}, {@code graph}) instead of the cloud's
 *                          default: an https App ID URI or an application id (GUID); admins only. On edit an API
 *                          left out keeps its audience and an empty string restores the cloud's default.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record IntegrationInput(String name, String tenantId, String clientId, String authMethod, String clientSecret,
                               String certificate, String certificatePassword, String cloud, String region,
                               String apiBaseUrl, String extraCaPem, String storageAccount, String storageQueue,
                               String storageKey, String storageConnectionString, String eventHubNamespace,
                               String eventHubName, String eventHubConsumerGroup, String eventHubConnectionString,
                               List<String> streams, Integer pollIntervalSeconds, String secretExpires,
                               Map<String, String> audiences) {

    /** The same fields without token audiences: every API keeps its audience (or its cloud's default). */
    public IntegrationInput(String name, String tenantId, String clientId, String authMethod, String clientSecret,
                            String certificate, String certificatePassword, String cloud, String region,
                            String apiBaseUrl, String extraCaPem, String storageAccount, String storageQueue,
                            String storageKey, String storageConnectionString, String eventHubNamespace,
                            String eventHubName, String eventHubConsumerGroup, String eventHubConnectionString,
                            List<String> streams, Integer pollIntervalSeconds, String secretExpires) {
        this(name, tenantId, clientId, authMethod, clientSecret, certificate, certificatePassword, cloud, region,
                apiBaseUrl, extraCaPem, storageAccount, storageQueue, storageKey, storageConnectionString,
                eventHubNamespace, eventHubName, eventHubConsumerGroup, eventHubConnectionString, streams,
                pollIntervalSeconds, secretExpires, null);
    }

    /** An integration authenticating with a client secret, in the global cloud, with each stream's default interval. */
    public static IntegrationInput ofSecret(String name, String tenantId, String clientId, String clientSecret,
                                            List<String> streams) {
        return new IntegrationInput(name, tenantId, clientId, "secret", clientSecret, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, streams, null, null);
    }

    /** The same with one custom https base URL for login and every API (the emulator, a proxy) and its CA (PEM). */
    public IntegrationInput withCustomEndpoint(String baseUrl, String caPem) {
        return new IntegrationInput(name, tenantId, clientId, authMethod, clientSecret, certificate, certificatePassword,
                cloud, region, baseUrl, caPem, storageAccount, storageQueue, storageKey, storageConnectionString,
                eventHubNamespace, eventHubName, eventHubConsumerGroup, eventHubConnectionString, streams,
                pollIntervalSeconds, secretExpires, audiences);
    }

    /** The same with token audiences per API id ({@code mde}, {@code xdr}, {@code graph}). */
    public IntegrationInput withAudiences(Map<String, String> audiences) {
        return new IntegrationInput(name, tenantId, clientId, authMethod, clientSecret, certificate, certificatePassword,
                cloud, region, apiBaseUrl, extraCaPem, storageAccount, storageQueue, storageKey, storageConnectionString,
                eventHubNamespace, eventHubName, eventHubConsumerGroup, eventHubConnectionString, streams,
                pollIntervalSeconds, secretExpires, audiences);
    }

    /** The same input reading the Streaming API from the storage account a connection string names. */
    public IntegrationInput withStorageConnectionString(String connectionString, String queue) {
        return new IntegrationInput(name, tenantId, clientId, authMethod, clientSecret, certificate, certificatePassword,
                cloud, region, apiBaseUrl, extraCaPem, null, queue, null, connectionString,
                eventHubNamespace, eventHubName, eventHubConsumerGroup, eventHubConnectionString, streams,
                pollIntervalSeconds, secretExpires, audiences);
    }

    /** Never shows secret values: an input may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "IntegrationInput[name=" + name + ", tenantId=" + tenantId + ", clientId=" + clientId + ", authMethod="
                + authMethod + ", clientSecret=" + shown(clientSecret) + ", certificate=" + shown(certificate)
                + ", certificatePassword=" + shown(certificatePassword) + ", storageKey=" + shown(storageKey)
                + ", storageConnectionString=" + shown(storageConnectionString)
                + ", eventHubConnectionString=" + shown(eventHubConnectionString) + ", streams=" + streams
                + ", audiences=" + audiences + "]";
    }

    private static String shown(String secret) {
        return secret == null ? "absent" : "***";
    }
}
