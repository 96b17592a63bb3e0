package org.defenderconnector.api;

import java.util.Objects;

/**
 * Names one collection stream of one tenant, e.g. ({@code contoso}, {@code alerts}).
 * The tenant is the integration's name as configured, not necessarily the Entra tenant GUID,
 * so that two integrations can point at the same tenant with different credentials.
 */
public record StreamId(String tenant, String stream) {
    public StreamId {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
    }

    @Override
    public String toString() {
        return tenant + "/" + stream;
    }
}
