package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.validation.Rule;
import org.defenderconnector.ocsf.validation.Violation;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules the hunting mappers share, each checked on its own. */
class HuntingRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHARED = Path.of(System.getProperty("defender.shared.dir"));
    private static final Set<String> BASE_REQUIRED = Set.of("activity_id", "category_uid", "class_uid", "metadata",
            "severity_id", "time", "type_uid");

    @Test
    void classRequirementsAreTheCompiledSchemasOwn() throws Exception {
        JsonNode schema = JSON.readTree(SHARED.resolve("ocsf/compiled/ocsf-schema-1.8.0.json").toFile());
        for (var entry : ClassRequirements.REQUIRED.entrySet()) {
            JsonNode definition = null;
            for (JsonNode candidate : schema.get("classes")) {
                if (candidate.path("uid").asInt(-1) == entry.getKey()) {
                    definition = candidate;
                }
            }
            assertThat(definition).as("class " + entry.getKey()).isNotNull();
            Set<String> expected = new TreeSet<>();
            var attributes = definition.get("attributes").fields();
            while (attributes.hasNext()) {
                var attribute = attributes.next();
                JsonNode profiles = attribute.getValue().get("profiles");
                boolean native_ = profiles == null || profiles.isNull() || profiles.isEmpty();
                if (native_ && "required".equals(attribute.getValue().path("requirement").asText())
                        && !BASE_REQUIRED.contains(attribute.getKey())) {
                    expected.add(attribute.getKey());
                }
            }
            JsonNode atLeastOne = definition.path("constraints").path("at_least_one");
            if (atLeastOne.isArray() && !atLeastOne.isEmpty()) {
                List<String> group = new ArrayList<>();
                atLeastOne.forEach(a -> group.add(a.asText()));
                expected.add(String.join("|", new TreeSet<>(group)));
            }
            Set<String> ours = new TreeSet<>();
            for (String group : entry.getValue()) {
                ours.add(String.join("|", new TreeSet<>(Arrays.asList(group.split("\\|")))));
            }
            assertThat(ours).as("required attributes of class " + entry.getKey()).isEqualTo(expected);
            assertThat(ClassRequirements.DEVICE_NEEDS_HOST.contains(entry.getKey()))
                    .as("device needs host in " + entry.getKey()).isEqualTo(onlyWithHost(definition, "device"));
            assertThat(ClassRequirements.ACTOR_NEEDS_HOST.contains(entry.getKey()))
                    .as("actor needs host in " + entry.getKey()).isEqualTo(onlyWithHost(definition, "actor"));
        }
    }

    private static boolean onlyWithHost(JsonNode definition, String attribute) {
        JsonNode profiles = definition.path("attributes").path(attribute).get("profiles");
        if (profiles == null || profiles.isNull()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        profiles.forEach(p -> names.add(p.asText()));
        return names.contains("host");
    }

    @Test
    void everyLineOfAStreamedBlobMapsToItsOwnValidEvent() throws Exception {
        List<String> lines = Files.readAllLines(SHARED.resolve("reference/samples/streaming-PT1H-jsonlines-example.txt"));
        Set<String> uids = new HashSet<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            String table = record.get("category").asText().substring("AdvancedHunting-".length());
            ObjectNode event = GoldenFiles.normalize(table, record.get("properties"), record.get("tenantId").asText(),
                    record.get("category").asText());
            assertThat(KnownSchemaGaps.validator().validate(event).violations()).isEmpty();
            assertThat(event.get("class_uid").asInt()).isEqualTo(4001);
            assertThat(event.at("/metadata/tenant_uid").asText()).isEqualTo("00000000-0000-0000-0000-0000000000aa");
            uids.add(event.at("/metadata/original_event_uid").asText());
        }
        assertThat(uids).containsExactlyInAnyOrder(
                "0123456789abcdef0123456789abcdef01234567|12345|2025-03-04T10:15:30.123456700Z",
                "0123456789abcdef0123456789abcdef01234567|12346|2025-03-04T10:15:30.123456700Z");
    }

    @Test
    void aTableNoMapperKnowsBecomesABaseEventWithTheRowUnmapped() throws Exception {
        JsonNode row = JSON.readTree("{\"Timestamp\":\"2025-03-04T10:00:00Z\",\"BrandNewColumn\":42}");
        ObjectNode event = GoldenFiles.normalizer().normalize("CloudAppEvents", row,
                new MappingContext("t-1", "CloudAppEvents", Product.DEFENDER_XDR));
        assertThat(GoldenFiles.normalizer().knows("CloudAppEvents")).isFalse();
        assertThat(event.get("class_uid").asInt()).isZero();
        assertThat(event.get("unmapped")).isEqualTo(row);
        assertThat(event.get("time").asLong()).isEqualTo(1741082400000L);
        assertThat(KnownSchemaGaps.validator().validate(event).isValid()).isTrue();
    }

    @Test
    void theProductIsTheTablesWhateverTheCallerAssumed() throws Exception {
        JsonNode device = JSON.readTree(Files.readString(GoldenFiles.DIRECTORY.resolve("DeviceLogonEvents.rdp-logon-success.input.json")));
        JsonNode identity = JSON.readTree(Files.readString(GoldenFiles.DIRECTORY.resolve("IdentityLogonEvents.kerberos-resource-access.input.json")));
        for (Product assumed : Product.values()) {
            MappingContext context = new MappingContext("t-1", null, assumed);
            assertThat(GoldenFiles.normalizer().normalize("DeviceLogonEvents", device, context).at("/metadata/product/name").asText())
                    .isEqualTo("Microsoft Defender for Endpoint");
            assertThat(GoldenFiles.normalizer().normalize("IdentityLogonEvents", identity, context).at("/metadata/product/name").asText())
                    .isEqualTo("Microsoft Defender XDR");
        }
    }

    @Test
    void aFailedLogonIsALogonThatFailedNotALogoff() throws Exception {
        JsonNode row = JSON.readTree(Files.readString(GoldenFiles.DIRECTORY.resolve("DeviceLogonEvents.network-logon-failed.input.json")));
        ObjectNode event = GoldenFiles.normalize("DeviceLogonEvents", row, "t-1", null);
        assertThat(event.get("activity_id").asInt()).isEqualTo(1);
        assertThat(event.get("status_id").asInt()).isEqualTo(2);
        assertThat(event.get("status_detail").asText()).isEqualTo("InvalidUserNameOrPassword");
    }

    @Test
    void emailUrlInfoIsAValidBaseEventCorrelatedToItsMessageWithTheUrlKept() throws Exception {
        JsonNode row = JSON.readTree(Files.readString(GoldenFiles.DIRECTORY.resolve("EmailUrlInfo.body-url.input.json")));
        ObjectNode event = GoldenFiles.normalize("EmailUrlInfo", row, "t-1", null);
        assertThat(KnownSchemaGaps.validator().validate(event).violations()).isEmpty();
        assertThat(event.get("class_uid").asInt()).isZero();
        assertThat(event.at("/metadata/correlation_uid").asText()).isEqualTo(row.get("NetworkMessageId").asText());
        assertThat(event.at("/unmapped/Url").asText()).isEqualTo("https://login.example-phish.net/owa/?u=jdoe");
        assertThat(event.at("/unmapped/UrlDomain").asText()).isEqualTo("login.example-phish.net");
    }

    @Test
    void aProjectionKeepsItsNaturalKeyWhenItBecomesABaseEvent() throws Exception {
        JsonNode row = JSON.readTree(Files.readString(GoldenFiles.DIRECTORY.resolve("DeviceEvents.projection-without-initiating-process.input.json")));
        ObjectNode event = GoldenFiles.normalize("DeviceEvents", row, "t-1", null);
        assertThat(event.get("class_uid").asInt()).isZero();
        assertThat(event.at("/metadata/original_event_uid").asText())
                .isEqualTo("0123456789abcdef0123456789abcdef01234567|20371|2025-03-04T10:20:15Z");
        assertThat(event.at("/metadata/product/name").asText()).isEqualTo("Microsoft Defender for Endpoint");
        assertThat(event.get("unmapped")).isEqualTo(row);
    }

    @Test
    void additionalFieldsKeysAMapperLeavesStayUnderUnmapped() throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(Files.readString(
                GoldenFiles.DIRECTORY.resolve("IdentityDirectoryEvents.added-to-domain-admins.input.json")));
        ((ObjectNode) row.get("AdditionalFields")).put("TARGET_OBJECT.GROUP", "Tier0 Admins");
        ObjectNode event = GoldenFiles.normalize("IdentityDirectoryEvents", row, "t-1", null);
        assertThat(event.at("/group/name").asText()).isEqualTo("Domain Admins");
        assertThat(event.at("/user/name").asText()).isEqualTo("amy@contoso.com");
        assertThat(event.at("/unmapped/AdditionalFields/TARGET_OBJECT.GROUP").asText()).isEqualTo("Tier0 Admins");
        assertThat(event.at("/unmapped/AdditionalFields/ACTOR.ACCOUNT").asText()).isEqualTo("Administrator");
        assertThat(event.at("/unmapped/AdditionalFields").has("TO.GROUP")).isFalse();
    }

    @Test
    void naturalKeysFollowTheTableDocs() throws Exception {
        assertThat(HuntingKeys.of("DeviceProcessEvents", JSON.readTree(
                "{\"ReportId\":7,\"DeviceId\":\"d1\",\"DeviceName\":\"pc\",\"Timestamp\":\"2025-03-04T10:00:00.1000000Z\"}")))
                .isEqualTo("d1|7|2025-03-04T10:00:00.100Z");
        assertThat(HuntingKeys.of("DeviceInfo", JSON.readTree(
                "{\"ReportId\":7,\"DeviceName\":\"pc\",\"Timestamp\":\"2025-03-04 10:00:00\"}")))
                .isEqualTo("pc|7|2025-03-04T10:00:00Z");
        assertThat(HuntingKeys.of("IdentityLogonEvents", JSON.readTree("{\"ReportId\":\"r-1\",\"Timestamp\":\"2025-03-04T10:00:00Z\"}")))
                .isEqualTo("r-1");
        assertThat(HuntingKeys.of("UrlClickEvents", JSON.readTree("{\"ReportId\":\"r-1\",\"Timestamp\":\"2025-03-04T10:00:00Z\"}")))
                .isEqualTo("r-1|2025-03-04T10:00:00Z");
        assertThat(HuntingKeys.of("AlertInfo", JSON.readTree("{\"AlertId\":\"da1\"}"))).isEqualTo("da1");
        assertThat(HuntingKeys.of("AlertEvidence", JSON.readTree(
                "{\"AlertId\":\"da1\",\"EntityType\":\"RegistryValue\",\"RegistryKey\":\"HKLM\\\\Run\",\"RegistryValueName\":\"x\"}")))
                .isEqualTo("da1|RegistryValue|HKLM\\Run\\x");
        assertThat(HuntingKeys.of("DeviceEvents", JSON.readTree("{\"DeviceId\":\"d1\"}"))).isNull();
    }

    @Test
    void attackTechniquesBecomeTechniquesAndSubTechniques() throws Exception {
        var attacks = AttackTechniques.parse(JSON.readTree("[\"PowerShell (T1059.001)\",\"T1105\",\"Phishing\"]"));
        assertThat(attacks.get(0).at("/sub_technique/uid").asText()).isEqualTo("T1059.001");
        assertThat(attacks.get(0).at("/sub_technique/name").asText()).isEqualTo("PowerShell");
        assertThat(attacks.get(0).at("/technique/uid").asText()).isEqualTo("T1059");
        assertThat(attacks.get(1).at("/technique/uid").asText()).isEqualTo("T1105");
        assertThat(attacks.get(2).at("/technique/name").asText()).isEqualTo("Phishing");
        assertThat(AttackTechniques.parse(JSON.readTree("\"T1566, T1204.002\""))).hasSize(2);
    }
}
