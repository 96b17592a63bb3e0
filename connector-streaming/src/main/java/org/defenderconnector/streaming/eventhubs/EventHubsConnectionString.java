package org.defenderconnector.streaming.eventhubs;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * An Event Hubs namespace (or hub) connection string,
 * {@code Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=...;SharedAccessKey=...[;EntityPath=<hub>]}.
 * It is the Kafka SASL password as a whole; {@link #toString} never shows it.
 */
public final class EventHubsConnectionString {
    private final String value;
    private final String namespaceHost;
    private final String entityPath;

    private EventHubsConnectionString(String value, String namespaceHost, String entityPath) {
        this.value = value;
        this.namespaceHost = namespaceHost;
        this.entityPath = entityPath;
    }

    /** @throws IllegalArgumentException naming the missing part, never echoing the string */
    public static EventHubsConnectionString parse(String value) {
        Objects.requireNonNull(value, "connection string");
        String endpoint = null;
        String entityPath = null;
        boolean hasKey = false;
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = part.substring(eq + 1).trim();
            switch (name) {
                case "endpoint" -> endpoint = v;
                case "entitypath" -> entityPath = v.isEmpty() ? null : v;
                case "sharedaccesskey", "sharedaccesssignature" -> hasKey = !v.isEmpty();
                default -> {
                }
            }
        }
        if (endpoint == null) {
            throw new IllegalArgumentException("the Event Hubs connection string has no Endpoint=sb://<namespace>"
                    + ".servicebus.windows.net/ (copy it from the namespace's Shared access policies blade)");
        }
        if (!hasKey) {
            throw new IllegalArgumentException("the Event Hubs connection string has no SharedAccessKey"
                    + " (copy the whole 'Connection string-primary key' of a policy with Listen rights)");
        }
        String host;
        try {
            host = URI.create(endpoint).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the Event Hubs connection string's Endpoint is not sb://<host>/");
        }
        return new EventHubsConnectionString(value, host, entityPath);
    }

    /** e.g. {@code contoso-streaming.servicebus.windows.net}. */
    public String namespaceHost() {
        return namespaceHost;
    }

    /** The Kafka endpoint of the namespace: {@code <namespace host>:9093}. */
    public String kafkaBootstrap() {
        return namespaceHost + ":9093";
    }

    /** The hub named in the string (a hub-level policy), or null for a namespace-level string. */
    public String entityPath() {
        return entityPath;
    }

    /** The full string: only for the SASL configuration. */
    String secretValue() {
        return value;
    }

    @Override
    public String toString() {
        return "EventHubsConnectionString[" + namespaceHost + (entityPath == null ? "" : "/" + entityPath) + ", ***]";
    }
}
