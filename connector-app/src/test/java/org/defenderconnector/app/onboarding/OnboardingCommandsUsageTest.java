package org.defenderconnector.app.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors and the offline commands; the checks against the emulator are in CheckCommandEmulatorTest. */
class OnboardingCommandsUsageTest {
    private static final String CLIENT = "2f6c4c1e-0000-4000-8000-000000000001";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private CheckCommand check(Map<String, String> env) {
        return new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env::get);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkRefusesTheSecretAsAnArgument() {
        int code = run(check(Map.of()), "--tenant", "t", "--client-id", CLIENT, "--secret", "hunter2");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--secret");
    }

    @Test
    void checkNeedsExactlyOneCredential() {
        assertThat(run(check(Map.of()), "--tenant", "t", "--client-id", CLIENT)).isEqualTo(2);
        assertThat(err.toString()).contains("exactly one credential");
        assertThat(run(check(Map.of("S", "x")), "--tenant", "t", "--client-id", CLIENT, "--secret-env", "S",
                "--certificate", "c.pem")).isEqualTo(2);
    }

    @Test
    void checkNamesAMissingEnvironmentVariable() {
        assertThat(run(check(Map.of()), "--tenant", "t", "--client-id", CLIENT, "--secret-env", "DC_SECRET")).isEqualTo(2);
        assertThat(err.toString()).contains("DC_SECRET is not set");
    }

    @Test
    void checkRefusesCustomEndpointsWithoutTheOptIn() {
        assertThat(run(check(Map.of("S", "x")), "--tenant", "t", "--client-id", CLIENT, "--secret-env", "S",
                "--endpoint-base", "https://127.0.0.1:9")).isEqualTo(2);
        assertThat(err.toString()).contains("--allow-custom-endpoints");
    }

    @Test
    void checkRefusesARegionOutsideTheGlobalCloud() {
        assertThat(run(check(Map.of("S", "x")), "--tenant", "t", "--client-id", CLIENT, "--secret-env", "S",
                "--cloud", "gcc-high", "--region", "eu")).isEqualTo(2);
        assertThat(err.toString()).contains("only in the global");
    }

    @Test
    void checkRefusesAnUnknownStream() {
        assertThat(run(check(Map.of("S", "x")), "--tenant", "t", "--client-id", CLIENT, "--secret-env", "S",
                "--streams", "alerts,telemetry")).isEqualTo(2);
        assertThat(err.toString()).contains("telemetry").contains("machine-actions");
    }

    @Test
    void checkHelpListsExitCodes() {
        assertThat(run(check(Map.of()), "--help")).isEqualTo(0);
    }

    @Test
    void permissionsPrintsTableAzAndTerraform() {
        PermissionsCommand cmd = new PermissionsCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(run(cmd, "--streams", "alerts,hunting")).isEqualTo(0);
        assertThat(stdout()).contains("== Permissions ==").contains("Alert.Read.All").contains("ThreatHunting.Read.All")
                .contains("az ad app permission add").contains("az ad app permission admin-consent")
                .contains("resource \"azuread_application\"");
    }

    @Test
    void permissionsJsonHasDocumentedIdsAndNoInventedOnes() throws Exception {
        PermissionsCommand cmd = new PermissionsCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(run(cmd, "--streams", "alerts,incidents", "--json")).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("streams")).hasSize(2);
        JsonNode mde = json.get("apis").get(0);
        assertThat(mde.get("api").asText()).isEqualTo("WindowsDefenderATP");
        assertThat(mde.get("permissions").get(0).get("name").asText()).isEqualTo("Alert.Read.All");
        assertThat(mde.get("permissions").get(0).get("appRoleId").isNull()).isTrue();
        JsonNode graph = json.get("apis").get(1);
        assertThat(graph.get("apiAppId").asText()).isEqualTo("00000003-0000-0000-c000-000000000000");
        assertThat(graph.get("permissions").get(0).get("appRoleId").asText()).isEqualTo("45cc0394-e837-488b-a098-1918f48d186c");
    }

    @Test
    void permissionsRejectsAnUnknownFormat() {
        PermissionsCommand cmd = new PermissionsCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(run(cmd, "--format", "bicep")).isEqualTo(2);
    }

    @Test
    void consentUrlUsesTheCloudsLoginHost() {
        ConsentUrlCommand cmd = new ConsentUrlCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(run(cmd, "--client-id", CLIENT, "--tenant", "contoso.onmicrosoft.us", "--cloud", "dod")).isEqualTo(0);
        assertThat(stdout().lines().findFirst()).contains("https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/authorize"
                + "?prompt=consent&client_id=" + CLIENT + "&response_type=code&sso_reload=true");
    }

    @Test
    void consentUrlJsonAndBadClientId() throws Exception {
        ConsentUrlCommand cmd = new ConsentUrlCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(run(cmd, "--client-id", CLIENT, "--json")).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(stdout()).get("url").asText())
                .startsWith("https://login.microsoftonline.com/common/oauth2/authorize?prompt=consent");
        assertThat(run(new ConsentUrlCommand(new PrintStream(out, true, StandardCharsets.UTF_8)), "--client-id", "not-a-guid"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Application (client) ID");
    }
}
