package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.Normalizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST entities (alerts with evidence, machines, incidents, Graph alerts...) normalized from their raw JSON
 * text or bytes, as the engine hands them over, give exactly the events their parsed trees give: their
 * nested objects and arrays are read as trees and the mappers see the same record.
 */
class RestRawTextNormalizationTest {
    @Test
    void everyGoldenRecordGivesTheSameEventFromTextBytesAndTree() throws Exception {
        Normalizer normalizer = Normalizer.withAllMappers();
        long start = System.currentTimeMillis();
        int records = 0;
        for (GoldenCase golden : GoldenCase.all()) {
            for (ObjectNode record : golden.records()) {
                String text = GoldenCase.JSON.writeValueAsString(record);
                var context = GoldenCase.context(golden.kind());
                ObjectNode fromTree = normalizer.normalize(golden.kind(), GoldenCase.JSON.readTree(text), context);
                ObjectNode fromText = (ObjectNode) GoldenCase.JSON.readTree(normalizer.normalize(golden.kind(), text, context));
                ObjectNode fromBytes = normalizer.normalize(golden.kind(), text.getBytes(StandardCharsets.UTF_8), context);
                for (ObjectNode event : List.of(fromTree, fromText, fromBytes)) {
                    // A record without a time of its own is stamped with the time it is mapped at.
                    if (event.path("time").asLong() >= start) {
                        event.remove("time");
                    }
                }
                String expected = GoldenCase.JSON.writeValueAsString(fromTree);
                assertThat(GoldenCase.JSON.writeValueAsString(fromText)).as("%s from text", golden).isEqualTo(expected);
                assertThat(GoldenCase.JSON.writeValueAsString(fromBytes)).as("%s from bytes", golden).isEqualTo(expected);
                records++;
            }
        }
        assertThat(records).isGreaterThan(30);
    }
}
