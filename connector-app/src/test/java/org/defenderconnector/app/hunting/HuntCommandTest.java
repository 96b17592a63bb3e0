package org.defenderconnector.app.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hunt} against the emulator over HTTPS, and its usage errors. */
class HuntCommandTest {
    private static Emulator emulator;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StringWriter usage = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.demo(), EmulatorOptions.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private int hunt(String stdin, String... extra) {
        List<String> args = new ArrayList<>(List.of("--tenant", DemoCredentials.TENANT_ID,
                "--client-id", DemoCredentials.CLIENT_ID, "--secret-env", "DC_SECRET",
                "--endpoint-base", emulator.baseUrl(), "--allow-custom-endpoints",
                "--ca-cert", emulator.caCertificatePath().toString()));
        args.addAll(List.of(extra));
        HuntCommand command = new HuntCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("DC_SECRET", DemoCredentials.SECRET_VALUE)::get,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(usage, true));
        return cl.execute(args.toArray(String[]::new));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aQueryPrintsATableAndACount() {
        int code = hunt("", "DeviceInfo | project Timestamp, DeviceId, DeviceName, OSPlatform | take 3");

        assertThat(code).as(stderr() + usage).isZero();
        List<String> lines = stdout().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("Timestamp").contains("  DeviceId").contains("  DeviceName").endsWith("OSPlatform");
        assertThat(lines.get(1)).matches("[- ]+");
        int deviceIdColumn = lines.get(0).indexOf("DeviceId");
        assertThat(lines.subList(2, 5)).allSatisfy(line -> assertThat(line.substring(deviceIdColumn))
                .matches("[0-9a-f]{40}  .*"));
        assertThat(stderr()).contains("3 rows in ");
        assertThat(stderr()).doesNotContain(DemoCredentials.SECRET_VALUE);
        assertThat(stdout()).doesNotContain(DemoCredentials.SECRET_VALUE);
    }

    @Test
    void ndjsonPrintsOneObjectPerRow() throws Exception {
        int code = hunt("DeviceInfo | take 2", "--ndjson", "-");

        assertThat(code).as(stderr() + usage).isZero();
        assertThat(stdout().lines()).hasSize(2);
        for (String line : stdout().lines().toList()) {
            JsonNode row = new ObjectMapper().readTree(line);
            assertThat(row.get("DeviceId").asText()).hasSize(40);
            assertThat(row.has("OSPlatform")).isTrue();
        }
    }

    @Test
    void theLegacyApisAnswerToo() {
        assertThat(hunt("", "--api", "xdr", "--ndjson", "DeviceInfo | take 1")).as(stderr() + usage).isZero();
        assertThat(stderr()).contains("1 row in ").contains("(reported)").contains("being retired");
        assertThat(hunt("", "--api", "mde", "--ndjson", "DeviceInfo | take 1")).as(stderr() + usage).isZero();
        assertThat(stdout().lines()).hasSize(2);
    }

    @Test
    void aQueryTheApiRefusesIsExitCode1WithItsMessage() {
        assertThat(hunt("", "NoSuchTable | take 1")).isEqualTo(1);
        assertThat(stderr()).contains("hunt failed").contains("NoSuchTable").contains("fix:");
    }

    @Test
    void usageMistakesAreExitCode2() {
        assertThat(hunt("", "--secret", "hunter2", "DeviceInfo")).isEqualTo(2);
        assertThat(hunt("", "--api", "mde", "--timespan", "P1D", "DeviceInfo")).isEqualTo(2);
        assertThat(usage.toString()).contains("--timespan is a Graph option");
        assertThat(hunt("", "--api", "splunk", "DeviceInfo")).isEqualTo(2);
        assertThat(hunt("   ", "-")).isEqualTo(2);
        assertThat(usage.toString()).contains("the query is empty");
    }
}
