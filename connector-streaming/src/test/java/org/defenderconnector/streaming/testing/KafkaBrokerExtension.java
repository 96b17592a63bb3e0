package org.defenderconnector.streaming.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * One real Kafka broker (KRaft, broker and controller combined) in the test JVM for the whole run,
 * standing in for the Event Hubs Kafka endpoint; shut down when the run ends.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    private InProcessKafka kafka;

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("kafka", key -> new Running(InProcessKafka.start(Map.of())), Running.class).kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public void createTopic(String name, int partitions) {
        kafka.createTopic(name, partitions);
    }

    private record Running(InProcessKafka kafka) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            kafka.close();
        }
    }
}
