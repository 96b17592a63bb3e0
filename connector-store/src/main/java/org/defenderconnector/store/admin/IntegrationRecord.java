package org.defenderconnector.store.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One integration as stored: everything but its secrets, which live encrypted in {@link SecretVault}
 * under the integration's name.
 *
 * @param name                the integration's name; also the tenant part of its streams' ids
 * @param authMethod          how the app proves its identity
 * @param apiBaseUrl          one custom https base URL serving login and every API (emulator, proxy), or null
 * @param extraCaPem          an extra CA certificate to trust for that URL (public data), or null
 * @param audiences           token resources overriding the cloud's, keyed by API id ({@code mde}, {@code xdr},
 *                            {@code graph}); empty when every API uses its cloud's default. Microsoft does not
 *                            document the US Government audiences, so an admin may have to set them.
 * @param streaming           where the Streaming API delivers (storage queue or Event Hub), or null
 * @param streams             the streams to collect
 * @param secretExpires       the client secret's expiry date as the user entered it, or null
 * @param certificate         public facts about the certificate credential, or null
 */
public record IntegrationRecord(String name, String tenantId, String clientId, AuthMethod authMethod, String cloud,
                                String region, String apiBaseUrl, String extraCaPem, Map<String, String> audiences,
                                StreamingSettings streaming,
                                List<String> streams, int pollIntervalSeconds, LocalDate secretExpires,
                                CertificateFacts certificate, boolean active, Instant created, Instant updated) {

    public enum AuthMethod { SECRET, CERTIFICATE }

    /** Settings of the streaming sources; their keys and connection strings are secrets, kept apart. */
    public record StreamingSettings(String storageAccount, String storageQueue, String eventHubNamespace,
                                    String eventHubName, String eventHubConsumerGroup) {
        public boolean isEmpty() {
            return storageAccount == null && storageQueue == null && eventHubNamespace == null && eventHubName == null
                    && eventHubConsumerGroup == null;
        }
    }

    /** What may be shown about a certificate credential: none of it is secret. */
    public record CertificateFacts(String sha1Thumbprint, String subject, Instant notAfter) {
    }

    public IntegrationRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(cloud, "cloud");
        streams = List.copyOf(streams);
        audiences = audiences == null ? Map.of() : orderedCopy(audiences);
        if (streaming != null && streaming.isEmpty()) {
            streaming = null;
        }
    }

    /** An integration whose APIs all use their cloud's token audiences. */
    public IntegrationRecord(String name, String tenantId, String clientId, AuthMethod authMethod, String cloud,
                             String region, String apiBaseUrl, String extraCaPem, StreamingSettings streaming,
                             List<String> streams, int pollIntervalSeconds, LocalDate secretExpires,
                             CertificateFacts certificate, boolean active, Instant created, Instant updated) {
        this(name, tenantId, clientId, authMethod, cloud, region, apiBaseUrl, extraCaPem, Map.of(), streaming, streams,
                pollIntervalSeconds, secretExpires, certificate, active, created, updated);
    }

    /** Keeps the caller's order (mde, xdr, graph in the API view) and drops APIs without a value. */
    private static Map<String, String> orderedCopy(Map<String, String> audiences) {
        Map<String, String> copy = new LinkedHashMap<>();
        audiences.forEach((api, resource) -> {
            if (api != null && resource != null && !resource.isBlank()) {
                copy.put(api, resource);
            }
        });
        return copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
    }

    public IntegrationRecord withActive(boolean value, Instant now) {
        return new IntegrationRecord(name, tenantId, clientId, authMethod, cloud, region, apiBaseUrl, extraCaPem,
                audiences, streaming, streams, pollIntervalSeconds, secretExpires, certificate, value, created, now);
    }
}
