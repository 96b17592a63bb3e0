package org.defenderconnector.app.server.integrations;

import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.store.admin.IntegrationRecord;

/**
 * An integration ready to be used: its settings, its decrypted secrets, and where and how to connect.
 * What the runtime activates and the credential test checks.
 */
public record ResolvedIntegration(IntegrationRecord record, IntegrationSecrets secrets, Endpoints endpoints,
                                  TlsTrust tls) {
    public String name() {
        return record.name();
    }

    public ClientCredential credential() {
        return secrets.credential(record.authMethod());
    }

    @Override
    public String toString() {
        return "ResolvedIntegration[" + record.name() + ", " + endpoints.describe() + "]";
    }
}
