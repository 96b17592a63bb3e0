package org.defenderconnector.streaming.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.List;
import java.util.Map;

/**
 * One real Kafka node (KRaft, broker and controller combined) in the test JVM. The test kit's own listener
 * ({@value #PLAINTEXT_LISTENER}, no security) is the one tests create topics and publish through; settings may
 * add listeners of their own.
 */
public final class InProcessKafka implements AutoCloseable {
    /** The test kit's broker listener. */
    public static final String PLAINTEXT_LISTENER = "EXTERNAL";

    private final KafkaClusterTestKit cluster;

    private InProcessKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** @param settings broker settings on top of the single-node defaults (they win over the test kit's). */
    public static InProcessKafka start(Map<String, Object> settings) {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                    .setNumControllerNodes(1).build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false");
            settings.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InProcessKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process Kafka broker: " + e, e);
        }
    }

    /** The plaintext listener's address. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The address of one of the broker's listeners. */
    public String bootstrapServers(String listener) {
        int port = cluster.brokers().values().iterator().next().boundPort(ListenerName.normalised(listener));
        return "localhost:" + port;
    }

    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name + ": " + e, e);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
