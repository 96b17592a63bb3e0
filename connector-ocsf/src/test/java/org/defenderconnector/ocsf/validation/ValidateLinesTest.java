package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** NDJSON validation, the core of the {@code defender-connector validate} command. */
class ValidateLinesTest {

    private static final OcsfValidator VALIDATOR = OcsfValidator.standard();

    private static String line(ObjectNode event) {
        return event.toString();
    }

    @Test
    void reportsEveryNonBlankLineWithItsNumber() throws IOException {
        ObjectNode broken = TestEvents.valid("network_activity");
        broken.put("time", 1_733_047_200L);
        String input = line(TestEvents.valid("process_activity")) + "\r\n"
                + "\n"
                + "   \n"
                + "{\"class_uid\": 1007,\n"
                + line(broken) + "\n"
                + "[]";
        List<LineResult> results = new ArrayList<>();

        LinesSummary summary = VALIDATOR.validateLines(new StringReader(input), results::add);

        assertThat(results).extracting(LineResult::lineNumber, LineResult::isValid).containsExactly(
                tuple(1L, true), tuple(4L, false), tuple(5L, false), tuple(6L, false));
        assertThat(results.get(1).result().violations()).extracting(Violation::rule)
                .containsExactly(Rule.JSON_INVALID);
        assertThat(results.get(2).result().violations()).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("time", Rule.TIMESTAMP_NOT_MILLISECONDS));
        assertThat(results.get(3).result().violations()).extracting(Violation::rule)
                .containsExactly(Rule.EVENT_NOT_OBJECT);
        assertThat(summary).isEqualTo(new LinesSummary(4, 3));
        assertThat(summary.allValid()).isFalse();
        assertThat(results.get(2).toString()).startsWith("line 5: 1 violation:");
    }

    @Test
    void emptyInputIsAllValid() throws IOException {
        LinesSummary summary = VALIDATOR.validateLines(new StringReader(""), r -> {
            throw new AssertionError("no line expected");
        });

        assertThat(summary).isEqualTo(new LinesSummary(0, 0));
        assertThat(summary.allValid()).isTrue();
    }

    @Test
    void duplicateKeysAndTrailingContentAreNotValidJson() {
        ValidationResult duplicate = VALIDATOR.validate("{\"class_uid\": 1007, \"class_uid\": 1007}");
        ValidationResult trailing = VALIDATOR.validate(line(TestEvents.valid("process_activity")) + " {}");

        assertThat(duplicate.violations()).extracting(Violation::rule).containsExactly(Rule.JSON_INVALID);
        assertThat(trailing.violations()).extracting(Violation::rule).containsExactly(Rule.JSON_INVALID);
    }

    @Test
    void jsonErrorsDoNotEchoTheLine() {
        ValidationResult result = VALIDATOR.validate("{\"secret\": \"hunter2\" oops}");

        assertThat(result.violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).doesNotContain("hunter2"));
    }

    @Test
    void readFailuresPropagateAfterEarlierLinesWereReported() {
        String first = line(TestEvents.valid("dns_activity")) + "\n";
        Reader failing = new Reader() {
            private final StringReader delegate = new StringReader(first);

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int read = delegate.read(buffer, offset, length);
                if (read < 0) {
                    throw new IOException("disk gone");
                }
                return read;
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
        List<LineResult> results = new ArrayList<>();

        assertThatThrownBy(() -> VALIDATOR.validateLines(failing, results::add)).hasMessage("disk gone");
        assertThat(results).extracting(LineResult::lineNumber).containsExactly(1L);
    }
}
