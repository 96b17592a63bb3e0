package org.defenderconnector.microsoft.onboarding;

import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.permissions.DefenderStream;

import java.util.List;
import java.util.Objects;

/**
 * What to check: an app registration's credential in one tenant, for some streams.
 *
 * @param tenant     tenant GUID or verified domain
 * @param clientId   the app's Application (client) ID
 * @param credential client secret or certificate ({@code toString} is redacted)
 * @param endpoints  cloud / region / custom endpoints
 * @param tls        trust settings (default CAs plus an optional extra CA)
 * @param streams    the streams that must work
 */
public record CheckRequest(String tenant, String clientId, ClientCredential credential, Endpoints endpoints,
                           TlsTrust tls, List<DefenderStream> streams) {
    public CheckRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(tls, "tls");
        tenant = tenant.strip();
        clientId = clientId.strip();
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("The tenant is empty");
        }
        if (clientId.isEmpty()) {
            throw new IllegalArgumentException("The client id is empty");
        }
        if (streams == null || streams.isEmpty()) {
            throw new IllegalArgumentException("No stream to check");
        }
        streams = List.copyOf(streams);
    }
}
