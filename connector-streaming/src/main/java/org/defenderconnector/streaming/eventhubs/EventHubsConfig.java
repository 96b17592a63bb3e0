package org.defenderconnector.streaming.eventhubs;

import com.azure.core.credential.TokenCredential;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.streaming.StreamedRecordParser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one Event Hubs streaming source, read through the namespace's Kafka endpoint.
 *
 * @param bootstrapServers {@code <namespace>.servicebus.windows.net:9093} for Event Hubs
 * @param topics           the Event Hub names (one hub for all tables, or {@code insights-logs-advancedhunting-<table>}
 *                         per table when the portal's hub name was left empty); empty when topicPattern is used
 * @param topicPattern     a regex of hub names instead of a list (e.g. {@code insights-logs-advancedhunting-.*}), or null
 * @param consumerGroup    the Event Hubs consumer group (Kafka group id); give the connector its own
 * @param maxPollRecords   Kafka messages per poll; each carries many records (Event Hubs messages are ≤ 1 MB)
 * @param pollTimeout      how long a poll waits for messages when there are none
 * @param autoOffsetReset  where a partition with no committed offset starts: {@code earliest} (all retained
 *                         data) or {@code latest}
 * @param continuous       true: every poll says there is more (the consumer's poll timeout paces the source)
 * @param extraProperties  further Kafka consumer properties, applied last
 */
public record EventHubsConfig(StreamId streamId, String bootstrapServers, List<String> topics, String topicPattern,
                              String consumerGroup, KafkaSecurity security, int maxPollRecords, Duration pollTimeout,
                              String autoOffsetReset, boolean continuous, Map<String, String> extraProperties) {
    public EventHubsConfig {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        topics = topics == null ? List.of() : List.copyOf(topics);
        if (topics.isEmpty() == (topicPattern == null)) {
            throw new IllegalArgumentException("give either a list of Event Hub names or a name pattern, not both");
        }
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(security, "security");
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1");
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (!"earliest".equals(autoOffsetReset) && !"latest".equals(autoOffsetReset)) {
            throw new IllegalArgumentException("autoOffsetReset must be 'earliest' or 'latest'");
        }
        extraProperties = extraProperties == null ? Map.of() : Map.copyOf(extraProperties);
    }

    /**
     * An Event Hubs namespace through its Kafka endpoint. With no hub names the hub of the connection string's
     * EntityPath is read, else every {@code insights-logs-advancedhunting-*} hub.
     */
    public static EventHubsConfig eventHubs(StreamId streamId, EventHubsConnectionString connectionString,
                                            List<String> hubs, String consumerGroup) {
        List<String> topics = hubs != null && !hubs.isEmpty() ? hubs
                : connectionString.entityPath() != null ? List.of(connectionString.entityPath()) : List.of();
        return new EventHubsConfig(streamId, connectionString.kafkaBootstrap(), topics,
                topics.isEmpty() ? StreamedRecordParser.RESOURCE_PREFIX + ".*" : null, consumerGroup,
                new KafkaSecurity.EventHubsSasl(connectionString), 20, Duration.ofMillis(500), "earliest", true, Map.of());
    }

    /**
     * An Event Hubs namespace through its Kafka endpoint, signed in with Microsoft Entra ID. With no hub names
     * every {@code insights-logs-advancedhunting-*} hub of the namespace is read (what Defender creates when the
     * portal's hub name is left empty).
     *
     * @param namespaceHost the namespace's fully qualified host, e.g. {@code contoso.servicebus.windows.net}
     * @param credential    issues tokens for {@code https://<namespaceHost>/.default}
     */
    public static EventHubsConfig eventHubsEntra(StreamId streamId, String namespaceHost, TokenCredential credential,
                                                 List<String> hubs, String consumerGroup) {
        KafkaSecurity.EventHubsEntra security = new KafkaSecurity.EventHubsEntra(namespaceHost, credential);
        List<String> topics = hubs == null ? List.of() : hubs;
        return new EventHubsConfig(streamId, namespaceHost + ":9093", topics,
                topics.isEmpty() ? StreamedRecordParser.RESOURCE_PREFIX + ".*" : null, consumerGroup, security, 20,
                Duration.ofMillis(500), "earliest", true, Map.of());
    }

    /** A plain Kafka broker (tests, the emulator). */
    public static EventHubsConfig plaintext(StreamId streamId, String bootstrapServers, List<String> topics,
                                            String consumerGroup) {
        return new EventHubsConfig(streamId, bootstrapServers, topics, null, consumerGroup,
                new KafkaSecurity.Plaintext(), 20, Duration.ofMillis(500), "earliest", true, Map.of());
    }

    public EventHubsConfig withContinuous(boolean value) {
        return new EventHubsConfig(streamId, bootstrapServers, topics, topicPattern, consumerGroup, security,
                maxPollRecords, pollTimeout, autoOffsetReset, value, extraProperties);
    }

    public EventHubsConfig withMaxPollRecords(int value) {
        return new EventHubsConfig(streamId, bootstrapServers, topics, topicPattern, consumerGroup, security,
                value, pollTimeout, autoOffsetReset, continuous, extraProperties);
    }

    /** The same source reaching the namespace through another address (a proxy, a test broker). */
    public EventHubsConfig withBootstrapServers(String value) {
        return new EventHubsConfig(streamId, value, topics, topicPattern, consumerGroup, security,
                maxPollRecords, pollTimeout, autoOffsetReset, continuous, extraProperties);
    }

    /** Further Kafka consumer properties, applied after the ones the security implies. */
    public EventHubsConfig withExtraProperties(Map<String, String> value) {
        return new EventHubsConfig(streamId, bootstrapServers, topics, topicPattern, consumerGroup, security,
                maxPollRecords, pollTimeout, autoOffsetReset, continuous, value);
    }

    public EventHubsConfig withPollTimeout(Duration value) {
        return new EventHubsConfig(streamId, bootstrapServers, topics, topicPattern, consumerGroup, security,
                maxPollRecords, value, autoOffsetReset, continuous, extraProperties);
    }
}
