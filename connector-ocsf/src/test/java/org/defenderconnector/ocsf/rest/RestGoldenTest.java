package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests: every record under golden/rest/&lt;kind&gt;/ maps to exactly the expected OCSF event, and
 * every event passes the OCSF 1.8.0 validator with zero violations.
 *
 * <p>To regenerate the expected files after a deliberate mapping change, run with
 * {@code -Dgolden.update=true} and review the diff before committing.
 */
class RestGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static OcsfValidator validator;
    private static Map<String, OcsfMapper> mappers;

    @BeforeAll
    static void setUp() {
        validator = OcsfValidator.standard();
        mappers = RestMappers.byKind();
    }

    static List<GoldenCase> cases() {
        return GoldenCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsToTheExpectedValidEvents(GoldenCase golden) throws Exception {
        OcsfMapper mapper = mappers.get(golden.kind());
        assertThat(mapper).as("a mapper for kind %s", golden.kind()).isNotNull();
        ArrayNode actual = golden.mapAll(mapper);

        if (UPDATE) {
            Path source = Path.of("src/test/resources").resolve(GoldenCase.ROOT.substring(1))
                    .resolve(golden.kind()).resolve(golden.name() + ".expected.json");
            Files.writeString(source, GoldenCase.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        } else {
            assertThat(Files.exists(golden.expected())).as("expected file for %s", golden).isTrue();
            JsonNode expected = GoldenCase.JSON.readTree(golden.expected().toFile());
            // Compared as parsed JSON text: Jackson's IntNode and LongNode never compare equal.
            JsonNode reparsed = GoldenCase.JSON.readTree(GoldenCase.JSON.writeValueAsString(actual));
            assertThat(reparsed).as("OCSF events of %s", golden).isEqualTo(expected);
        }
        for (int i = 0; i < actual.size(); i++) {
            ValidationResult result = validator.validate(actual.get(i));
            assertThat(result.violations()).as("violations of %s record %d", golden, i).isEmpty();
        }
    }
}
