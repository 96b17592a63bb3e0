package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RecordReader matches a record's names against the layout it is told to expect (the Normalizer passes the
 * one the record of the same kind read before had; Jackson compares the names in place). Whatever the
 * expected layout, a record must read exactly as a tree parse reads it: names, order and values.
 */
class RecordReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each record is read expecting the layout of the one before it. */
    private static final List<String> SEQUENCE = List.of(
            "{\"Timestamp\":\"2024-05-01T10:00:00Z\",\"DeviceId\":\"d1\",\"DeviceName\":\"h1\",\"ReportId\":1}",
            "{\"Timestamp\":\"2024-05-01T10:00:01Z\",\"DeviceId\":\"d2\",\"DeviceName\":\"h2\",\"ReportId\":2}",
            // fewer names: the record ends where the layout goes on
            "{\"Timestamp\":\"2024-05-01T10:00:02Z\",\"DeviceId\":\"d3\"}",
            "{\"Timestamp\":\"2024-05-01T10:00:03Z\",\"DeviceId\":\"d4\",\"DeviceName\":\"h4\",\"ReportId\":4}",
            // more names: the layout ends where the record goes on
            "{\"Timestamp\":\"2024-05-01T10:00:04Z\",\"DeviceId\":\"d5\",\"DeviceName\":\"h5\",\"ReportId\":5,\"Extra\":[1,2]}",
            "{\"Timestamp\":\"2024-05-01T10:00:05Z\",\"DeviceId\":\"d6\",\"DeviceName\":\"h6\",\"ReportId\":6,\"Extra\":{}}",
            // another name of the same length in the middle, then the layout's names again
            "{\"Timestamp\":\"2024-05-01T10:00:06Z\",\"DeviceIP\":\"d7\",\"DeviceName\":\"h7\",\"ReportId\":7,\"Extra\":null}",
            // a name that is a prefix of the expected one, and one the expected one is a prefix of
            "{\"Timestamp\":\"x\",\"Device\":\"d8\",\"DeviceNameLong\":\"h8\",\"ReportId\":8,\"Extra\":1}",
            "{\"Timestamp\":\"x\",\"Device\":\"d9\",\"DeviceNameLong\":\"h9\",\"ReportId\":9,\"Extra\":2}",
            // an escaped spelling of the expected name is the same name
            "{\"Timestamp\":\"x\",\"Device\":\"d10\",\"DeviceName\\u004cong\":\"h10\",\"ReportId\":10,\"Extra\":3}",
            // different case is another name
            "{\"timestamp\":\"x\",\"Device\":\"d11\",\"DeviceNameLong\":\"h11\",\"ReportId\":11,\"Extra\":4}",
            // every expected name, then one repeated: read as a tree, the last value wins
            "{\"timestamp\":\"x\",\"Device\":\"d12\",\"DeviceNameLong\":\"h12\",\"ReportId\":12,\"Extra\":5,\"Device\":\"d12b\"}",
            "{\"timestamp\":\"x\",\"Device\":\"d13\",\"DeviceNameLong\":\"h13\",\"ReportId\":13,\"Extra\":6}",
            // whitespace between the tokens, and a short record at the end of its text
            " { \"timestamp\" : \"x\" ,\n \"Device\" :\"d14\",\"DeviceNameLong\": \"h14\" , \"ReportId\":14 ,\"Extra\":7 } ",
            "{\"a\":1}",
            "{\"a\":2}",
            "{\"a\":\"\\\"quoted\\\"\",\"b\":\"é ü 字\"}",
            "{\"a\":3,\"b\":\"é ü 字\"}",
            "{}",
            "{\"a\":4}");

    @Test
    void everyRecordReadsAsATreeParseWhateverTheLayoutBeforeIt() throws Exception {
        Set<String> everyName = new TreeSet<>();
        for (String record : SEQUENCE) {
            JSON.readTree(record).fieldNames().forEachRemaining(everyName::add);
        }
        FieldLayout previous = null;
        for (int pass = 0; pass < 2; pass++) {
            for (String record : SEQUENCE) {
                JsonNode tree = JSON.readTree(record);
                String expected = JSON.writeValueAsString(tree);
                RecordFields fromBytes = RecordReader.read(record.getBytes(StandardCharsets.UTF_8), previous);
                RecordFields fromText = RecordReader.read(record, previous);
                previous = fromBytes.layout();
                // Serialized, so that the order of the names counts too.
                assertThat(JSON.writeValueAsString(fromBytes.record())).as("bytes of %s", record).isEqualTo(expected);
                assertThat(JSON.writeValueAsString(fromText.record())).as("text of %s", record).isEqualTo(expected);
                // Looked up by name, each field is where the record has it, and absent names are absent.
                for (String name : everyName) {
                    JsonNode value = tree.get(name);
                    JsonNode exact = value == null || value.isNull() ? null : value;
                    if (exact != null || !hasIgnoringCase(tree, name)) {
                        assertThat(fromBytes.peek(name)).as("%s of %s", name, record).isEqualTo(exact);
                        assertThat(fromText.peek(name)).as("%s of %s", name, record).isEqualTo(exact);
                    }
                }
            }
        }
    }

    private static boolean hasIgnoringCase(JsonNode tree, String name) {
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            if (names.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aRecordOfTheExpectedLayoutSharesItAndFindsItsFieldsByName() throws Exception {
        RecordFields first = RecordReader.read("{\"Timestamp\":\"t1\",\"DeviceId\":\"d1\",\"ReportId\":1}"
                .getBytes(StandardCharsets.UTF_8), null);
        RecordFields second = RecordReader.read("{\"Timestamp\":\"t2\",\"DeviceId\":\"d2\",\"ReportId\":2}"
                .getBytes(StandardCharsets.UTF_8), first.layout());
        assertThat(second.layout()).isSameAs(first.layout());
        assertThat(second.text("DeviceId")).isEqualTo("d2");
        assertThat(second.longValue("ReportId")).isEqualTo(2L);
        assertThat(second.text("deviceid")).isEqualTo("d2");
        assertThat(second.has("DeviceName")).isFalse();
    }
}
