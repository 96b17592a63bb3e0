package org.defenderconnector.streaming.eventhubs;

import java.util.Objects;

/** How the Kafka consumer authenticates. */
public sealed interface KafkaSecurity {
    /** No TLS, no SASL: a local broker (tests, the emulator). */
    record Plaintext() implements KafkaSecurity {
    }

    /** Event Hubs' Kafka endpoint: SASL_SSL, mechanism PLAIN, user {@code $ConnectionString}, password the string. */
    record EventHubsSasl(EventHubsConnectionString connectionString) implements KafkaSecurity {
        public EventHubsSasl {
            Objects.requireNonNull(connectionString, "connection string");
        }
    }
}
