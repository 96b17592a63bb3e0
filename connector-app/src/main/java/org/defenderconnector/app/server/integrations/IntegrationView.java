package org.defenderconnector.app.server.integrations;

import org.defenderconnector.store.admin.IntegrationRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An integration as the API shows it. Secrets are write-only: only whether each is set appears here,
 * and for a certificate its public facts (thumbprint, subject, expiry).
 *
 * @param audiences token resources set instead of the cloud's default, by API id (mde, xdr, graph); empty when none
 * @param state INACTIVE, or the worst state of its streams (FAILING, DEGRADED, STARTING, OK)
 */
public record IntegrationView(String name, String tenantId, String clientId, String authMethod, String cloud,
                              String region, String apiBaseUrl, String extraCaPem, Map<String, String> audiences,
                              Streaming streaming,
                              List<String> streams, int pollIntervalSeconds, Credentials credentials, Expiry expiry,
                              boolean active, String state, Instant created, Instant updated) {

    /**
     * @param storageKey               "set" or null
     * @param storageConnectionString  "set" or null
     * @param eventHubConsumerGroup    as entered; null: {@code defender-connector-<integration>} is used (ResolvedIntegration#eventHubConsumerGroup)
     * @param eventHubConnectionString "set" or null
     */
    public record Streaming(String storageAccount, String storageQueue, String storageKey, String storageConnectionString,
                            String eventHubNamespace, String eventHubName, String eventHubConsumerGroup,
                            String eventHubConnectionString) {
    }

    /** @param clientSecret "set" or null; @param certificatePassword "set" or null */
    public record Credentials(String clientSecret, Certificate certificate, String certificatePassword,
                             String secretExpires) {
    }

    public record Certificate(String thumbprint, String subject, Instant notAfter) {
    }

    static IntegrationView of(IntegrationRecord r, Set<String> secretNames, Expiry expiry, String state) {
        IntegrationRecord.StreamingSettings s = r.streaming();
        Streaming streaming = new Streaming(s == null ? null : s.storageAccount(), s == null ? null : s.storageQueue(),
                set(secretNames, IntegrationSecrets.STORAGE_KEY), set(secretNames, IntegrationSecrets.STORAGE_CONNECTION_STRING),
                s == null ? null : s.eventHubNamespace(),
                s == null ? null : s.eventHubName(), s == null ? null : s.eventHubConsumerGroup(),
                set(secretNames, IntegrationSecrets.EVENT_HUB_CONNECTION_STRING));
        Certificate certificate = r.certificate() == null ? null
                : new Certificate(r.certificate().sha1Thumbprint(), r.certificate().subject(), r.certificate().notAfter());
        Credentials credentials = new Credentials(set(secretNames, IntegrationSecrets.CLIENT_SECRET), certificate,
                set(secretNames, IntegrationSecrets.CERTIFICATE_PASSWORD),
                r.secretExpires() == null ? null : r.secretExpires().toString());
        return new IntegrationView(r.name(), r.tenantId(), r.clientId(), r.authMethod().name().toLowerCase(java.util.Locale.ROOT),
                r.cloud(), r.region(), r.apiBaseUrl(), r.extraCaPem(), r.audiences(), streaming, r.streams(), r.pollIntervalSeconds(),
                credentials, expiry, r.active(), state, r.created(), r.updated());
    }

    private static String set(Set<String> names, String name) {
        return names.contains(name) ? "set" : null;
    }
}
