package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Normalizing a record from its JSON bytes or text (how the engine and the Streaming API hand records
 * over: the fields are read without a tree of the row) gives exactly the event that normalizing the
 * parsed tree gives, for every golden input and every generated variant of every table.
 */
class RawBytesNormalizationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Normalizer NORMALIZER = GoldenFiles.normalizer();

    @Test
    void bytesTextAndTreeGiveTheSameEventForEveryGoldenCaseAndVariant() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (GoldenFiles.Case golden : GoldenFiles.cases()) {
            JsonNode input = JSON.readTree(golden.input().toFile());
            if (input.has("category") && input.has("properties")) {
                String category = input.get("category").asText();
                rows.add(new Object[]{category.substring(category.indexOf('-') + 1), input.get("properties")});
            } else {
                rows.add(new Object[]{golden.table(), input});
            }
        }
        for (SampleRows.Variant variant : SampleRows.all()) {
            rows.add(new Object[]{variant.table(), variant.row()});
        }
        assertThat(rows.size()).isGreaterThan(100);
        for (Object[] row : rows) {
            String table = (String) row[0];
            JsonNode record = (JsonNode) row[1];
            MappingContext context = new MappingContext(GoldenFiles.TENANT, table, Product.DEFENDER_XDR);
            // The tree is parsed from the same text (a variant built in code may hold other number nodes).
            String text = JSON.writeValueAsString(record);
            ObjectNode fromTree = NORMALIZER.normalize(table, JSON.readTree(text), context);
            ObjectNode fromBytes = NORMALIZER.normalize(table, text.getBytes(StandardCharsets.UTF_8), context);
            String fromText = NORMALIZER.normalize(table, text, context);
            assertThat(fromBytes).as("%s from bytes", table).isEqualTo(fromTree);
            assertThat(JSON.writeValueAsString(fromBytes)).isEqualTo(JSON.writeValueAsString(fromTree));
            assertThat(fromText).as("%s from text", table).isEqualTo(JSON.writeValueAsString(fromTree));
        }
    }

    @Test
    void repeatedNamesNestedValuesAndNumbersAreReadAsATreeParseReadsThem() throws Exception {
        String row = """
                {"Timestamp":"2024-05-01T10:00:00.1234567Z","DeviceId":"d1","DeviceName":"host",
                 "ReportId":7,"ActionType":"ConnectionSuccess","RemoteIP":"10.0.0.1","RemotePort":443,
                 "LocalPort":12345678901,"Big":123456789012345678901234567890,"Ratio":0.25,"Flag":true,
                 "Nothing":null,"Nested":{"a":[1,{"b":"c"}]},"List":["x"],"RemoteIP":"10.0.0.2"}""";
        MappingContext context = new MappingContext(GoldenFiles.TENANT, null, Product.DEFENDER_XDR);
        ObjectNode fromTree = NORMALIZER.normalize("DeviceNetworkEvents", JSON.readTree(row), context);
        ObjectNode fromBytes = NORMALIZER.normalize("DeviceNetworkEvents", row.getBytes(StandardCharsets.UTF_8), context);
        assertThat(fromBytes).isEqualTo(fromTree);
        // A repeated name keeps its last value, as in the tree parse.
        assertThat(fromBytes.at("/dst_endpoint/ip").asText()).isEqualTo("10.0.0.2");
        assertThat(fromBytes.at("/unmapped/Nested/a/1/b").asText()).isEqualTo("c");
        assertThat(fromBytes.at("/unmapped/Big").bigIntegerValue()).hasToString("123456789012345678901234567890");

        String unknown = "{\"Timestamp\":\"2024-05-01T10:00:00Z\",\"Zeta\":1.5,\"alpha\":[true,null],\"m\":{\"k\":\"v\"}}";
        assertThat(NORMALIZER.normalize("SomeNewTable", unknown.getBytes(StandardCharsets.UTF_8), context))
                .isEqualTo(NORMALIZER.normalize("SomeNewTable", JSON.readTree(unknown), context));
    }

    @Test
    void inputThatIsNotAJsonObjectIsRejectedNamingWhy() {
        MappingContext context = new MappingContext(GoldenFiles.TENANT, null, Product.DEFENDER_XDR);
        assertThatThrownBy(() -> NORMALIZER.normalize("DeviceNetworkEvents", "[1,2]".getBytes(StandardCharsets.UTF_8), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object, got ARRAY");
        assertThatThrownBy(() -> NORMALIZER.normalize("DeviceNetworkEvents", "{\"a\": }", context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("record is not valid JSON: ");
        assertThatThrownBy(() -> NORMALIZER.normalize("DeviceNetworkEvents", new byte[0], context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
    }
}
