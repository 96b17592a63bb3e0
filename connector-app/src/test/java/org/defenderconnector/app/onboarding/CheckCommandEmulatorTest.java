package org.defenderconnector.app.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.onboarding.CheckRequest;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} end to end against the emulator's demo directory over HTTPS. */
class CheckCommandEmulatorTest {
    private static Emulator emulator;
    private static DemoCredentials.WrittenFiles demoFiles;

    @TempDir
    static Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.demo(), EmulatorOptions.defaults());
        demoFiles = DemoCredentials.write(dir.resolve("demo"));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private int check(Map<String, String> env, String... extra) {
        List<String> args = new ArrayList<>(List.of("--tenant", DemoCredentials.TENANT_ID,
                "--client-id", DemoCredentials.CLIENT_ID,
                "--endpoint-base", emulator.baseUrl(), "--allow-custom-endpoints",
                "--ca-cert", emulator.caCertificatePath().toString()));
        args.addAll(List.of(extra));
        CommandLine cl = new CommandLine(new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env::get));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args.toArray(String[]::new));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void secretFromTheEnvironmentPassesAndExitsZero() {
        int code = check(Map.of("DC_SECRET", DemoCredentials.SECRET_VALUE), "--secret-env", "DC_SECRET",
                "--streams", "alerts,machines,incidents,hunting");
        assertThat(code).as(stdout() + err).isZero();
        assertThat(stdout()).contains("PASS  token for WindowsDefenderATP").contains("PASS  read hunting")
                .contains("OK: all 4 requested streams will work");
        assertThat(stdout().lines().filter(l -> l.startsWith("PASS")).count()).isEqualTo(10);
    }

    @Test
    void wrongSecretExitsOneWithCauseAndFixAndNoSecret() {
        String wrong = "Wr9~Definitely.Not-The_Demo.Secret0000001";
        int code = check(Map.of("DC_SECRET", wrong), "--secret-env", "DC_SECRET", "--streams", "alerts");
        assertThat(code).isEqualTo(1);
        assertThat(stdout()).contains("FAIL  token for WindowsDefenderATP").contains("AADSTS7000215")
                .contains("      cause:").contains("      fix:     Create a new secret under App registrations")
                .contains("NOT OK: 1 of 1 requested stream will not work (alerts)")
                .doesNotContain(wrong);
        assertThat(err.toString()).doesNotContain(wrong);
    }

    @Test
    void secretIdPastedIntoTheSecretFileIsRecognised() throws IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("secret.txt"), DemoCredentials.SECRET_ID + "\n");
        assertThat(check(Map.of(), "--secret-file", file.toString(), "--streams", "alerts")).isEqualTo(1);
        assertThat(stdout()).contains("[SECRET_ID_NOT_VALUE]").containsIgnoringCase("use the Value column, not the Secret ID");
    }

    @Test
    void certificateAsPemAndAsPkcs12() {
        assertThat(check(Map.of(), "--certificate", demoFiles.certificatePem().toString(),
                "--certificate-key", demoFiles.privateKeyPem().toString(), "--streams", "alerts,graph-alerts"))
                .as(stdout()).isZero();
        out.reset();
        assertThat(check(Map.of("P12_PW", DemoCredentials.PKCS12_PASSWORD), "--certificate", demoFiles.pkcs12().toString(),
                "--certificate-password-env", "P12_PW", "--streams", "xdr-incidents,scores")).as(stdout()).isZero();
        assertThat(stdout()).contains("certificate ");
    }

    @Test
    void jsonOutputParsesAndHasTheFields() throws IOException {
        int code = check(Map.of("DC_SECRET", DemoCredentials.SECRET_VALUE), "--secret-env", "DC_SECRET",
                "--streams", "alerts,machines", "--json");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("tenant").asText()).isEqualTo(DemoCredentials.TENANT_ID);
        assertThat(json.get("streams").get("machines").asText()).isEqualTo("PASS");
        assertThat(json.get("summary").get("passed").asInt()).isEqualTo(5);
        assertThat(json.get("checks")).hasSize(5);
        assertThat(json.get("checks").get(0).get("id").asText()).isEqualTo("token:mde");
        assertThat(stdout()).doesNotContain(DemoCredentials.SECRET_VALUE);
    }

    @Test
    void demoCanCallTheCheckDirectly() {
        CheckRequest request = new CheckRequest(DemoCredentials.TENANT_DOMAIN, DemoCredentials.CLIENT_ID,
                ClientSecret.of(DemoCredentials.SECRET_VALUE), Endpoints.custom(emulator.baseUri(), true),
                TlsTrust.withExtraCa(emulator.caCertificatePath()), DefenderStream.parseList("all"));
        int code = CheckCommand.run(request, new PrintStream(out, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(stdout()).isZero();
        assertThat(stdout()).contains("OK: all 11 requested streams will work");
    }

    @Test
    void anAudienceOverrideIsWhatTheTokenIsRequestedFor() {
        // The documented resource given explicitly works; another API's resource makes MDE refuse the token.
        int same = check(Map.of("DC_SECRET", DemoCredentials.SECRET_VALUE), "--secret-env", "DC_SECRET",
                "--streams", "alerts", "--audience", "mde=https://api.securitycenter.microsoft.com/.default");
        assertThat(same).as(stdout() + err).isZero();
        out.reset();
        int wrong = check(Map.of("DC_SECRET", DemoCredentials.SECRET_VALUE), "--secret-env", "DC_SECRET",
                "--streams", "alerts", "--audience", "mde=https://graph.microsoft.com");
        assertThat(wrong).as(stdout() + err).isEqualTo(1);
        assertThat(stdout()).contains("audience for WindowsDefenderATP").contains("https://graph.microsoft.com")
                .contains("--audience").doesNotContain(DemoCredentials.SECRET_VALUE);
    }

    @Test
    void aBadAudienceNamesTheOptionAndTheFix() {
        int code = check(Map.of("DC_SECRET", DemoCredentials.SECRET_VALUE), "--secret-env", "DC_SECRET",
                "--audience", "defender=https://api.securitycenter.microsoft.com");
        assertThat(code).isNotZero();
        assertThat(stdout() + err).contains("--audience defender").contains("use mde, xdr or graph");
        out.reset();
        int notUri = check(Map.of("DC_SECRET", DemoCredentials.SECRET_VALUE), "--secret-env", "DC_SECRET",
                "--audience", "mde=securitycenter");
        assertThat(notUri).isNotZero();
        assertThat(stdout() + err).contains("audience for mde").contains("App ID URI");
    }
}
