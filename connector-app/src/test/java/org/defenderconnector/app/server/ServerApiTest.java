package org.defenderconnector.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.app.server.api.ApiServer;
import org.defenderconnector.app.server.support.FakeSources;
import org.defenderconnector.app.server.support.Http;
import org.defenderconnector.app.server.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the REST API against the real server on 127.0.0.1, including the authorization
 * failures: no credentials (401), a viewer on admin routes (403), missing or wrong CSRF token (403).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest {
    private static final String VIEWER_PASSWORD = "viewer-password-1234";
    private static final String CLIENT_SECRET = "Xy7~api.test.secret_Value-0123456789";

    @TempDir
    static Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final FakeSources sources = new FakeSources(9);
    private ServerHandle server;
    private URI base;
    private String adminPassword;
    private Http admin;
    private Http viewer;
    private String viewerToken;
    private String adminToken;

    @BeforeAll
    void start() {
        TestServers.seedEvents(dataDir, 300);
        server = TestServers.start(TestServers.options(dataDir, out).withSources(sources));
        base = server.consoleUrl();
        adminPassword = server.initialAdminPassword().orElseThrow();
        admin = Http.to(base).login("admin", adminPassword);
        assertThat(admin.post("/api/v1/users", user("vera", VIEWER_PASSWORD, "viewer")).status()).isEqualTo(201);
        viewer = Http.to(base).login("vera", VIEWER_PASSWORD);
        viewerToken = admin.post("/api/v1/tokens", name("ci-viewer", "viewer")).json().get("token").asText();
        adminToken = admin.post("/api/v1/tokens", name("ci-admin", "admin")).json().get("token").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static ObjectNode user(String username, String password, String role) {
        return Http.json().createObjectNode().put("username", username).put("password", password).put("role", role);
    }

    private static ObjectNode name(String name, String role) {
        return Http.json().createObjectNode().put("name", name).put("role", role);
    }

    private static ObjectNode integration(String name) {
        ObjectNode body = Http.json().createObjectNode().put("name", name)
                .put("tenantId", "11111111-2222-3333-4444-555555555555")
                .put("clientId", "66666666-7777-8888-9999-000000000000")
                .put("clientSecret", CLIENT_SECRET).put("secretExpires", "2099-12-31");
        body.putArray("streams").add("alerts");
        return body;
    }

    private static String concrete(String path) {
        return path.replace("{name}", "contoso").replace("{uid}", "nope").replace("{username}", "nobody")
                .replace("{id}", "nope").replace("{file}", "app.js");
    }

    private static boolean changes(String method) {
        return Set.of("POST", "PUT", "PATCH", "DELETE").contains(method);
    }

    private List<ApiServer.Route> secured() {
        return server.routes().stream().filter(r -> r.role() != null).toList();
    }

    @Test
    void theFirstAdminPasswordIsPrintedOnceAndOnlyOnce() {
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(base.toString()).contains("created user 'admin' with password " + adminPassword);
        assertThat(printed.split(adminPassword, -1)).hasSize(2);
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteWithItsRole() {
        JsonNode doc = Http.to(base).get("/api/v1/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<ApiServer.Route> routes = server.routes();
        assertThat(routes).hasSizeGreaterThan(30);
        for (ApiServer.Route route : routes) {
            JsonNode operation = doc.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as("%s %s is documented", route.method(), route.path()).isTrue();
            if (route.role() == null) {
                assertThat(operation.path("security").isArray() && operation.path("security").isEmpty())
                        .as("%s %s is documented as public", route.method(), route.path()).isTrue();
            } else {
                assertThat(operation.path("x-required-role").asText()).as("%s %s role", route.method(), route.path())
                        .isEqualTo(route.role());
            }
        }
        // And nothing is documented that the server does not answer.
        int documented = 0;
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> methods = doc.path("paths").path(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                documented++;
                assertThat(routes).as("%s %s exists", method, path)
                        .anyMatch(r -> r.path().equals(path) && r.method().equals(method));
            }
        }
        assertThat(documented).isEqualTo(routes.size());
    }

    @Test
    void everySecuredRouteRefusesCallersWithoutCredentials() {
        Http anonymous = Http.to(base);
        for (ApiServer.Route route : secured()) {
            Http.Response r = anonymous.send(route.method(), concrete(route.path()), changes(route.method()) ? "{}" : null, null);
            assertThat(r.status()).as("%s %s", route.method(), route.path()).isEqualTo(401);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("unauthenticated");
        }
        Http forged = Http.to(base).bearer("dct_not-a-real-token");
        assertThat(forged.get("/api/v1/integrations").status()).isEqualTo(401);
        assertThat(Http.to(base).send("GET", "/api/v1/integrations", null, null).header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aViewerIsRefusedEveryAdminRouteBySessionAndByToken() {
        Http viewerByToken = Http.to(base).bearer(viewerToken);
        List<ApiServer.Route> adminRoutes = server.routes().stream().filter(r -> "admin".equals(r.role())).toList();
        assertThat(adminRoutes).hasSizeGreaterThanOrEqualTo(15);
        for (ApiServer.Route route : adminRoutes) {
            for (Http caller : List.of(viewer, viewerByToken)) {
                Http.Response r = caller.send(route.method(), concrete(route.path()), changes(route.method()) ? "{}" : null, null);
                assertThat(r.status()).as("%s %s", route.method(), route.path()).isEqualTo(403);
                assertThat(r.json().path("error").path("code").asText()).isEqualTo("forbidden");
            }
        }
        // Viewers read.
        assertThat(viewer.get("/api/v1/integrations").status()).isEqualTo(200);
        assertThat(viewerByToken.get("/api/v1/events?limit=1").status()).isEqualTo(200);
    }

    @Test
    void sessionRequestsThatChangeSomethingNeedTheCsrfToken() {
        Http noToken = Http.to(base).login("admin", adminPassword);
        String good = noToken.csrf();
        for (ApiServer.Route route : secured()) {
            if (!changes(route.method())) {
                continue;
            }
            noToken.csrf(null);
            Http.Response missing = noToken.send(route.method(), concrete(route.path()), "{}", null);
            assertThat(missing.status()).as("missing CSRF: %s %s", route.method(), route.path()).isEqualTo(403);
            assertThat(missing.json().path("error").path("code").asText()).isEqualTo("csrf");
            noToken.csrf(good.substring(1) + "x");
            Http.Response wrong = noToken.send(route.method(), concrete(route.path()), "{}", null);
            assertThat(wrong.status()).as("wrong CSRF: %s %s", route.method(), route.path()).isEqualTo(403);
        }
        // A Bearer token is not ambient (a browser never adds it by itself), so it needs no CSRF token.
        Http token = Http.to(base).bearer(adminToken);
        Http.Response created = token.post("/api/v1/users", user("tok-made", "token-made-password-1", "viewer"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(token.delete("/api/v1/users/tok-made").status()).isEqualTo(204);
        // Reads need no CSRF token either.
        noToken.csrf(null);
        assertThat(noToken.get("/api/v1/integrations").status()).isEqualTo(200);
    }

    @Test
    void signInSessionCookieAndSignOut() {
        Http client = Http.to(base);
        Http.Response bad = client.post("/api/v1/session", Http.json().createObjectNode().put("username", "admin")
                .put("password", "wrong-password-xyz"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(client.post("/api/v1/session", "username=admin", "application/x-www-form-urlencoded").status())
                .as("form posts are refused").isEqualTo(415);

        Http.Response ok = client.post("/api/v1/session", Http.json().createObjectNode().put("username", "ADMIN")
                .put("password", adminPassword));
        assertThat(ok.status()).isEqualTo(200);
        String cookie = ok.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("dc_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain("Secure");
        assertThat(ok.json().get("role").asText()).isEqualTo("admin");
        client.csrf(ok.json().get("csrfToken").asText());

        JsonNode me = client.get("/api/v1/session").json();
        assertThat(me.get("username").asText()).isEqualTo("admin");
        assertThat(me.get("csrfToken").asText()).isEqualTo(client.csrf());
        assertThat(client.delete("/api/v1/session").status()).isEqualTo(204);
        assertThat(client.get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheUsernameForAWhile() {
        assertThat(admin.post("/api/v1/users", user("lucy", "lucy-password-12345", "viewer")).status()).isEqualTo(201);
        Http client = Http.to(base);
        ObjectNode wrong = Http.json().createObjectNode().put("username", "lucy").put("password", "not-her-password");
        for (int i = 0; i < 5; i++) {
            assertThat(client.post("/api/v1/session", wrong).status()).isEqualTo(401);
        }
        Http.Response locked = client.post("/api/v1/session",
                Http.json().createObjectNode().put("username", "lucy").put("password", "lucy-password-12345"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isPresent();
    }

    @Test
    void changingMyPasswordEndsMySessions() {
        assertThat(admin.post("/api/v1/users", user("max", "max-password-12345", "viewer")).status()).isEqualTo(201);
        Http max = Http.to(base).login("max", "max-password-12345");
        ObjectNode change = Http.json().createObjectNode().put("currentPassword", "wrong-one-123456")
                .put("newPassword", "max-new-password-678");
        assertThat(max.put("/api/v1/me/password", change).status()).isEqualTo(403);
        change.put("currentPassword", "max-password-12345");
        assertThat(max.put("/api/v1/me/password", change).status()).isEqualTo(204);
        assertThat(max.get("/api/v1/session").status()).isEqualTo(401);
        Http.to(base).login("max", "max-new-password-678");
        change.put("currentPassword", "max-new-password-678").put("newPassword", "short");
        assertThat(Http.to(base).login("max", "max-new-password-678").put("/api/v1/me/password", change).status())
                .isEqualTo(400);
    }

    @Test
    void integrationLifeCycleFromCreateToDelete() throws Exception {
        Http.Response created = admin.post("/api/v1/integrations", integration("lifecycle"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/integrations/lifecycle");
        JsonNode view = created.json();
        assertThat(view.path("credentials").path("clientSecret").asText()).isEqualTo("set");
        assertThat(view.path("state").asText()).isEqualTo("INACTIVE");
        assertThat(view.path("expiry").path("warning").asBoolean()).isFalse();
        assertThat(created.body()).doesNotContain(CLIENT_SECRET);
        assertThat(admin.post("/api/v1/integrations", integration("lifecycle")).status()).isEqualTo(409);

        // Read by list and by name; a viewer sees it too.
        assertThat(viewer.get("/api/v1/integrations").json().path("integrations").findValuesAsText("name")).contains("lifecycle");
        assertThat(viewer.get("/api/v1/integrations/lifecycle").json().path("clientId").asText())
                .isEqualTo("66666666-7777-8888-9999-000000000000");
        assertThat(admin.get("/api/v1/integrations/nope").status()).isEqualTo(404);

        // Edit without the secret keeps it; add a stream.
        ObjectNode edit = Http.json().createObjectNode();
        edit.putArray("streams").add("alerts").add("machines");
        JsonNode edited = admin.put("/api/v1/integrations/lifecycle", edit).json();
        assertThat(edited.path("streams")).hasSize(2);
        assertThat(edited.path("credentials").path("clientSecret").asText()).isEqualTo("set");

        // Test runs the credential check (here the fake) and shows its guidance.
        JsonNode test = admin.post("/api/v1/integrations/lifecycle/test", null).json();
        assertThat(test.path("ok").asBoolean()).isTrue();
        assertThat(test.path("credential").asText()).isEqualTo("client secret");
        ObjectNode failing = Http.json().createObjectNode().put("tenantId", "fail.example.com");
        JsonNode failed = admin.post("/api/v1/integrations/lifecycle/test", failing).json();
        assertThat(failed.path("ok").asBoolean()).isFalse();
        assertThat(failed.path("checks").get(0).path("advice").path("fix").asText()).contains("Directory (tenant) ID");
        assertThat(admin.get("/api/v1/integrations/lifecycle").json().path("tenantId").asText())
                .as("testing a draft saves nothing").isEqualTo("11111111-2222-3333-4444-555555555555");
        ObjectNode draft = integration("draft-only");
        assertThat(admin.post("/api/v1/integration-tests", draft).json().path("ok").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/integrations/draft-only").status()).isEqualTo(404);

        // Activate: the streams run in the engine without a restart.
        JsonNode activated = admin.post("/api/v1/integrations/lifecycle/activate", null).json();
        assertThat(activated.path("active").asBoolean()).isTrue();
        assertThat(sources.open).contains("lifecycle");
        JsonNode status = await(() -> admin.get("/api/v1/integrations/lifecycle/status").json(),
                s -> stream(s, "alerts").path("records").asLong() == 9 && stream(s, "machines").path("state").asText().equals("FAILING"));
        assertThat(status.path("state").asText()).isEqualTo("FAILING");
        assertThat(stream(status, "alerts").path("state").asText()).isEqualTo("OK");
        assertThat(stream(status, "alerts").path("stored").asLong()).isEqualTo(9);
        assertThat(stream(status, "alerts").path("lastSuccess").asText()).isNotEmpty();
        assertThat(stream(status, "alerts").has("lagSeconds")).isTrue();
        assertThat(stream(status, "machines").path("lastError").asText()).contains("HTTP 403");
        assertThat(stream(status, "machines").path("fix").asText()).contains("Machine.Read.All");
        assertThat(stream(status, "machines").path("errors").asLong()).isPositive();

        // Metrics carry the same figures (scraped with a viewer token).
        String metrics = Http.to(base).bearer(viewerToken).get("/metrics").body();
        assertThat(metrics).contains("defender_connector_stream_records_total{integration=\"lifecycle\",stream=\"alerts\"} 9")
                .contains("# TYPE defender_connector_stream_lag_seconds gauge")
                .contains("defender_connector_stream_state{integration=\"lifecycle\",stream=\"machines\",state=\"FAILING\"} 1")
                .contains("defender_connector_integration_active{integration=\"lifecycle\"} 1")
                .contains("defender_connector_credential_expiry_days{integration=\"lifecycle\"}");

        // Deactivate stops collection cleanly and closes the sources.
        JsonNode deactivated = admin.post("/api/v1/integrations/lifecycle/deactivate", null).json();
        assertThat(deactivated.path("active").asBoolean()).isFalse();
        assertThat(deactivated.path("state").asText()).isEqualTo("INACTIVE");
        assertThat(sources.open).doesNotContain("lifecycle");
        assertThat(stream(admin.get("/api/v1/integrations/lifecycle/status").json(), "alerts").path("state").asText())
                .isEqualTo("INACTIVE");

        // Delete; collected events stay.
        assertThat(admin.delete("/api/v1/integrations/lifecycle").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/integrations/lifecycle").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/events?tenant=lifecycle&stream=alerts").json().path("events")).hasSize(9);

        // Every change is in the audit log, without the secret.
        Http.Response audit = admin.get("/api/v1/audit?limit=500");
        List<String> actions = audit.json().path("entries").findValuesAsText("action");
        assertThat(actions).contains("integration.create", "integration.update", "integration.activate",
                "integration.deactivate", "integration.delete");
        assertThat(audit.body()).doesNotContain(CLIENT_SECRET).contains("\"changed\":[\"streams\"]");
    }

    @Test
    void invalidIntegrationsAreRefusedFieldByField() {
        ObjectNode bad = Http.json().createObjectNode().put("name", "bad name!").put("tenantId", "not a tenant")
                .put("clientId", "123").put("clientSecret", "d3fe3000-0000-4000-a000-000000000003")
                .put("cloud", "mars").put("apiBaseUrl", "http://insecure.example").put("secretExpires", "next year");
        bad.putArray("streams").add("alerts").add("nonsense");
        Http.Response r = admin.post("/api/v1/integrations", bad);
        assertThat(r.status()).isEqualTo(400);
        JsonNode fields = r.json().path("error").path("fields");
        Set<String> named = new HashSet<>(fields.findValuesAsText("field"));
        assertThat(named).contains("name", "tenantId", "clientId", "clientSecret", "cloud", "apiBaseUrl", "secretExpires", "streams");
        assertThat(r.body()).contains("Secret ID").contains("https");
        assertThat(r.body()).as("the secret-shaped value is never echoed").doesNotContain("d3fe3000-0000-4000-a000-000000000003");
        assertThat(admin.post("/api/v1/integrations", "{\"name\":\"x\",\"surprise\":1}", null).json()
                .path("error").path("message").asText()).contains("unknown field 'surprise'");
        assertThat(admin.post("/api/v1/integrations", "{not json", null).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/integrations", "name=x", "text/plain").status()).isEqualTo(415);
    }

    @Test
    void secretExpiryIsWarnedAboutAheadOfTime() {
        ObjectNode soon = integration("expiring");
        soon.put("secretExpires", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString());
        JsonNode view = admin.post("/api/v1/integrations", soon).json();
        assertThat(view.path("expiry").path("warning").asBoolean()).isTrue();
        assertThat(view.path("expiry").path("daysLeft").asLong()).isEqualTo(10);
        assertThat(view.path("expiry").path("message").asText()).contains("expires in 10 days").contains("Certificates & secrets");
        assertThat(admin.get("/api/v1/integrations/expiring/status").json().path("expiry").path("warning").asBoolean()).isTrue();
        assertThat(admin.delete("/api/v1/integrations/expiring").status()).isEqualTo(204);
    }

    @Test
    void streamsCatalogNamesPermissions() {
        JsonNode streams = viewer.get("/api/v1/streams").json().path("streams");
        assertThat(streams.findValuesAsText("id")).contains("alerts", "machines", "incidents", "graph-alerts");
        assertThat(streams.get(0).path("permissions").toString()).contains("Alert.Read.All");
    }

    @Test
    void eventsAreBrowsedFilteredPagedReadAndExported() {
        JsonNode first = viewer.get("/api/v1/events?tenant=contoso&stream=alerts&limit=20").json();
        assertThat(first.path("events")).hasSize(20);
        assertThat(first.path("events").get(0).path("naturalId").asText()).isEqualTo("rec-294");
        assertThat(first.path("complete").asBoolean()).isTrue();
        List<String> all = new ArrayList<>(first.path("events").findValuesAsText("uid"));
        String cursor = first.path("next").asText();
        while (!cursor.isEmpty()) {
            JsonNode page = viewer.get("/api/v1/events?tenant=contoso&stream=alerts&limit=20&cursor=" + cursor).json();
            all.addAll(page.path("events").findValuesAsText("uid"));
            cursor = page.path("next").asText("");
        }
        assertThat(all).hasSize(50).doesNotHaveDuplicates();

        assertThat(viewer.get("/api/v1/events?class=5001&severity=4,5&limit=500").json().path("events")).hasSize(80);
        assertThat(viewer.get("/api/v1/events?device=WEB-01&limit=500").json().path("events")).hasSize(6);
        JsonNode fox = viewer.get("/api/v1/events?q=QUICK%20BROWN").json().path("events");
        assertThat(fox).hasSize(1);
        assertThat(fox.get(0).path("title").asText()).isEqualTo("Finding 42");
        assertThat(viewer.get("/api/v1/events?from=" + TestServers.BASE.plusSeconds(10) + "&to="
                + TestServers.BASE.plusSeconds(20)).json().path("events")).hasSize(10);

        String uid = fox.get(0).path("uid").asText();
        JsonNode event = viewer.get("/api/v1/events/" + uid).json();
        assertThat(event.path("ocsf").path("class_uid").asInt()).isEqualTo(2004);
        assertThat(event.path("raw").path("comment").asText()).isEqualTo("the quick brown fox");
        assertThat(viewer.get("/api/v1/events/nope").status()).isEqualTo(404);

        Http.Response export = viewer.get("/api/v1/events/export?tenant=fabrikam");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type").orElse("")).startsWith("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(150);
        JsonNode line = Http.json().valueToTree(readLine(lines[0]));
        assertThat(line.path("tenant").asText()).isEqualTo("fabrikam");
        assertThat(line.path("ocsf").path("class_uid").isInt()).isTrue();
        assertThat(line.path("raw").path("id").asText()).startsWith("rec-");
        assertThat(viewer.get("/api/v1/events/export?max=7").body().split("\n")).hasSize(7);

        assertThat(viewer.get("/api/v1/events?from=yesterday").status()).isEqualTo(400);
        assertThat(viewer.get("/api/v1/events?limit=100000").status()).isEqualTo(400);
        assertThat(viewer.get("/api/v1/events?cursor=forged").status()).isEqualTo(400);
        assertThat(viewer.get("/api/v1/events?class=abc").status()).isEqualTo(400);
    }

    private static JsonNode readLine(String line) {
        try {
            return Http.json().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void usersAreManagedByAdminsAndTheLastAdminIsProtected() {
        assertThat(admin.post("/api/v1/users", user("olga", "olga-password-1234", "viewer")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/users", user("OLGA", "olga-password-1234", "viewer")).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/users", user("weak", "short", "viewer")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/users", user("who?", "olga-password-1234", "viewer")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/users", user("rolf", "rolf-password-1234", "root")).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/users").json().path("users").findValuesAsText("username")).contains("admin", "olga");
        assertThat(admin.get("/api/v1/users").body()).doesNotContain("pbkdf2").doesNotContain("password");

        Http olga = Http.to(base).login("olga", "olga-password-1234");
        assertThat(olga.post("/api/v1/tokens", name("x", "viewer")).status()).isEqualTo(403);
        JsonNode promoted = admin.put("/api/v1/users/olga", Http.json().createObjectNode().put("role", "admin")).json();
        assertThat(promoted.path("role").asText()).isEqualTo("admin");
        assertThat(olga.get("/api/v1/session").status()).as("a role change ends sessions").isEqualTo(401);
        Http olgaAdmin = Http.to(base).login("olga", "olga-password-1234");
        assertThat(olgaAdmin.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/users/olga", Http.json().createObjectNode().put("password", "olga-other-pass-5678")).status())
                .isEqualTo(200);
        Http.to(base).login("olga", "olga-other-pass-5678");
        assertThat(admin.delete("/api/v1/users/admin").status()).as("not yourself").isEqualTo(409);
        assertThat(admin.delete("/api/v1/users/olga").status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/users/olga").status()).isEqualTo(404);
        assertThat(admin.put("/api/v1/users/admin", Http.json().createObjectNode().put("role", "viewer")).status())
                .as("the last admin keeps the role").isEqualTo(409);
    }

    @Test
    void apiTokensAreShownOnceStoredHashedAndRevocable() {
        Http.Response issued = admin.post("/api/v1/tokens", name("prometheus", "viewer"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().path("token").asText();
        String id = issued.json().path("id").asText();
        assertThat(token).startsWith("dct_").hasSizeGreaterThan(40);
        Http.Response list = admin.get("/api/v1/tokens");
        assertThat(list.json().path("tokens").findValuesAsText("name")).contains("prometheus");
        assertThat(list.body()).doesNotContain(token);

        Http automation = Http.to(base).bearer(token);
        assertThat(automation.get("/api/v1/session").json().path("via").asText()).isEqualTo("token");
        assertThat(automation.get("/metrics").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/tokens", name("", "viewer")).status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
        assertThat(automation.get("/api/v1/integrations").status()).isEqualTo(401);
        List<String> audit = admin.get("/api/v1/audit").json().path("entries").findValuesAsText("action");
        assertThat(audit).contains("token.create", "token.revoke", "user.create");
    }

    @Test
    void auditLogPagesBackwards() {
        JsonNode first = admin.get("/api/v1/audit?limit=2").json();
        assertThat(first.path("entries")).hasSize(2);
        long next = first.path("next").asLong();
        JsonNode second = admin.get("/api/v1/audit?limit=2&before=" + next).json();
        assertThat(second.path("entries").get(0).path("id").asLong()).isLessThan(next);
        assertThat(admin.get("/api/v1/audit?before=abc").status()).isEqualTo(400);
    }

    @Test
    void operationsEndpointsAndSecurityHeaders() {
        Http anonymous = Http.to(base);
        assertThat(anonymous.get("/healthz").json().path("status").asText()).isEqualTo("ok");
        Http.Response ready = anonymous.get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("checks").path("eventStore").asBoolean()).isTrue();
        assertThat(ready.json().path("checks").path("engine").asBoolean()).isTrue();
        assertThat(anonymous.get("/metrics").status()).isEqualTo(401);
        assertThat(Http.to(base).bearer(viewerToken).get("/metrics").body()).contains("defender_connector_up 1");

        Http.Response page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/app.js");
        assertThat(page.header("Content-Security-Policy").orElse("")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.header("X-Frame-Options")).contains("DENY");
        assertThat(anonymous.get("/assets/app.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/assets/app.css").header("Content-Type").orElse("")).startsWith("text/css");
        assertThat(anonymous.get("/assets/favicon.svg").status()).isEqualTo(200);
        assertThat(anonymous.get("/assets/..%2Fapi%2Fopenapi.json").status()).isEqualTo(404);
        assertThat(anonymous.get("/assets/missing.js").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/nothing-here").json().path("error").path("code").asText()).isEqualTo("not_found");
        assertThat(admin.get("/api/v1/integrations").header("Cache-Control")).contains("no-store");
    }

    private static JsonNode stream(JsonNode status, String name) {
        for (JsonNode s : status.path("streams")) {
            if (s.path("stream").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no stream " + name + " in " + status);
    }

    private static JsonNode await(Supplier<JsonNode> poll, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode last = poll.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached in 20 s; last: " + last);
            }
            Thread.sleep(100);
            last = poll.get();
        }
        return last;
    }
}
