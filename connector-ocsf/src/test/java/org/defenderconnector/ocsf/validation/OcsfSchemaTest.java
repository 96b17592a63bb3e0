package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading and the shape of the compiled schema the validator relies on. */
class OcsfSchemaTest {

    private static Path sharedSchemaFile() {
        String sharedDir = System.getProperty(OcsfSchema.SHARED_DIR_PROPERTY);
        assertThat(sharedDir).as("surefire sets " + OcsfSchema.SHARED_DIR_PROPERTY).isNotBlank();
        return Path.of(sharedDir).resolve(OcsfSchema.SHARED_DIR_RELATIVE_PATH);
    }

    @Test
    void loadsFromTheSharedDirectoryOncePerJvm() {
        OcsfSchema schema = OcsfSchema.load();

        assertThat(Path.of(schema.source())).isEqualTo(sharedSchemaFile().toAbsolutePath().normalize());
        assertThat(schema.version()).isEqualTo("1.8.0");
        assertThat(schema.eventClasses()).hasSize(83);
        assertThat(OcsfSchema.load()).isSameAs(schema);
        assertThat(OcsfSchema.load(sharedSchemaFile())).isSameAs(schema);
    }

    @Test
    void explicitSchemaFileComesFirst(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(sharedSchemaFile(), dir.resolve("schema.json"));
        Map<String, String> properties = Map.of(
                OcsfSchema.SCHEMA_FILE_PROPERTY, copy.toString(),
                OcsfSchema.SHARED_DIR_PROPERTY, sharedSchemaFile().getParent().toString());

        OcsfSchema schema = OcsfSchema.locate(properties::get);

        assertThat(schema.source()).isEqualTo(copy.toAbsolutePath().normalize().toString());
    }

    @Test
    void explicitSchemaFileThatDoesNotExistIsAnErrorNotAFallback(@TempDir Path dir) {
        Map<String, String> properties = Map.of(
                OcsfSchema.SCHEMA_FILE_PROPERTY, dir.resolve("missing.json").toString(),
                OcsfSchema.SHARED_DIR_PROPERTY, System.getProperty(OcsfSchema.SHARED_DIR_PROPERTY));

        assertThatThrownBy(() -> OcsfSchema.locate(properties::get))
                .isInstanceOf(OcsfSchemaException.class)
                .hasMessageContaining("missing.json");
    }

    @Test
    void withoutSharedDirTheSchemaBundledInTheJarIsUsed(@TempDir Path emptySharedDir) {
        Map<String, String> properties = Map.of(OcsfSchema.SHARED_DIR_PROPERTY, emptySharedDir.toString());

        OcsfSchema schema = OcsfSchema.locate(properties::get);
        assertThat(schema.source()).isEqualTo("classpath:" + OcsfSchema.CLASSPATH_RESOURCE + ".gz");
        assertThat(schema.version()).isEqualTo("1.8.0");
    }

    @Test
    void rejectsJsonThatIsNotACompiledSchema() {
        byte[] json = "{\"version\": \"1.8.0\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OcsfSchema.read(new ByteArrayInputStream(json), "test"))
                .isInstanceOf(OcsfSchemaException.class)
                .hasMessageContaining("Not a compiled OCSF schema");
    }

    @Test
    void prunedParsingKeepsEveryAttributeAndEnumValueOfTheFile() throws IOException {
        OcsfSchema schema = OcsfSchema.load();
        JsonNode full = new ObjectMapper().readTree(sharedSchemaFile().toFile());

        full.path("classes").fields().forEachRemaining(entry -> {
            EventClass eventClass = schema.eventClass(entry.getKey()).orElseThrow();
            assertSameAttributes(entry.getValue(), eventClass);
        });
        full.path("objects").fields().forEachRemaining(entry ->
                assertSameAttributes(entry.getValue(), schema.object(entry.getKey()).orElseThrow()));
        assertThat(schema.objects()).hasSize(full.path("objects").size());
        // Attribute names that are also prose field names survive the pruning.
        assertThat(schema.object("vulnerability").orElseThrow().attributes()).containsKey("references");
    }

    private static void assertSameAttributes(JsonNode definition, AttributeOwner owner) {
        Set<String> expected = new HashSet<>();
        definition.path("attributes").fieldNames().forEachRemaining(expected::add);
        assertThat(owner.attributes().keySet()).as(owner.name()).isEqualTo(expected);
        definition.path("attributes").fields().forEachRemaining(attribute -> {
            Set<String> enumKeys = new HashSet<>();
            attribute.getValue().path("enum").fieldNames().forEachRemaining(enumKeys::add);
            assertThat(owner.attributes().get(attribute.getKey()).enumMembers().keySet())
                    .as(owner.name() + "." + attribute.getKey()).isEqualTo(enumKeys);
        });
    }

    @Test
    void classesCarryUidCategoryAndDeprecation() {
        OcsfSchema schema = OcsfSchema.load();

        EventClass detection = schema.eventClass(2004).orElseThrow();
        assertThat(detection.name()).isEqualTo("detection_finding");
        assertThat(detection.caption()).isEqualTo("Detection Finding");
        assertThat(detection.categoryUid()).isEqualTo(2);
        assertThat(detection.categoryCaption()).isEqualTo("Findings");
        assertThat(detection.isDeprecated()).isFalse();
        assertThat(detection.attributes().get("finding_info").requirement()).isEqualTo(Requirement.REQUIRED);

        assertThat(schema.eventClass(4011).orElseThrow().deprecated().since()).isEqualTo("1.3.0");
        assertThat(schema.eventClass(4012).orElseThrow().isDeprecated()).isTrue();
        assertThat(schema.eventClass(4009).orElseThrow().isDeprecated()).isFalse();
        assertThat(schema.eventClass(0).orElseThrow().categoryCaption()).isEqualTo("Uncategorized");
    }

    @Test
    void windowsExtensionClassesAreKeyedUnscopedWithTheirFullUid() {
        OcsfSchema schema = OcsfSchema.load();

        EventClass registryKey = schema.eventClass(201001).orElseThrow();
        assertThat(registryKey.name()).isEqualTo("registry_key_activity");
        assertThat(registryKey.extension()).isEqualTo("win");
        assertThat(registryKey.categoryUid()).isEqualTo(1);
        assertThat(schema.eventClass("registry_key_activity")).contains(registryKey);
        assertThat(schema.object("reg_key").orElseThrow().extension()).isEqualTo("win");
    }

    @Test
    void profilesAreCollectedFromTheAttributesThatNameThem() {
        OcsfSchema schema = OcsfSchema.load();

        assertThat(schema.profiles()).containsKeys("host", "security_control", "datetime", "cloud", "osint",
                "container", "incident", "linux/linux_users", "macos/macos_users");
        Profile host = schema.profile("host").orElseThrow();
        assertThat(host.classAttributes().get("network_activity")).contains("device", "actor");
        assertThat(host.classAttributes()).doesNotContainKey("process_activity");
        assertThat(schema.profile("linux/linux_users").orElseThrow().extension()).isEqualTo("linux");

        Attribute networkDevice = schema.eventClass(4001).orElseThrow().attributes().get("device");
        assertThat(networkDevice.profiles()).containsExactly("host");
        Attribute processDevice = schema.eventClass(1007).orElseThrow().attributes().get("device");
        assertThat(processDevice.profiles()).isEmpty();
    }

    @Test
    void typesCarryBaseTypeRegexAndRange() {
        OcsfSchema schema = OcsfSchema.load();

        DataType port = schema.type("port_t").orElseThrow();
        assertThat(port.primitive()).isEqualTo(DataType.INTEGER);
        assertThat(port.range()).isEqualTo(new NumberRange(0, 65535));

        DataType ip = schema.type("ip_t").orElseThrow();
        assertThat(ip.baseType()).isEqualTo(DataType.STRING);
        assertThat(ip.maxLength()).isEqualTo(40);
        assertThat(ip.regex()).isNotNull();

        assertThat(schema.type("timestamp_t").orElseThrow().primitive()).isEqualTo(DataType.LONG);
        assertThat(schema.type("string_t").orElseThrow().primitive()).isEqualTo(DataType.STRING);
    }

    @Test
    void enumsKeepNumericOrderCaptionsAndDeprecations() {
        OcsfSchema schema = OcsfSchema.load();

        Attribute severity = schema.eventClass(2004).orElseThrow().attributes().get("severity_id");
        assertThat(severity.enumMembers().keySet()).containsExactly("0", "1", "2", "3", "4", "5", "6", "99");
        assertThat(severity.enumMembers().get("5").caption()).isEqualTo("Critical");
        assertThat(severity.sibling()).isEqualTo("severity");

        Attribute regValueType = schema.object("reg_value").orElseThrow().attributes().get("type_id");
        assertThat(regValueType.enumMembers().get("9").isDeprecated()).isTrue();
    }

    @Test
    void constraintsOfClassesAndObjects() {
        OcsfSchema schema = OcsfSchema.load();

        assertThat(schema.eventClass(2005).orElseThrow().constraints().atLeastOne())
                .containsExactly("assignee", "assignee_group");
        assertThat(schema.object("vulnerability").orElseThrow().constraints().justOne())
                .containsExactly("advisory", "cve", "cwe");
        assertThat(schema.object("file").orElseThrow().constraints().isEmpty()).isTrue();
        assertThat(schema.object("object").orElseThrow().isOpen()).isTrue();
    }
}
