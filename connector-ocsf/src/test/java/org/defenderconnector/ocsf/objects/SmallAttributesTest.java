package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An object node over SmallAttributes behaves as Jackson's own (LinkedHashMap) object node. */
class SmallAttributesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode small() {
        return new ObjectNode(JsonNodeFactory.instance, new SmallAttributes("name", TextNode.valueOf("device.ip"),
                "type_id", IntNode.valueOf(2), "type", TextNode.valueOf("IP Address"), "value", TextNode.valueOf("10.0.0.1")));
    }

    private static ObjectNode usual() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", "device.ip").put("type_id", 2).put("type", "IP Address").put("value", "10.0.0.1");
        return node;
    }

    @Test
    void equalsSerializesAndReadsAsAnObjectNode() throws Exception {
        assertThat(small()).isEqualTo(usual());
        assertThat(usual()).isEqualTo(small());
        assertThat(small().hashCode()).isEqualTo(usual().hashCode());
        assertThat(JSON.writeValueAsString(small())).isEqualTo(JSON.writeValueAsString(usual()));
        assertThat(small().get("value").asText()).isEqualTo("10.0.0.1");
        assertThat(small().get(new String("type"))).isEqualTo(TextNode.valueOf("IP Address"));
        assertThat(small().has("missing")).isFalse();
        assertThat(small().size()).isEqualTo(4);
    }

    @Test
    void changesBehaveAsOnAnyObjectNode() {
        ObjectNode small = small();
        ObjectNode usual = usual();
        for (ObjectNode node : new ObjectNode[]{small, usual}) {
            node.put("value", "10.0.0.2");
            node.remove("type");
            node.put("extra", true);
            node.put("more", 1).put("and", 2).put("still", 3).put("beyond", 4);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                if (fields.next().getKey().equals("more")) {
                    fields.remove();
                }
            }
            node.properties().iterator().next().setValue(TextNode.valueOf("renamed"));
        }
        assertThat(small).isEqualTo(usual);
        assertThat(small.toString()).isEqualTo(usual.toString());
        small.removeAll();
        assertThat(small.isEmpty()).isTrue();
        assertThat(small.toString()).isEqualTo("{}");
    }
}
