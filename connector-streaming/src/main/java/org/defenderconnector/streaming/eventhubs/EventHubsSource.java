package org.defenderconnector.streaming.eventhubs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.streaming.DeadLetter;
import org.defenderconnector.streaming.DeadLetterListener;
import org.defenderconnector.streaming.MalformedRecordException;
import org.defenderconnector.streaming.PositionCommitHook;
import org.defenderconnector.streaming.StreamedRecordParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Streaming API delivered to Event Hubs, read through the namespace's Kafka endpoint. Each message is
 * {@code {"records":[...]}}; each record becomes a {@link SourceRecord} like a blob line does.
 *
 * <p>Delivery: the position ({@link PartitionOffsets}) is the truth. On assignment a partition is sought to
 * the larger of the position's offset and the group's committed offset (the group's is ahead only when
 * another member took the partition meanwhile); without either, the group's offset or
 * {@code autoOffsetReset} applies. Offsets are committed to the consumer group only after the engine has
 * committed the position — on the next poll, which receives that position, or through
 * {@link #onCommitted}. When the engine polls again with a position older than the batch just returned
 * (the sinks failed), the consumer is rewound, so nothing is skipped.
 */
public final class EventHubsSource implements Source, PositionCommitHook {
    private static final Logger LOG = LoggerFactory.getLogger(EventHubsSource.class);
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final EventHubsConfig config;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final DeadLetterListener deadLetters;
    private final Clock clock;
    private final StreamedRecordParser parser = new StreamedRecordParser();
    /** First offset of data returned but not yet committed, for partitions the position does not name yet. */
    private final Map<TopicPartition, Long> uncommittedStart = new HashMap<>();
    private final Map<TopicPartition, Long> committedToKafka = new HashMap<>();
    private volatile Position committedByHook;
    private Map<TopicPartition, Long> committed = Map.of();
    private Map<TopicPartition, Long> lastReturned;
    private boolean subscribed;
    private Consumer<byte[], byte[]> consumer;

    EventHubsSource(EventHubsConfig config, Supplier<Consumer<byte[], byte[]>> consumers,
                    DeadLetterListener deadLetters, Clock clock) {
        this.config = config;
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /**
     * The source; it connects on its first poll, so that a namespace that does not resolve or a sign-in that
     * fails becomes a {@link SourceException} saying what to fix, retried with the engine's backoff.
     */
    public static EventHubsSource open(EventHubsConfig config, DeadLetterListener deadLetters) {
        return new EventHubsSource(config, () -> new KafkaConsumer<>(EventHubsKafkaProperties.of(config)),
                deadLetters, Clock.systemUTC());
    }

    @Override
    public StreamId id() {
        return config.streamId();
    }

    @Override
    public void onCommitted(Position position) {
        this.committedByHook = position;
    }

    @Override
    public Batch poll(Position position) throws SourceException {
        Position hooked = committedByHook;
        Map<TopicPartition, Long> from = PartitionOffsets.of(position);
        committed = hooked != null ? PartitionOffsets.of(hooked) : from;
        committed.keySet().forEach(uncommittedStart::remove);
        try {
            if (consumer == null) {
                connect();
            }
            if (!subscribed) {
                subscribe();
            } else if (lastReturned != null && !lastReturned.equals(from)) {
                rewind(from);
            }
            commitToGroup();
            ConsumerRecords<byte[], byte[]> messages = consumer.poll(config.pollTimeout());
            Map<TopicPartition, Long> next = new LinkedHashMap<>(from);
            List<SourceRecord> records = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> message : messages) {
                TopicPartition tp = new TopicPartition(message.topic(), message.partition());
                if (!from.containsKey(tp)) {
                    uncommittedStart.putIfAbsent(tp, message.offset());
                }
                read(message, records);
                next.put(tp, message.offset() + 1);
            }
            lastReturned = next;
            boolean more = config.continuous() || !messages.isEmpty();
            // Nothing moved: the same position object, so the runner has nothing to commit (a stored position
            // comes back with other number types, which a plain equals would take for a change).
            return new Batch(records, next.equals(from) ? position : PartitionOffsets.toPosition(next), more);
        } catch (AuthenticationException | AuthorizationException e) {
            throw refused(e);
        } catch (WakeupException | InterruptException e) {
            throw new SourceException(config.streamId() + ": the poll was interrupted", true, null, e);
        } catch (KafkaException e) {
            throw new SourceException(config.streamId() + ": reading Event Hubs failed: " + describe(e), true,
                    "check that " + config.bootstrapServers() + " is reachable (outbound TCP 9093)", e);
        }
    }

    /**
     * Creates the consumer. With Entra a token is fetched first: Kafka's login module would log the reason it
     * got none and throw a generic "internal error" in its place. The credential caches the token, so the
     * login that follows takes the same one.
     */
    private void connect() throws SourceException {
        if (config.security() instanceof KafkaSecurity.EventHubsEntra entra) {
            try {
                EntraBearerToken.fetch(entra, clock);
            } catch (IOException e) {
                throw new SourceException(config.streamId() + ": " + e.getMessage(), true, "check the tenant's"
                        + " tenantId, clientId and clientSecret or certificate (Entra's reason is above), and that"
                        + " eventHubs.namespace is the namespace's host name, e.g. contoso.servicebus.windows.net", e);
            }
        }
        try {
            consumer = consumers.get();
        } catch (KafkaException e) {
            // The Kafka client refuses to start when the namespace's name does not resolve.
            throw new SourceException(config.streamId() + ": could not open the source: " + describe(e), true,
                    "check that " + config.bootstrapServers() + " resolves and is reachable (outbound TCP 9093)", e);
        }
    }

    /** Event Hubs turned the consumer away: the fix depends on how it signs in. No secret or token is quoted. */
    private SourceException refused(KafkaException e) {
        boolean authorization = e instanceof AuthorizationException;
        if (config.security() instanceof KafkaSecurity.EventHubsEntra entra) {
            String what = authorization ? "Event Hubs denied the app registration access: "
                    : "Event Hubs refused the Entra token for " + entra.audience() + ": ";
            String fix = authorization
                    ? "assign the app registration the Azure role 'Azure Event Hubs Data Receiver' on the namespace"
                    + " or the hubs (role assignments take a few minutes to apply), and check that the consumer"
                    + " group '" + config.consumerGroup() + "' exists"
                    : "set eventHubs.namespace to the host name of the namespace the hubs are in (its Kafka endpoint"
                    + " is " + config.bootstrapServers() + "), and check that the app registration belongs to the"
                    + " namespace's tenant";
            return new SourceException(config.streamId() + ": " + what + describe(e), false, fix, e);
        }
        return new SourceException(config.streamId() + ": Event Hubs refused the consumer: "
                + e.getClass().getSimpleName(), false, "use a connection string of a shared access policy with"
                + " Listen rights on the namespace or hub, and check that the consumer group '"
                + config.consumerGroup() + "' exists (Event Hubs tier Standard or above for the Kafka endpoint)", e);
    }

    /**
     * The exception and its causes' messages, first lines only: the Kafka client's top message alone says little
     * ("Failed to construct kafka consumer"). Kafka shows password settings such as sasl.jaas.config as
     * "[hidden]", and the Entra token is never part of an exception.
     */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        String last = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? null : t.getMessage().lines().findFirst().orElse(null);
            if (message != null && !message.equals(last)) {
                text.append(t == e ? ": " : "; ").append(message);
                last = message;
            }
        }
        return text.toString();
    }

    private void subscribe() {
        ConsumerRebalanceListener listener = new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Nothing to flush: offsets are committed only from committed positions.
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                seekAssigned(partitions);
            }
        };
        if (config.topicPattern() != null) {
            consumer.subscribe(Pattern.compile(config.topicPattern()), listener);
        } else {
            consumer.subscribe(config.topics(), listener);
        }
        subscribed = true;
    }

    /** A new partition starts where our committed position says, unless the group has moved further. */
    private void seekAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> group = consumer.committed(Set.copyOf(partitions));
        for (TopicPartition tp : partitions) {
            Long ours = committed.get(tp);
            if (ours == null) {
                ours = uncommittedStart.get(tp);
            }
            OffsetAndMetadata theirs = group.get(tp);
            if (ours != null) {
                long target = theirs == null ? ours : Math.max(ours, theirs.offset());
                consumer.seek(tp, target);
                LOG.info("stream {}: partition {} starts at offset {}", config.streamId(), tp, target);
            }
        }
    }

    /** The last batch was not committed: go back to where the committed position stands. */
    private void rewind(Map<TopicPartition, Long> from) {
        for (TopicPartition tp : consumer.assignment()) {
            Long target = from.containsKey(tp) ? from.get(tp) : uncommittedStart.get(tp);
            if (target != null) {
                consumer.seek(tp, target);
            }
        }
        LOG.info("stream {}: the last batch was not committed; re-reading from the committed position",
                config.streamId());
    }

    private void commitToGroup() {
        Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
        Set<TopicPartition> owned = consumer.assignment();
        committed.forEach((tp, offset) -> {
            if (owned.contains(tp) && !offset.equals(committedToKafka.get(tp))) {
                toCommit.put(tp, new OffsetAndMetadata(offset));
            }
        });
        if (toCommit.isEmpty()) {
            return;
        }
        consumer.commitAsync(toCommit, (offsets, error) -> {
            if (error != null) {
                // Harmless for delivery: the position is the truth; the group offset only helps a cold start.
                LOG.warn("stream {}: could not commit offsets to the consumer group: {}", config.streamId(),
                        error.toString());
            }
        });
        toCommit.forEach((tp, o) -> committedToKafka.put(tp, o.offset()));
    }

    private void read(ConsumerRecord<byte[], byte[]> message, List<SourceRecord> out) {
        byte[] value = message.value();
        String location = message.topic() + "/" + message.partition();
        if (value == null || value.length == 0) {
            deadLetter(location, message.offset(), "empty Event Hub message", "");
            return;
        }
        String fallbackKind = message.topic().startsWith(StreamedRecordParser.RESOURCE_PREFIX)
                ? message.topic().substring(StreamedRecordParser.RESOURCE_PREFIX.length()) : null;
        Instant fallbackTime = Instant.ofEpochMilli(Math.max(0, message.timestamp()));
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException("an Event Hub message must be a JSON object {\"records\":[...]}");
            }
            boolean sawRecords = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!"records".equals(name) || t != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                sawRecords = true;
                int index = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        String text = t.isScalarValue() ? p.getText() : t.asString();
                        p.skipChildren();
                        deadLetter(location, message.offset(), "record #" + index + " is not a JSON object", text);
                        index++;
                        continue;
                    }
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    int end = (int) p.currentTokenLocation().getByteOffset() + 1;
                    try {
                        out.add(parser.parse(value, start, end, fallbackKind, fallbackTime));
                    } catch (MalformedRecordException e) {
                        deadLetter(location, message.offset(), "record #" + index + ": " + e.getMessage(),
                                new String(value, start, end - start, StandardCharsets.UTF_8));
                    }
                    index++;
                }
            }
            if (!sawRecords) {
                throw new MalformedRecordException("the Event Hub message has no \"records\" array");
            }
        } catch (MalformedRecordException e) {
            deadLetter(location, message.offset(), e.getMessage(), new String(value, StandardCharsets.UTF_8));
        } catch (IOException e) {
            deadLetter(location, message.offset(), "not valid JSON: " + e.getMessage(),
                    new String(value, StandardCharsets.UTF_8));
        }
    }

    private void deadLetter(String location, long offset, String error, String payload) {
        deadLetters.deadLetter(new DeadLetter(config.streamId().toString(), location, offset, error, payload,
                clock.instant()));
    }

    @Override
    public void close() {
        if (consumer == null) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
            Set<TopicPartition> owned = consumer.assignment();
            committed.forEach((tp, offset) -> {
                if (owned.contains(tp)) {
                    last.put(tp, new OffsetAndMetadata(offset));
                }
            });
            if (!last.isEmpty()) {
                consumer.commitSync(last, Duration.ofSeconds(5));
            }
        } catch (KafkaException e) {
            LOG.warn("stream {}: could not commit offsets on close: {}", config.streamId(), e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
