package org.defenderconnector.microsoft.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * What a cached token is for: one tenant, one client (app registration), one resource (audience).
 * A multi-tenant app has one key per customer tenant. Tenant and client are compared
 * case-insensitively (GUIDs and domain names are).
 */
public record TokenKey(String tenant, String clientId, String resource) {
    public TokenKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(resource, "resource");
        tenant = tenant.strip().toLowerCase(Locale.ROOT);
        clientId = clientId.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "tenant=" + tenant + " client=" + clientId + " resource=" + resource;
    }
}
