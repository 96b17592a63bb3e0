package org.defenderconnector.ocsf.validation;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema bundled in the jar must be exactly the team's reference copy. */
class BundledSchemaTest {
    @Test
    void bundledSchemaIsTheSharedCompiledSchema() throws Exception {
        Path shared = Path.of(System.getProperty("defender.shared.dir"), "ocsf", "compiled", "ocsf-schema-1.8.0.json");
        byte[] bundled;
        try (InputStream in = new GZIPInputStream(OcsfSchema.class.getResourceAsStream(OcsfSchema.CLASSPATH_RESOURCE + ".gz"))) {
            bundled = in.readAllBytes();
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertThat(HexFormat.of().formatHex(sha.digest(bundled)))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(shared))));
        try (InputStream in = new GZIPInputStream(OcsfSchema.class.getResourceAsStream(OcsfSchema.CLASSPATH_RESOURCE + ".gz"))) {
            OcsfSchema schema = OcsfSchema.read(in, "bundled");
            assertThat(schema.version()).isEqualTo("1.8.0");
            assertThat(schema.eventClass(2004)).isPresent();
        }
    }
}
