package org.defenderconnector.emulator.streaming;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Publishes records the way the Streaming API sends them to Event Hubs: each message is
 * {@code {"records":[record, ...]}} (streaming-api-event-hub.md), here over the Kafka protocol, which is
 * how an Event Hubs namespace can be read.
 */
final class EventHubPublisher implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;

    EventHubPublisher(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_046_528); // Event Hubs' 1 MB message limit
        this.producer = new KafkaProducer<>(p);
    }

    /** Sends the records in messages of at most {@code perMessage}; returns once all are acknowledged. */
    void publish(String topic, List<String> records, int perMessage) {
        try {
            for (int from = 0; from < records.size(); from += perMessage) {
                List<String> slice = records.subList(from, Math.min(records.size(), from + perMessage));
                send(topic, "{\"records\":[" + String.join(",", slice) + "]}");
            }
            producer.flush();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the Event Hub message: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    /** Sends one message body as is (tests use it for malformed messages). */
    void send(String topic, String body) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, body.getBytes(StandardCharsets.UTF_8))).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
