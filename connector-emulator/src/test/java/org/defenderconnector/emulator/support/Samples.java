package org.defenderconnector.emulator.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/** Microsoft's example payloads in shared/reference/samples (found through {@code defender.shared.dir}). */
public final class Samples {

    private Samples() {
    }

    public static Path directory() {
        String shared = System.getProperty("defender.shared.dir", "/work/shared");
        return Path.of(shared, "reference", "samples");
    }

    public static JsonNode read(String name) {
        try {
            return EmulatorClient.JSON.readTree(Files.readString(directory().resolve(name)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read sample " + name, e);
        }
    }
}
