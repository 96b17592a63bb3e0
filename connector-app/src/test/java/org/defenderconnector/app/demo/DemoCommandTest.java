package org.defenderconnector.app.demo;

import org.defenderconnector.emulator.DemoCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoStartsTheEmulatorAndEveryStreamPassesTheCheckWithoutShowingTheSecret() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommandLine(new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute("--dir", dir.toString());
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("== Credential and permission check")
                .contains("PASS  token for WindowsDefenderATP").contains("PASS  token for Microsoft Graph")
                .contains("OK: all 9 requested streams will work");
        assertThat(printed).contains("== Collection into the store").contains("Stored events per OCSF class:");
        // The build installs Azurite (connector-app's pom, .ci/run), so the demo plays the Streaming API too.
        assertThat(printed).contains("Streaming API: Azurite at").contains("Streaming API included");
        String streamingRow = printed.lines().filter(l -> l.startsWith("streaming-storage")).findFirst().orElseThrow();
        assertThat(streamingRow.trim().split("\\s+")).as(streamingRow)
                .satisfies(cells -> assertThat(Long.parseLong(cells[1])).isPositive())
                .contains("OK");
        assertThat(printed).doesNotContain(DemoCredentials.SECRET_VALUE);
        Path secretFile = dir.resolve("demo-client-secret.txt");
        assertThat(Files.getPosixFilePermissions(secretFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(dir.resolve("connector.yaml"))).contains("${file:").doesNotContain(DemoCredentials.SECRET_VALUE);
    }
}
