package org.defenderconnector.streaming.eventhubs;

import org.apache.kafka.common.TopicPartition;
import org.defenderconnector.api.Position;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Event Hubs source's cursor, flat inside a {@link Position}: {@code kafka:<topic>:<partition>} → the
 * offset of the next message to deliver. Offsets of partitions this consumer does not (or no longer) own
 * stay in the map; they matter again when the partition comes back.
 */
final class PartitionOffsets {
    static final String PREFIX = "kafka:";

    private PartitionOffsets() {
    }

    static Map<TopicPartition, Long> of(Position position) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : position.values().entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            int colon = key.lastIndexOf(':');
            if (colon <= PREFIX.length()) {
                continue;
            }
            Object v = e.getValue();
            offsets.put(new TopicPartition(key.substring(PREFIX.length(), colon),
                            Integer.parseInt(key.substring(colon + 1))),
                    v instanceof Number n ? n.longValue() : Long.parseLong(v.toString()));
        }
        return offsets;
    }

    static Position toPosition(Map<TopicPartition, Long> offsets) {
        Map<String, Object> sorted = new TreeMap<>();
        offsets.forEach((tp, offset) -> sorted.put(PREFIX + tp.topic() + ":" + tp.partition(), offset));
        return new Position(new LinkedHashMap<>(sorted));
    }
}
