package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.defenderconnector.ocsf.validation.TestEvents.at;
import static org.defenderconnector.ocsf.validation.TestEvents.valid;

/**
 * Each test breaks one valid event in one way and expects exactly the violations that break causes,
 * so that both false negatives and collateral false positives fail the test.
 */
class ViolationRulesTest {

    private static final OcsfValidator VALIDATOR = OcsfValidator.standard();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ValidationResult validate(ObjectNode event) {
        return VALIDATOR.validate(event);
    }

    private static void assertViolations(ObjectNode event, Tuple... expected) {
        ValidationResult result = validate(event);
        assertThat(result.violations()).as(result.toString())
                .extracting(Violation::path, Violation::rule)
                .containsExactlyInAnyOrder(expected);
        assertThat(result.isValid()).isFalse();
    }

    private static void assertValid(ObjectNode event) {
        ValidationResult result = validate(event);
        assertThat(result.violations()).as(result.toString()).isEmpty();
    }

    @Nested
    class ClassResolution {

        @Test
        void missingClassUidStopsValidation() {
            ObjectNode event = valid("detection_finding");
            event.remove("class_uid");
            assertViolations(event, tuple("class_uid", Rule.ATTRIBUTE_REQUIRED_MISSING));
        }

        @Test
        void unknownClassUid() {
            ObjectNode event = valid("detection_finding");
            event.put("class_uid", 2099);
            assertViolations(event, tuple("class_uid", Rule.CLASS_UNKNOWN));
        }

        @Test
        void classUidAsString() {
            ObjectNode event = valid("detection_finding");
            event.put("class_uid", "2004");
            assertViolations(event, tuple("class_uid", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void eventThatIsNotAnObject() {
            ValidationResult result = VALIDATOR.validate(NODES.arrayNode().add(1));
            assertThat(result.violations()).extracting(Violation::path, Violation::rule)
                    .containsExactly(tuple("", Rule.EVENT_NOT_OBJECT));
        }

        @Test
        void deprecatedClassIsFlaggedAndOtherwiseValidated() {
            ObjectNode event = TestEvents.deprecated("email_url_activity");
            ValidationResult result = validate(event);
            assertThat(result.violations()).as(result.toString())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(tuple("class_uid", Rule.CLASS_DEPRECATED));
            assertThat(result.violations().get(0).message()).contains("Email Activity");
        }

        @Test
        void deprecatedObjectIsFlagged() {
            ObjectNode event = TestEvents.deprecated("email_url_activity");
            event.put("class_uid", 2001).put("category_uid", 2).put("type_uid", 200101).put("activity_id", 1);
            event.remove(List.of("class_name", "activity_name", "email_uid", "url"));
            event.put("state_id", 1);
            event.putObject("finding").put("uid", "f-1").put("title", "t");
            assertViolations(event, tuple("class_uid", Rule.CLASS_DEPRECATED),
                    tuple("finding", Rule.OBJECT_DEPRECATED));
        }

        @Test
        void windowsExtensionClassesResolveByFullUid() {
            ObjectNode event = valid("registry_value_activity");
            event.put("class_name", "win/registry_value_activity");
            assertViolations(event, tuple("class_name", Rule.ENUM_SIBLING_MISMATCH));
        }
    }

    @Nested
    class RequiredAndUnknownAttributes {

        @Test
        void missingRequiredClassAttribute() {
            ObjectNode event = valid("detection_finding");
            event.remove("finding_info");
            assertViolations(event, tuple("finding_info", Rule.ATTRIBUTE_REQUIRED_MISSING));
        }

        @Test
        void missingRequiredNestedAttribute() {
            ObjectNode event = valid("process_activity");
            at(event, "process.file").remove("type_id");
            assertViolations(event, tuple("process.file.type_id", Rule.ATTRIBUTE_REQUIRED_MISSING));
        }

        @Test
        void missingRequiredAttributeInArrayElement() {
            ObjectNode event = valid("vulnerability_finding");
            at(event, "vulnerabilities[0].cve.cvss[0]").remove("version");
            assertViolations(event, tuple("vulnerabilities[0].cve.cvss[0].version", Rule.ATTRIBUTE_REQUIRED_MISSING));
        }

        @Test
        void nullCountsAsMissing() {
            ObjectNode event = valid("process_activity");
            event.putNull("actor");
            assertViolations(event, tuple("actor", Rule.ATTRIBUTE_REQUIRED_MISSING));
        }

        @Test
        void recommendedAttributesAreNotRequired() {
            ObjectNode event = valid("detection_finding");
            event.remove(List.of("message", "status_id", "status", "observables", "evidences"));
            at(event, "finding_info").remove(List.of("title", "analytic"));
            at(event, "device").remove("hostname");
            assertValid(event);
        }

        @Test
        void unknownTopLevelAttribute() {
            ObjectNode event = valid("network_activity");
            event.put("direction", "outbound");
            assertViolations(event, tuple("direction", Rule.ATTRIBUTE_UNKNOWN));
        }

        @Test
        void unknownNestedAttribute() {
            ObjectNode event = valid("detection_finding");
            at(event, "finding_info.attacks[0].technique").put("url", "https://attack.mitre.org/techniques/T1059/");
            assertViolations(event, tuple("finding_info.attacks[0].technique.url", Rule.ATTRIBUTE_UNKNOWN));
        }

        @Test
        void unmappedAcceptsAnything() {
            ObjectNode event = valid("base_event");
            ObjectNode unmapped = at(event, "unmapped");
            unmapped.putArray("nested").addObject().put("x", 1).putNull("y");
            unmapped.put("time", "not a timestamp");
            assertValid(event);
        }

        @Test
        void windowsExtensionObjectsAreAvailableInCoreObjects() {
            ObjectNode event = valid("detection_finding");
            ObjectNode evidence = ((ArrayNode) event.get("evidences")).addObject();
            evidence.putObject("reg_value").put("path", "HKEY_CURRENT_USER\\Software\\Run").put("name", "x");
            assertValid(event);
        }
    }

    @Nested
    class Types {

        @Test
        void integerGivenAsString() {
            ObjectNode event = valid("detection_finding");
            event.put("severity_id", "4");
            assertViolations(event, tuple("severity_id", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void integerGivenAsFloat() {
            ObjectNode event = valid("process_activity");
            at(event, "process").put("pid", 1234.0);
            assertViolations(event, tuple("process.pid", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void integerOutsideThirtyTwoBits() {
            ObjectNode event = valid("process_activity");
            at(event, "process").put("pid", 3_000_000_000L);
            assertViolations(event, tuple("process.pid", Rule.VALUE_OUT_OF_RANGE));
        }

        @Test
        void stringGivenAsNumber() {
            ObjectNode event = valid("process_activity");
            at(event, "metadata").put("original_event_uid", 11627);
            assertViolations(event, tuple("metadata.original_event_uid", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void scalarWhereArrayIsExpected() {
            ObjectNode event = valid("email_activity");
            at(event, "email").put("to", "alice@contoso.com");
            assertViolations(event, tuple("email.to", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void scalarWhereObjectIsExpected() {
            ObjectNode event = valid("process_activity");
            event.put("device", "ws-01");
            assertViolations(event, tuple("device", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void booleanGivenAsString() {
            ObjectNode event = valid("authentication");
            event.put("is_remote", "true");
            assertViolations(event, tuple("is_remote", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void floatAcceptsIntegralNumbers() {
            ObjectNode event = valid("vulnerability_finding");
            at(event, "vulnerabilities[0].cve.cvss[0]").put("base_score", 9);
            assertValid(event);
        }

        @Test
        void jsonAcceptsAnyValue() {
            ObjectNode event = valid("registry_value_activity");
            at(event, "reg_value").putArray("data").add(1).add("two");
            assertValid(event);
        }
    }

    @Nested
    class Timestamps {

        @Test
        void secondsInsteadOfMilliseconds() {
            ObjectNode event = valid("detection_finding");
            event.put("time", 1_733_047_200L);
            assertViolations(event, tuple("time", Rule.TIMESTAMP_NOT_MILLISECONDS));
        }

        @Test
        void nestedSecondsInsteadOfMilliseconds() {
            ObjectNode event = valid("inventory_info");
            at(event, "device").put("last_seen_time", 1_733_047_200L);
            assertViolations(event, tuple("device.last_seen_time", Rule.TIMESTAMP_NOT_MILLISECONDS));
        }

        @Test
        void microsecondsInsteadOfMilliseconds() {
            ObjectNode event = valid("detection_finding");
            event.put("time", 1_733_047_200_000_000L);
            assertViolations(event, tuple("time", Rule.TIMESTAMP_NOT_MILLISECONDS));
        }

        @Test
        void fractionalSeconds() {
            ObjectNode event = valid("detection_finding");
            event.put("time", 1_733_047_200.0);
            assertViolations(event, tuple("time", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void isoStringInTimestamp() {
            ObjectNode event = valid("detection_finding");
            event.put("time", "2024-12-01T10:00:00Z");
            assertViolations(event, tuple("time", Rule.ATTRIBUTE_WRONG_TYPE));
        }

        @Test
        void datetimeWithoutOffset() {
            ObjectNode event = valid("detection_finding");
            event.put("time_dt", "2024-12-01T10:00:00.000");
            assertViolations(event, tuple("time_dt", Rule.VALUE_MALFORMED));
        }

        @Test
        void datetimeWithImpossibleDate() {
            ObjectNode event = valid("detection_finding");
            event.put("time_dt", "2024-02-30T10:00:00Z");
            assertViolations(event, tuple("time_dt", Rule.VALUE_MALFORMED));
        }

        @Test
        void datetimeWithOffsetIsValid() {
            ObjectNode event = valid("detection_finding");
            event.put("time_dt", "2024-12-01T11:00:00.1234567+01:00");
            assertValid(event);
        }
    }

    @Nested
    class Formats {

        @Test
        void ipv4OctetOutOfRange() {
            ObjectNode event = valid("network_activity");
            at(event, "src_endpoint").put("ip", "10.0.0.300");
            assertViolations(event, tuple("src_endpoint.ip", Rule.VALUE_MALFORMED));
        }

        @Test
        void ipv4WithoutDotsThatTheSchemaRegexWouldLetThrough() {
            ObjectNode event = valid("network_activity");
            at(event, "src_endpoint").put("ip", "10a0b0c5");
            assertViolations(event, tuple("src_endpoint.ip", Rule.VALUE_MALFORMED));
        }

        @Test
        void hostnameInIpAttribute() {
            ObjectNode event = valid("network_activity");
            at(event, "dst_endpoint").put("ip", "contoso.sharepoint.com");
            assertViolations(event, tuple("dst_endpoint.ip", Rule.VALUE_MALFORMED));
        }

        @Test
        void badIpInArray() {
            ObjectNode event = valid("email_activity");
            at(event, "email").putArray("x_originating_ip").add("203.0.113.9").add("unknown");
            assertViolations(event, tuple("email.x_originating_ip[1]", Rule.VALUE_MALFORMED));
        }

        @Test
        void portAboveRange() {
            ObjectNode event = valid("network_activity");
            at(event, "dst_endpoint").put("port", 70_000);
            assertViolations(event, tuple("dst_endpoint.port", Rule.VALUE_OUT_OF_RANGE));
        }

        @Test
        void negativePort() {
            ObjectNode event = valid("network_activity");
            at(event, "src_endpoint").put("port", -1);
            assertViolations(event, tuple("src_endpoint.port", Rule.VALUE_OUT_OF_RANGE));
        }

        @Test
        void macWithoutSeparators() {
            ObjectNode event = valid("inventory_info");
            at(event, "device.network_interfaces[0]").put("mac", "00155D010203");
            assertViolations(event, tuple("device.network_interfaces[0].mac", Rule.VALUE_MALFORMED));
        }

        @Test
        void malformedEmailAddress() {
            ObjectNode event = valid("email_activity");
            at(event, "email").put("from", "Sender Name");
            assertViolations(event, tuple("email.from", Rule.VALUE_MALFORMED));
        }

        @Test
        void ipLongerThanMaxLength() {
            ObjectNode event = valid("network_activity");
            at(event, "dst_endpoint").put("ip", "2001:0db8:85a3:0000:0000:8a2e:0370:7334%eth0-long-zone");
            assertViolations(event, tuple("dst_endpoint.ip", Rule.VALUE_TOO_LONG));
        }
    }

    @Nested
    class Enums {

        @Test
        void valueOutsideEnum() {
            ObjectNode event = valid("detection_finding");
            event.put("severity_id", 7);
            assertViolations(event, tuple("severity_id", Rule.ENUM_VALUE_UNKNOWN));
        }

        @Test
        void activityOutsideEnumWithConsistentTypeUid() {
            ObjectNode event = valid("process_activity");
            event.put("activity_id", 42).put("type_uid", 100742);
            event.remove("activity_name");
            assertViolations(event, tuple("activity_id", Rule.ENUM_VALUE_UNKNOWN));
        }

        @Test
        void nestedValueOutsideEnum() {
            ObjectNode event = valid("inventory_info");
            at(event, "device.os").put("type_id", 150);
            assertViolations(event, tuple("device.os.type_id", Rule.ENUM_VALUE_UNKNOWN));
        }

        @Test
        void arrayValueOutsideEnum() {
            ObjectNode event = valid("email_activity");
            at(event, "email.urls[0]").putArray("category_ids").add(1).add(1000);
            assertViolations(event, tuple("email.urls[0].category_ids[1]", Rule.ENUM_VALUE_UNKNOWN));
        }

        @Test
        void otherIsAllowedWithTheSourcesOwnCaption() {
            ObjectNode event = valid("detection_finding");
            event.put("severity_id", 99).put("severity", "Sev-X");
            event.put("status_id", 99).put("status", "Dismissed");
            assertValid(event);
        }

        @Test
        void deprecatedEnumValue() {
            ObjectNode event = valid("registry_value_activity");
            at(event, "reg_value").put("type_id", 9).put("type", "REG_QWORD_LITTLE_ENDIAN");
            assertViolations(event, tuple("reg_value.type_id", Rule.ENUM_VALUE_DEPRECATED));
        }

        @Test
        void stringEnum() {
            ObjectNode event = valid("vulnerability_finding");
            at(event, "vulnerabilities[0].cve.cvss[0]").put("depth", "Partial");
            assertViolations(event, tuple("vulnerabilities[0].cve.cvss[0].depth", Rule.ENUM_VALUE_UNKNOWN));
        }
    }

    @Nested
    class Captions {

        @Test
        void severityCaptionMismatch() {
            ObjectNode event = valid("detection_finding");
            event.put("severity", "high");
            assertViolations(event, tuple("severity", Rule.ENUM_SIBLING_MISMATCH));
        }

        @Test
        void activityNameMismatch() {
            ObjectNode event = valid("process_activity");
            event.put("activity_name", "ProcessCreated");
            assertViolations(event, tuple("activity_name", Rule.ENUM_SIBLING_MISMATCH));
        }

        @Test
        void statusMismatchUsesTheClassSpecificEnum() {
            ObjectNode event = valid("detection_finding");
            event.put("status", "Success");
            assertViolations(event, tuple("status", Rule.ENUM_SIBLING_MISMATCH));
        }

        @Test
        void nestedCaptionMismatch() {
            ObjectNode event = valid("inventory_info");
            at(event, "device").put("type", "Notebook");
            assertViolations(event, tuple("device.type", Rule.ENUM_SIBLING_MISMATCH));
        }

        @Test
        void arrayCaptionMismatch() {
            ObjectNode event = valid("email_activity");
            ObjectNode url = at(event, "email.urls[0]");
            url.putArray("category_ids").add(1);
            url.putArray("categories").add("Adult");
            assertViolations(event, tuple("email.urls[0].categories[0]", Rule.ENUM_SIBLING_MISMATCH));
        }

        @Test
        void classNameIsTheCaptionNotTheSchemaName() {
            ObjectNode event = valid("detection_finding");
            event.put("class_name", "detection_finding");
            assertViolations(event, tuple("class_name", Rule.ENUM_SIBLING_MISMATCH));
        }

        @Test
        void categoryNameMismatch() {
            ObjectNode event = valid("detection_finding");
            event.put("category_name", "Finding");
            assertViolations(event, tuple("category_name", Rule.ENUM_SIBLING_MISMATCH));
        }

        @Test
        void typeNameMismatch() {
            ObjectNode event = valid("detection_finding");
            event.put("type_name", "Detection Finding: Created");
            assertViolations(event, tuple("type_name", Rule.ENUM_SIBLING_MISMATCH));
        }

        @Test
        void typeNameForOtherActivityIsStillTheSchemaCaption() {
            ObjectNode event = valid("base_event");
            event.put("type_name", "Base Event: LdapSearch");
            assertViolations(event, tuple("type_name", Rule.ENUM_SIBLING_MISMATCH));
        }
    }

    @Nested
    class Classification {

        @Test
        void wrongTypeUid() {
            ObjectNode event = valid("detection_finding");
            event.put("type_uid", 200402);
            assertViolations(event, tuple("type_uid", Rule.TYPE_UID_MISMATCH));
        }

        @Test
        void typeUidOfAnExtensionClass() {
            ObjectNode event = valid("registry_key_activity");
            event.put("type_uid", 201001);
            assertViolations(event, tuple("type_uid", Rule.TYPE_UID_MISMATCH));
        }

        @Test
        void wrongCategoryUid() {
            ObjectNode event = valid("detection_finding");
            event.put("category_uid", 1);
            assertViolations(event, tuple("category_uid", Rule.CATEGORY_UID_MISMATCH));
        }

        @Test
        void wrongMetadataVersion() {
            ObjectNode event = valid("detection_finding");
            at(event, "metadata").put("version", "1.7.0");
            assertViolations(event, tuple("metadata.version", Rule.VERSION_MISMATCH));
        }

        @Test
        void missingMetadataVersion() {
            ObjectNode event = valid("detection_finding");
            at(event, "metadata").remove("version");
            assertViolations(event, tuple("metadata.version", Rule.ATTRIBUTE_REQUIRED_MISSING));
        }
    }

    @Nested
    class Constraints {

        @Test
        void justOneWithTwo() {
            ObjectNode event = valid("vulnerability_finding");
            at(event, "vulnerabilities[0]").putObject("cwe").put("uid", "CWE-787");
            assertViolations(event, tuple("vulnerabilities[0]", Rule.CONSTRAINT_JUST_ONE));
        }

        @Test
        void justOneWithNone() {
            ObjectNode event = valid("vulnerability_finding");
            at(event, "vulnerabilities[0]").remove("cve");
            assertViolations(event, tuple("vulnerabilities[0]", Rule.CONSTRAINT_JUST_ONE));
        }

        @Test
        void atLeastOneOnClass() {
            ObjectNode event = valid("network_activity");
            event.remove(List.of("src_endpoint", "dst_endpoint"));
            assertViolations(event, tuple("", Rule.CONSTRAINT_AT_LEAST_ONE));
        }

        @Test
        void atLeastOneOnNestedObject() {
            ObjectNode event = valid("process_activity");
            at(event, "metadata.product").remove("name");
            assertViolations(event, tuple("metadata.product", Rule.CONSTRAINT_AT_LEAST_ONE));
        }

        @Test
        void atLeastOneCountsNullAsAbsent() {
            ObjectNode event = valid("authentication");
            event.remove("dst_endpoint");
            event.putNull("service");
            assertViolations(event, tuple("", Rule.CONSTRAINT_AT_LEAST_ONE));
        }

        @Test
        void unassignedIncidentFailsTheAssigneeConstraint() {
            ObjectNode event = valid("incident_finding");
            event.remove("assignee");
            assertViolations(event, tuple("", Rule.CONSTRAINT_AT_LEAST_ONE));
        }

        @Test
        void dottedConstraintPaths() {
            ObjectNode event = TestEvents.parse("""
                    {"activity_id": 1, "category_uid": 5, "class_uid": 5004, "type_uid": 500401, "severity_id": 1,
                     "time": 1733047200000,
                     "metadata": {"version": "1.8.0", "product": {"name": "Microsoft Defender for Endpoint"}},
                     "device": {"type_id": 2, "hostname": "ws-01", "os": {"name": "Windows 11", "type_id": 100}}}
                    """);
            assertViolations(event, tuple("", Rule.CONSTRAINT_AT_LEAST_ONE));

            at(event, "device.os").put("version", "22H2");
            assertValid(event);
        }
    }

    @Nested
    class Profiles {

        @Test
        void profileAttributeWithoutTheProfile() {
            ObjectNode event = valid("process_activity");
            event.put("time_dt", "2024-12-01T10:00:00.123Z");
            assertViolations(event, tuple("time_dt", Rule.ATTRIBUTE_PROFILE_NOT_DECLARED));
        }

        @Test
        void securityControlAttributeWithoutTheProfile() {
            ObjectNode event = valid("network_activity");
            event.put("disposition_id", 2);
            assertViolations(event, tuple("disposition_id", Rule.ATTRIBUTE_PROFILE_NOT_DECLARED));
        }

        @Test
        void hostProfileGatesDeviceOutsideSystemActivity() {
            ObjectNode event = valid("network_activity");
            ((ArrayNode) at(event, "metadata").get("profiles")).removeAll();
            assertViolations(event, tuple("device", Rule.ATTRIBUTE_PROFILE_NOT_DECLARED),
                    tuple("actor", Rule.ATTRIBUTE_PROFILE_NOT_DECLARED));
        }

        @Test
        void nestedProfileAttributeWithoutTheProfile() {
            ObjectNode event = valid("process_activity");
            at(event, "device").putObject("container").put("uid", "c-1");
            assertViolations(event, tuple("device.container", Rule.ATTRIBUTE_PROFILE_NOT_DECLARED));
        }

        @Test
        void declaringCloudMakesCloudRequired() {
            ObjectNode event = valid("process_activity");
            at(event, "metadata").putArray("profiles").add("cloud");
            assertViolations(event, tuple("cloud", Rule.ATTRIBUTE_REQUIRED_MISSING));
        }

        @Test
        void unknownProfile() {
            ObjectNode event = valid("detection_finding");
            ((ArrayNode) at(event, "metadata").get("profiles")).add("hosts");
            assertViolations(event, tuple("metadata.profiles[3]", Rule.PROFILE_UNKNOWN));
        }

        @Test
        void extensionProfilesUseTheirScopedName() {
            ObjectNode event = valid("process_activity");
            at(event, "metadata").putArray("profiles").add("linux/linux_users");
            at(event, "process").put("euid", 1000);
            assertValid(event);
        }
    }

    @Nested
    class Deprecations {

        @Test
        void deprecatedAttribute() {
            ObjectNode event = valid("email_activity");
            at(event, "email").put("smtp_from", "sender@example.com");
            assertViolations(event, tuple("email.smtp_from", Rule.ATTRIBUTE_DEPRECATED));
        }

        @Test
        void fileSignatureIsDeprecatedInFavourOfSignatures() {
            ObjectNode event = valid("process_activity");
            at(event, "process.file").putObject("signature").put("algorithm_id", 3);
            ValidationResult result = validate(event);
            assertThat(result.violations(Rule.ATTRIBUTE_DEPRECATED)).extracting(Violation::path)
                    .containsExactly("process.file.signature");
        }
    }

    @Nested
    class Observables {

        @Test
        void observableNameMustBeAnAttributePath() {
            ObjectNode event = valid("detection_finding");
            at(event, "observables[0]").put("name", "device.host_name");
            assertViolations(event, tuple("observables[0].name", Rule.OBSERVABLE_NAME_UNRESOLVED));
        }

        @Test
        void observableNameMayCarryArrayIndexes() {
            ObjectNode event = valid("detection_finding");
            at(event, "observables[1]").put("name", "evidences[0].process.file.name");
            assertValid(event);
        }
    }

    @Test
    void violationsCarryReadableMessages() {
        ObjectNode event = valid("detection_finding");
        event.put("time", 1_733_047_200L);
        event.put("severity", "high");

        ValidationResult result = validate(event);

        assertThat(result.toString())
                .contains("2 violations:")
                .contains("time [timestamp_not_milliseconds] value 1733047200 looks like epoch seconds")
                .contains("severity [attribute_enum_sibling_incorrect] \"high\" does not match severity_id 4, "
                        + "whose caption is \"High\"");
    }
}
