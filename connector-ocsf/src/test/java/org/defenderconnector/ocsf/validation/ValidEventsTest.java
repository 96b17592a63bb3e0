package org.defenderconnector.ocsf.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One hand-written, schema-conformant event per class family the connector emits: zero violations each. */
class ValidEventsTest {

    private static final OcsfValidator VALIDATOR = OcsfValidator.standard();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "detection_finding", "incident_finding", "vulnerability_finding", "inventory_info",
            "process_activity", "network_activity", "dns_activity", "file_activity", "authentication",
            "email_activity", "registry_key_activity", "registry_value_activity", "base_event"})
    void handWrittenEventIsValid(String name) {
        ValidationResult result = VALIDATOR.validate(TestEvents.valid(name));

        assertThat(result.violations()).as("%s: %s", name, result).isEmpty();
        assertThat(result.isValid()).isTrue();
    }
}
