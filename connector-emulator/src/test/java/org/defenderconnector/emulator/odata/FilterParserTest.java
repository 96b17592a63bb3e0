package org.defenderconnector.emulator.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.defenderconnector.emulator.odata.FieldType.DATETIME;
import static org.defenderconnector.emulator.odata.FieldType.ENUM;
import static org.defenderconnector.emulator.odata.FieldType.NUMBER;
import static org.defenderconnector.emulator.odata.FieldType.STRING;
import static org.defenderconnector.emulator.odata.FieldType.STRING_LIST;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The $filter grammar on its own: what parses, what it means, and what is refused with which message. */
class FilterParserTest {

    private static final EntityFields FIELDS = EntityFields.of("lastUpdateTime", DATETIME, "severity", ENUM,
            "incidentId", NUMBER, "computerDnsName", STRING, "machineTags", STRING_LIST, "assignedTo", STRING);
    private static final ObjectNode RECORD = new ObjectMapper().createObjectNode()
            .put("lastUpdateTime", "2024-01-01T10:00:00.1234567Z").put("severity", "High").put("incidentId", 42)
            .put("computerDnsName", "ws-00001.contoso.com").putNull("assignedTo");

    static {
        RECORD.putArray("machineTags").add("VIP").add("Pilot");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "lastUpdateTime ge 2024-01-01T00:00:00Z | true",
            "lastUpdateTime gt 2024-01-01T10:00:00.1234567Z | false",
            "lastUpdateTime ge 2024-01-01T10:00:00.1234567Z | true",
            "lastUpdateTime lt 2024-01-01T10:00:00.1234568Z | true",
            "lastUpdateTime le 2024-01-01Z | false",
            "lastUpdateTime gt 2024-01-01T11:00:00+02:00 | true",
            "LastUpdateTime ge 2023-12-31 | true",
            "severity eq 'high' | true",
            "severity ne 'High' | false",
            "incidentId eq 42 and severity eq 'High' | true",
            "(incidentId gt 40) and (incidentId lt 42) | false",
            "startswith(computerDnsName,'WS-') | true",
            "machineTags/any(tag: tag eq 'vip') | true",
            "machineTags/any(t: startswith(t, 'Pi')) | true",
            "machineTags/any(t: t eq 'Kiosk') | false",
            "assignedTo eq null | true",
            "assignedTo ne null | false",
            "computerDnsName eq 'it''s' | false"})
    void evaluates(String filter, boolean expected) {
        assertThat(FilterParser.parse(filter, FIELDS, "Alerts", false).test(RECORD)).isEqualTo(expected);
    }

    @Test
    void orAndNotOnlyWhereAllowed() {
        assertThat(FilterParser.parse("severity eq 'Low' or not (incidentId eq 1)", FIELDS, "alerts_v2", true)
                .test(RECORD)).isTrue();
        assertThatThrownBy(() -> FilterParser.parse("severity eq 'Low' or severity eq 'High'", FIELDS, "Alerts", false))
                .hasMessageContaining("'or' is not supported");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "title eq 'x' | the property 'title' cannot be used in $filter on Alerts",
            "severity has 'High' | the operator 'has' is not supported",
            "contains(computerDnsName,'ws') | the function 'contains' is not supported",
            "lastUpdateTime ge '2024-01-01T00:00:00Z' | incompatible types",
            "incidentId eq '42' | incompatible types",
            "severity eq High | expected a literal",
            "machineTags eq 'VIP' | is a collection",
            "severity eq | expected a literal",
            "severity eq 'High' extra | unexpected 'extra'",
            "severity eq \"High\" | single quotes",
            "severity eq 'High | unterminated"})
    void refusesWithAMessageThatNamesTheProblem(String filter, String message) {
        assertThatThrownBy(() -> FilterParser.parse(filter, FIELDS, "Alerts", false))
                .isInstanceOf(ODataException.class).hasMessageContaining(message);
    }

    @Test
    void timeWindowsComeFromTopLevelBounds() {
        Filter filter = FilterParser.parse("lastUpdateTime ge 2024-01-01T00:00:00Z and severity eq 'High' and "
                + "lastUpdateTime lt 2024-01-02T00:00:00Z", FIELDS, "Alerts", false);

        TimeWindow window = TimeWindow.of(filter).orElseThrow();

        assertThat(window.contains(Instant.parse("2024-01-01T00:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2024-01-02T00:00:00Z"))).isFalse();
        assertThat(TimeWindow.fromFilterText("lastUpdateTime gt 2024-01-01T00:00:00.5Z").orElseThrow()
                .contains(Instant.parse("2024-01-01T00:00:00.5Z"))).isFalse();
        assertThat(TimeWindow.fromFilterText("severity eq 'High'")).isEmpty();
        assertThat(TimeWindow.fromFilterText("a ge 2024-01-01Z or b lt 2024-01-02Z")).isEmpty();
    }
}
