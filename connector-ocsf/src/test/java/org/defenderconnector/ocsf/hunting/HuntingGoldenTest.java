package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each golden input maps to exactly its expected OCSF event, and that event conforms to OCSF 1.8.0. */
class HuntingGoldenTest {

    static List<GoldenFiles.Case> cases() {
        return GoldenFiles.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsToTheExpectedEvent(GoldenFiles.Case golden) throws Exception {
        ObjectNode actual = GoldenFiles.normalize(golden);
        if (Boolean.getBoolean("golden.update")) {
            GoldenFiles.JSON.writeValue(golden.expected().toFile(), actual);
        }
        assertThat(Files.exists(golden.expected())).as("expected file for " + golden).isTrue();
        JsonNode expected = GoldenFiles.JSON.readTree(golden.expected().toFile());
        // Compared after a round trip so that int/long node kinds do not matter, only the JSON does.
        JsonNode actualJson = GoldenFiles.JSON.readTree(GoldenFiles.JSON.writeValueAsString(actual));
        assertThat(actualJson).as(golden.name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conformsToOcsf(GoldenFiles.Case golden) throws Exception {
        ObjectNode actual = GoldenFiles.normalize(golden);
        assertThat(KnownSchemaGaps.unexplained(actual)).as(golden.name()).isEmpty();
    }
}
