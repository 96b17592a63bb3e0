package org.defenderconnector.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.app.server.integrations.OnboardingCheck;
import org.defenderconnector.app.server.support.EmulatorFixture;
import org.defenderconnector.app.server.support.Http;
import org.defenderconnector.app.server.support.TestServers;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-API token audiences of a server integration (what a US Government tenant may need, since
 * Microsoft does not document those audiences), against the emulator over HTTPS: the Test button, the
 * running collection and its status use them; only admins set them; a bad one is refused by field.
 */
class TokenAudienceTest {
    private static final String GRAPH = Cloud.GLOBAL.resource(Api.GRAPH);
    private static final String MDE = Cloud.GLOBAL.resource(Api.DEFENDER_ENDPOINT);

    @TempDir
    Path dir;

    @Test
    void audiencesAreUsedByTestAndCollectionSetByAdminsOnlyAndValidated() throws Exception {
        try (Emulator emulator = EmulatorFixture.start(null);
             ServerHandle server = TestServers.start(TestServers.options(dir, new ByteArrayOutputStream())
                     .withTester(new OnboardingCheck()))) {
            Http admin = Http.to(server.consoleUrl()).login("admin", server.initialAdminPassword().orElseThrow());
            ObjectNode body = EmulatorFixture.integration(emulator, "gov", DemoCredentials.SECRET_VALUE, "alerts");
            body.putObject("audiences").put("mde", GRAPH);
            Http.Response created = admin.post("/api/v1/integrations", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().path("audiences").path("mde").asText()).isEqualTo(GRAPH);

            // A token for Graph is refused by the MDE API: the Test names the audience, not the permissions.
            JsonNode wrong = admin.post("/api/v1/integrations/gov/test", null).json();
            assertThat(wrong.path("ok").asBoolean()).as(wrong.toString()).isFalse();
            assertThat(wrong.path("checks").findValuesAsText("id")).contains("audience:mde");
            JsonNode audienceCheck = check(wrong, "audience:mde");
            assertThat(audienceCheck.path("status").asText()).isEqualTo("FAIL");
            assertThat(audienceCheck.path("advice").path("id").asText()).isEqualTo("WRONG_AUDIENCE");
            assertThat(audienceCheck.path("advice").path("cause").asText()).contains(GRAPH).contains(MDE);

            // The draft of a fix is tested before it is saved; nothing is stored by it.
            ObjectNode fix = Http.json().createObjectNode();
            fix.putObject("audiences").put("mde", MDE + "/.default");
            JsonNode draft = admin.post("/api/v1/integrations/gov/test", fix).json();
            assertThat(draft.path("ok").asBoolean()).as(draft.toString()).isTrue();
            assertThat(admin.get("/api/v1/integrations/gov").json().path("audiences").path("mde").asText()).isEqualTo(GRAPH);

            // Collection uses the stored audience too: its stream fails until the audience is corrected.
            assertThat(admin.post("/api/v1/integrations/gov/activate", null).status()).isEqualTo(200);
            JsonNode failing = await(admin, s -> state(s).equals("FAILING"));
            assertThat(stream(failing).path("lastError").asText()).isNotBlank();

            // A viewer may not set audiences, neither with its session nor with a viewer token.
            assertThat(admin.post("/api/v1/users", Http.json().createObjectNode().put("username", "vera")
                    .put("password", "viewer-password-1234").put("role", "viewer")).status()).isEqualTo(201);
            Http viewer = Http.to(server.consoleUrl()).login("vera", "viewer-password-1234");
            ObjectNode documented = Http.json().createObjectNode();
            documented.putObject("audiences").put("mde", MDE);
            assertThat(viewer.put("/api/v1/integrations/gov", documented).status()).isEqualTo(403);
            String viewerToken = admin.post("/api/v1/tokens", Http.json().createObjectNode().put("name", "ro")
                    .put("role", "viewer")).json().path("token").asText();
            assertThat(Http.to(server.consoleUrl()).bearer(viewerToken).put("/api/v1/integrations/gov", documented)
                    .status()).isEqualTo(403);
            assertThat(admin.get("/api/v1/integrations/gov").json().path("audiences").path("mde").asText()).isEqualTo(GRAPH);

            // A value that is neither an https App ID URI nor a GUID is refused, naming the field and the fix.
            ObjectNode bad = Http.json().createObjectNode();
            bad.putObject("audiences").put("mde", "api.securitycenter.microsoft.us").put("defender", MDE);
            Http.Response refused = admin.put("/api/v1/integrations/gov", bad);
            assertThat(refused.status()).isEqualTo(400);
            JsonNode fields = refused.json().path("error").path("fields");
            assertThat(fields.findValuesAsText("field")).contains("audiences.mde", "audiences");
            assertThat(refused.body()).contains("https://").contains("GUID");

            // The documented MDE audience passes, and the running streams switch to it at once.
            Http.Response saved = admin.put("/api/v1/integrations/gov", documented);
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().path("audiences").path("mde").asText()).isEqualTo(MDE);
            JsonNode passed = admin.post("/api/v1/integrations/gov/test", null).json();
            assertThat(passed.path("ok").asBoolean()).as(passed.toString()).isTrue();
            assertThat(check(passed, "token:mde").path("detail").asText()).contains("aud=" + MDE);
            await(admin, s -> state(s).equals("OK"));

            // An empty value restores the cloud's default; every change is audited with its values.
            ObjectNode reset = Http.json().createObjectNode();
            reset.putObject("audiences").put("mde", "");
            assertThat(admin.put("/api/v1/integrations/gov", reset).json().path("audiences").isEmpty()).isTrue();
            String audit = admin.get("/api/v1/audit?limit=50").body();
            assertThat(audit).contains("integration.create").contains("\"audiences\":{\"mde\":\"" + GRAPH + "\"}")
                    .contains("\"audiences\":{\"mde\":\"" + MDE + "\"}").contains("\"changed\":[\"audiences\"]");
            assertThat(admin.post("/api/v1/integrations/gov/deactivate", null).status()).isEqualTo(200);
        }
    }

    private static JsonNode check(JsonNode result, String id) {
        for (JsonNode check : result.path("checks")) {
            if (check.path("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + result);
    }

    private static String state(JsonNode status) {
        return stream(status).path("state").asText();
    }

    private static JsonNode stream(JsonNode status) {
        for (JsonNode s : status.path("streams")) {
            if (s.path("stream").asText().equals("alerts")) {
                return s;
            }
        }
        throw new AssertionError("no alerts stream in " + status);
    }

    private static JsonNode await(Http admin, Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = admin.get("/api/v1/integrations/gov/status").json();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached in 30 s: " + last);
            }
            Thread.sleep(200);
            last = admin.get("/api/v1/integrations/gov/status").json();
        }
        return last;
    }
}
