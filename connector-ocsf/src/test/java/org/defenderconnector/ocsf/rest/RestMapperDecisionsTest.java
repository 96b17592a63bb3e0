package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping decisions documented in docs/ocsf/*.md, one rule per test. */
class RestMapperDecisionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MappingContext NO_TENANT = new MappingContext(null, "test", Product.DEFENDER_FOR_ENDPOINT);

    private static ObjectNode map(OcsfMapper mapper, String json) throws Exception {
        return mapper.map(new RecordFields(JSON.readTree(json)), NO_TENANT);
    }

    @Test
    void everyRestKindIsRegisteredForTheServiceLoader() {
        Normalizer normalizer = Normalizer.withAllMappers();
        Set<String> kinds = RestMappers.byKind().keySet();
        assertThat(kinds).containsExactlyInAnyOrder("mde-alert", "graph-alert", "xdr-incident", "graph-incident",
                "mde-machine", "mde-machine-action", "mde-vulnerability-by-machine", "mde-vulnerability",
                "mde-machine-vulnerability", "mde-software", "mde-exposure-score", "mde-configuration-score", "mde-indicator");
        kinds.forEach(kind -> assertThat(normalizer.knows(kind)).as(kind).isTrue());
        assertThat(normalizer.knows("MDE-Alert")).isTrue();
    }

    @ParameterizedTest(name = "{0}: created {1}, updated {2} → {3}")
    @CsvSource({
            "New, 2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z, 1",
            "New, 2024-01-01T00:00:00Z, 2024-01-01T00:00:59Z, 1",
            "InProgress, 2024-01-01T00:00:00Z, 2024-01-01T00:01:00Z, 2",
            "New, 2024-01-01T00:00:00Z, 2024-01-03T00:00:00Z, 2",
            "Resolved, 2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z, 3"})
    void alertActivityComesFromStatusAndUpdateTime(String status, String created, String updated, int activity) throws Exception {
        ObjectNode event = map(new MdeAlertMapper(RestMappers.CLOCK), """
                {"id":"a1","status":"%s","alertCreationTime":"%s","lastUpdateTime":"%s","severity":"Low"}
                """.formatted(status, created, updated));
        assertThat(event.get("activity_id").asInt()).isEqualTo(activity);
        assertThat(event.get("type_uid").asLong()).isEqualTo(200400L + activity);
    }

    @Test
    void unassignedIncidentNamesDefendersUnassignedQueueAndIsOnlyValidBecauseOfIt() throws Exception {
        ObjectNode event = map(new XdrIncidentMapper(RestMappers.CLOCK), """
                {"incidentId":1,"incidentName":"x","createdTime":"2024-01-01T00:00:00Z","lastUpdateTime":"2024-01-01T00:00:00Z",
                 "assignedTo":null,"status":"Active","severity":"Low","alerts":[]}
                """);
        assertThat(event.has("assignee")).isFalse();
        assertThat(event.at("/assignee_group/name").asText()).isEqualTo("Unassigned");
        OcsfValidator validator = OcsfValidator.standard();
        assertThat(validator.validate(event).isValid()).isTrue();

        event.remove("assignee_group");
        assertThat(validator.validate(event).violations(Rule.CONSTRAINT_AT_LEAST_ONE)).isNotEmpty();
    }

    @Test
    void assignedIncidentHasTheAnalystAndNoGroup() throws Exception {
        ObjectNode event = map(new GraphIncidentMapper(RestMappers.CLOCK), """
                {"id":"7","displayName":"x","createdDateTime":"2024-01-01T00:00:00Z","lastUpdateDateTime":"2024-01-01T00:00:00Z",
                 "assignedTo":"kai@contoso.com","status":"inProgress","severity":"high"}
                """);
        assertThat(event.at("/assignee/email_addr").asText()).isEqualTo("kai@contoso.com");
        assertThat(event.has("assignee_group")).isFalse();
        assertThat(event.get("status_id").asInt()).isEqualTo(2);
    }

    @Test
    void productFollowsTheRecordKindWhateverTheCallerPassed() throws Exception {
        MappingContext wrong = new MappingContext(null, "x", Product.DEFENDER_FOR_ENDPOINT);
        ObjectNode graph = new GraphAlertMapper(RestMappers.CLOCK).map(new RecordFields(JSON.readTree("{\"id\":\"g\"}")), wrong);
        assertThat(graph.at("/metadata/product/name").asText()).isEqualTo("Microsoft Defender XDR");
        MappingContext wrongToo = new MappingContext(null, "x", Product.DEFENDER_XDR);
        ObjectNode machine = new MdeMachineMapper(RestMappers.CLOCK).map(new RecordFields(JSON.readTree("{\"id\":\"m\"}")), wrongToo);
        assertThat(machine.at("/metadata/product/name").asText()).isEqualTo("Microsoft Defender for Endpoint");
    }

    @Test
    void recordTenantFillsAMissingContextTenantAndADifferentOneStaysUnmapped() throws Exception {
        String alert = "{\"id\":\"a\",\"aadTenantId\":\"t-record\"}";
        ObjectNode withoutContext = map(new MdeAlertMapper(RestMappers.CLOCK), alert);
        assertThat(withoutContext.at("/metadata/tenant_uid").asText()).isEqualTo("t-record");
        assertThat(withoutContext.at("/unmapped/aadTenantId").isMissingNode()).isTrue();

        MappingContext other = new MappingContext("t-context", "x", Product.DEFENDER_FOR_ENDPOINT);
        ObjectNode withContext = new MdeAlertMapper(RestMappers.CLOCK).map(new RecordFields(JSON.readTree(alert)), other);
        assertThat(withContext.at("/metadata/tenant_uid").asText()).isEqualTo("t-context");
        assertThat(withContext.at("/unmapped/aadTenantId").asText()).isEqualTo("t-record");
    }

    @ParameterizedTest(name = "{0} {1} → class {2}, activity {3}, status {4}")
    @CsvSource({
            "RunAntiVirusScan, Pending, 6007, 99, 0",
            "RunAntiVirusScan, InProgress, 6007, 1, 0",
            "RunAntiVirusScan, Succeeded, 6007, 2, 1",
            "RunAntiVirusScan, Cancelled, 6007, 3, 99",
            "RunAntiVirusScan, Failed, 6007, 6, 2",
            "RunAntiVirusScan, TimeOut, 6007, 99, 2",
            "Isolate, Succeeded, 7001, 1, 1",
            "RestrictCodeExecution, Succeeded, 7001, 1, 1",
            "StopAndQuarantineFile, Failed, 7001, 2, 2",
            "Unisolate, Succeeded, 7001, 3, 1",
            "UnrestrictCodeExecution, Succeeded, 7001, 3, 1",
            "CollectInvestigationPackage, Succeeded, 7001, 99, 1",
            "LiveResponse, Succeeded, 7001, 99, 1",
            "Offboard, Succeeded, 7001, 99, 1",
            "SomeFutureAction, Pending, 7001, 99, 0"})
    void machineActionClassAndActivity(String type, String status, int classUid, int activity, int statusId) throws Exception {
        ObjectNode event = map(new MdeMachineActionMapper(RestMappers.CLOCK), """
                {"id":"a","type":"%s","status":"%s","machineId":"m","creationDateTimeUtc":"2024-01-01T00:00:00Z",
                 "lastUpdateDateTimeUtc":"2024-01-01T00:05:00Z"}
                """.formatted(type, status));
        assertThat(event.get("class_uid").asInt()).isEqualTo(classUid);
        assertThat(event.get("activity_id").asInt()).isEqualTo(activity);
        assertThat(event.get("status_id").asInt()).isEqualTo(statusId);
        assertThat(event.get("command_uid").asText()).isEqualTo("a");
        if (activity == 99) {
            assertThat(event.get("activity_name").asText()).isEqualTo(classUid == 6007 ? status : type);
        }
        assertThat(OcsfValidator.standard().validate(event).violations()).isEmpty();
    }

    @Test
    void deltaExportStatusDrivesTheVulnerabilityLifecycle() throws Exception {
        MdeVulnerabilityByMachineMapper mapper = new MdeVulnerabilityByMachineMapper(RestMappers.CLOCK);
        String row = """
                {"id":"r","deviceId":"d","cveId":"CVE-2024-1","softwareName":"s","softwareVersion":"1","status":"%s",
                 "eventTimestamp":"2024-01-01 00:00:00.1234567"}
                """;
        assertThat(map(mapper, row.formatted("New")).get("activity_id").asInt()).isEqualTo(1);
        assertThat(map(mapper, row.formatted("Updated")).get("activity_id").asInt()).isEqualTo(2);
        ObjectNode fixed = map(mapper, row.formatted("Fixed"));
        assertThat(fixed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(fixed.get("status_id").asInt()).isEqualTo(4);
        // the export writes zone-less times; they are UTC
        assertThat(fixed.get("time").asLong()).isEqualTo(1704067200123L);
    }

    @Test
    void exportRowWithoutCveIsSoftwareInventoryNotAVulnerability() throws Exception {
        ObjectNode event = map(new MdeVulnerabilityByMachineMapper(RestMappers.CLOCK), """
                {"id":"r","deviceId":"d","deviceName":"h","cveId":null,"softwareVendor":"v","softwareName":"s","softwareVersion":"1",
                 "lastSeenTimestamp":"2024-01-01 00:00:00"}
                """);
        assertThat(event.get("class_uid").asInt()).isEqualTo(5020);
        assertThat(event.at("/sbom/package/name").asText()).isEqualTo("s");
        assertThat(event.has("vulnerabilities")).isFalse();
    }

    @Test
    void mappingLeavesTheSourceRecordUntouched() throws Exception {
        for (GoldenCase golden : GoldenCase.all()) {
            OcsfMapper mapper = RestMappers.byKind().get(golden.kind());
            for (ObjectNode record : golden.records()) {
                JsonNode before = record.deepCopy();
                mapper.map(new RecordFields(record), GoldenCase.context(golden.kind()));
                assertThat(record).as("%s", golden).isEqualTo(before);
            }
        }
    }

    @Test
    void bareDefenderMacAddressesAreWrittenWithColonsAndOthersAreLeftAlone() {
        assertThat(Devices.mac("8CEC4B897E73")).isEqualTo("8C:EC:4B:89:7E:73");
        assertThat(Devices.mac("00-15-5d-01-02-03")).isEqualTo("00:15:5D:01:02:03");
        assertThat(Devices.mac("unknown")).isNull();
    }

    @Test
    void subTechniquesCarryTheirParentTechniqueAndTacticCategoriesBecomeTactics() {
        JsonNode attacks = MitreAttacks.attacks(java.util.List.of("T1564.001"), "DefenseEvasion");
        assertThat(attacks.at("/0/technique/uid").asText()).isEqualTo("T1564");
        assertThat(attacks.at("/0/sub_technique/uid").asText()).isEqualTo("T1564.001");
        assertThat(attacks.at("/0/tactic/uid").asText()).isEqualTo("TA0005");
        assertThat(MitreAttacks.attacks(java.util.List.of(), "SuspiciousActivity")).isEmpty();
    }

    @Test
    void placeholderTimesAndNonIpValuesStayUnmappedInsteadOfBreakingTheEvent() throws Exception {
        ObjectNode alert = map(new GraphAlertMapper(RestMappers.CLOCK), """
                {"id":"g","createdDateTime":"2024-01-01T00:00:00Z","lastUpdateDateTime":"2024-01-01T00:00:00Z",
                 "firstActivityDateTime":"0001-01-01T00:00:00Z","status":"new"}
                """);
        assertThat(alert.at("/finding_info/first_seen_time").isMissingNode()).isTrue();
        assertThat(alert.at("/unmapped/firstActivityDateTime").asText()).isEqualTo("0001-01-01T00:00:00Z");

        ObjectNode machine = map(new MdeMachineMapper(RestMappers.CLOCK), """
                {"id":"m","lastIpAddress":"unknown","ipAddresses":[{"ipAddress":"fe80::1%7","macAddress":"8CEC4B897E73"}]}
                """);
        assertThat(machine.at("/device/ip").isMissingNode()).isTrue();
        assertThat(machine.at("/unmapped/lastIpAddress").asText()).isEqualTo("unknown");
        assertThat(machine.at("/device/network_interfaces/0/mac").asText()).isEqualTo("8C:EC:4B:89:7E:73");
        assertThat(machine.at("/unmapped/ipAddresses/0/ipAddress").asText()).isEqualTo("fe80::1%7");
        OcsfValidator validator = OcsfValidator.standard();
        assertThat(validator.validate(alert).violations()).isEmpty();
        assertThat(validator.validate(machine).violations()).isEmpty();
    }

    @Test
    void ipAddressesAreCheckedWithoutNameLookups() {
        assertThat(IpAddresses.isIp("10.166.113.47")).isTrue();
        assertThat(IpAddresses.isIp("2a01:110:68:4:59e4:3916:3b3e:4f96")).isTrue();
        assertThat(IpAddresses.isIp("::1")).isTrue();
        assertThat(IpAddresses.isIp("256.1.1.1")).isFalse();
        assertThat(IpAddresses.isIp("contoso.com")).isFalse();
        assertThat(IpAddresses.isIp("fe80::1%7")).isFalse();
        assertThat(IpAddresses.isIp("")).isFalse();
    }
}
