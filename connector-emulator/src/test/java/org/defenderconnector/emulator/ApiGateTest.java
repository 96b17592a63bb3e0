package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.APP;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.FABRIKAM;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.MTP;
import static org.defenderconnector.emulator.support.TestDirectory.SECRET;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP_ALT;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.RunningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API front: 401 for bad tokens and audiences, 403 for missing roles, each in its family's error shape. */
class ApiGateTest extends RunningEmulator {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void mdeCollectionIsServedToATokenWithAnAcceptedRole() {
        EmulatorClient.Response response = client.get("/api/alerts", token(WDATP));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("@odata.context").asText())
                .isEqualTo(emulator.baseUrl() + "/api/$metadata#Alerts");
        assertThat(response.json().get("value").isArray()).isTrue();
        assertThat(response.json().get("value")).isEmpty();
    }

    @Test
    void bothWindowsDefenderAtpAudiencesAreAccepted() {
        assertThat(client.get("/api/alerts", token(WDATP_ALT)).status()).isEqualTo(200);
    }

    @Test
    void emptyMachinesListIsA404AsDocumented() {
        EmulatorClient.Response response = client.get("/api/machines", token(WDATP));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("ResourceNotFound");
    }

    @Test
    void versionedPathsAndPathCaseAreServedLikeMde() {
        assertThat(client.get("/api/v1.0/alerts", token(WDATP)).status()).isEqualTo(200);
        assertThat(client.get("/API/Alerts/", token(WDATP)).status()).isEqualTo(200);
    }

    @Test
    void missingTokenIs401InTheMdeShape() {
        EmulatorClient.Response response = client.get("/api/alerts", null);

        assertThat(response.status()).isEqualTo(401);
        assertDefenderError(response.json(), "Unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void expiredTokenIs401() {
        String token = token(WDATP);
        CLOCK.advance(Duration.ofSeconds(3600));

        EmulatorClient.Response response = client.get("/api/alerts", token);

        assertThat(response.status()).isEqualTo(401);
        assertDefenderError(response.json(), "Unauthorized");
        assertThat(response.json().get("error").get("message").asText()).contains("expired");
    }

    @Test
    void tokenWithATamperedPayloadIs401() {
        String[] parts = token(WDATP).split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                EmulatorClient.claims(String.join(".", parts)).toString()
                        .replace("\"Alert.Read.All\"", "\"Alert.ReadWrite.All\"").getBytes());
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];

        EmulatorClient.Response response = client.get("/api/alerts", forged);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").get("message").asText()).contains("signature");
    }

    @Test
    void tokenForAnotherApiIs401NamingTheExpectedAudience() {
        EmulatorClient.Response response = client.get("/api/alerts", token(GRAPH));

        assertThat(response.status()).isEqualTo(401);
        assertDefenderError(response.json(), "Unauthorized");
        assertThat(response.json().get("error").get("message").asText())
                .contains("'" + GRAPH + "'").contains("https://api.securitycenter.microsoft.com");
    }

    @Test
    void xdrIncidentsRequireTheThreatProtectionAudience() {
        EmulatorClient.Response withMdeToken = client.get("/api/incidents", token(WDATP));
        EmulatorClient.Response withXdrToken = client.get("/api/incidents", token(MTP));

        assertThat(withMdeToken.status()).isEqualTo(401);
        assertThat(withMdeToken.json().get("error").get("message").asText()).contains(MTP);
        assertThat(withXdrToken.status()).isEqualTo(200);
        assertThat(withXdrToken.json().get("@odata.context").asText()).endsWith("/api/$metadata#Incidents");
        assertThat(withXdrToken.json().get("value")).isEmpty();
    }

    @Test
    void missingRoleIs403ListingTheAcceptedPermissions() {
        String noRoles = client.accessToken(FABRIKAM, APP, SECRET, WDATP);

        EmulatorClient.Response alerts = client.get("/api/alerts", noRoles);
        EmulatorClient.Response software = client.get("/api/Software", token(WDATP));

        assertThat(alerts.status()).isEqualTo(403);
        assertDefenderError(alerts.json(), "Forbidden");
        assertThat(alerts.json().get("error").get("message").asText()).isEqualTo("The application does not have any "
                + "of the required application permissions (Alert.ReadWrite.All, Alert.Read.All) to access the resource.");
        assertThat(software.status()).isEqualTo(403);
        assertThat(software.json().get("error").get("message").asText()).isEqualTo("The application does not have "
                + "any of the required application permissions (Software.Read.All) to access the resource.");
    }

    @Test
    void xdrHuntingNeedsItsOwnRole() {
        EmulatorClient.Response response = client.postJson("/api/advancedhunting/run", token(MTP),
                "{\"Query\":\"DeviceInfo | take 1\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").get("message").asText()).contains("(AdvancedHunting.Read.All)");
    }

    @Test
    void graphCollectionsAndHuntingAnswerInGraphShapes() {
        String graph = token(GRAPH);

        EmulatorClient.Response incidents = client.get("/v1.0/security/incidents", graph);
        EmulatorClient.Response alerts = client.get("/v1.0/security/alerts_v2", graph);

        assertThat(incidents.status()).isEqualTo(200);
        assertThat(incidents.json().get("@odata.context").asText())
                .isEqualTo(emulator.baseUrl() + "/v1.0/$metadata#security/incidents");
        assertThat(incidents.json().get("value")).isEmpty();
        assertThat(alerts.status()).isEqualTo(200);
        assertThat(alerts.json().get("value")).isEmpty();
        assertThat(incidents.headers().firstValue("request-id")).hasValueSatisfying(id -> assertThat(id).matches(GUID));
    }

    @Test
    void graphRunHuntingQueryWithoutItsRoleIs403InGraphShape() {
        String clientRequestId = "aaaa0000-bb11-4222-83cc-444444dddddd";
        EmulatorClient.Response response = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(emulator.baseUrl() + "/v1.0/security/runHuntingQuery"))
                .header("Authorization", "Bearer " + token(GRAPH))
                .header("client-request-id", clientRequestId)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"Query\":\"DeviceInfo | take 1\"}"))
                .build());

        assertThat(response.status()).isEqualTo(403);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("Forbidden");
        assertThat(error.get("message").asText()).isEqualTo("Missing role permissions on the request. API requires "
                + "one of 'ThreatHunting.Read.All'. Roles on the request 'SecurityIncident.Read.All, "
                + "SecurityAlert.Read.All'.");
        assertGraphInnerError(error);
        assertThat(error.get("innerError").get("client-request-id").asText()).isEqualTo(clientRequestId);
    }

    @Test
    void graphRunHuntingQuerySucceedsOnceTheRoleIsConsented() {
        emulator.admin().grantPermission(CONTOSO, APP, "Microsoft Graph", "ThreatHunting.Read.All");
        try {
            EmulatorClient.Response response = client.postJson("/v1.0/security/runHuntingQuery", token(GRAPH),
                    "{\"Query\":\"DeviceInfo | take 1\"}");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("@odata.context").asText())
                    .endsWith("/v1.0/$metadata#microsoft.graph.security.huntingQueryResults");
            assertThat(response.json().get("schema")).isEmpty();
            assertThat(response.json().get("results")).isEmpty();
        } finally {
            emulator.admin().removePermission(CONTOSO, APP, "Microsoft Graph", "ThreatHunting.Read.All");
        }
    }

    @Test
    void graphWithoutTokenIs401InvalidAuthenticationToken() {
        EmulatorClient.Response response = client.get("/v1.0/security/incidents", null);

        assertThat(response.status()).isEqualTo(401);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.get("message").asText()).isNotBlank();
        assertGraphInnerError(error);
    }

    @Test
    void graphRejectsADefenderToken() {
        EmulatorClient.Response response = client.get("/v1.0/security/alerts_v2", token(WDATP));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(response.json().get("error").get("message").asText()).contains("audience").contains(GRAPH);
    }

    @Test
    void scoresAnswerWithTimeAndScore() {
        emulator.admin().grantPermission(CONTOSO, APP, "WindowsDefenderATP", "Score.Read.All");
        try {
            for (String path : List.of("/api/exposureScore", "/api/configurationScore")) {
                EmulatorClient.Response response = client.get(path, token(WDATP));
                assertThat(response.status()).as(path).isEqualTo(200);
                assertThat(response.json().get("@odata.context").asText()).endsWith("/$entity");
                assertThat(response.json().get("time").asText())
                        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z");
                assertThat(response.json().get("score").isNumber()).isTrue();
            }
        } finally {
            emulator.admin().removePermission(CONTOSO, APP, "WindowsDefenderATP", "Score.Read.All");
        }
    }

    @Test
    void unknownApiPathIs404AfterAuthentication() {
        assertThat(client.get("/api/nothing-here", null).status()).isEqualTo(401);
        EmulatorClient.Response response = client.get("/api/nothing-here", token(WDATP));
        assertThat(response.status()).isEqualTo(404);
        assertDefenderError(response.json(), "NotFound");
    }

    @Test
    void routesArePluggable() {
        emulator.routes().register(org.defenderconnector.emulator.api.ApiRoute.get("/api/alerts/{id}",
                org.defenderconnector.emulator.api.ApiFamily.MDE, List.of("Alert.Read.All"),
                request -> org.defenderconnector.emulator.api.ApiResponse.json(200,
                        EmulatorClient.JSON.createObjectNode().put("id", request.pathParams().get("id"))
                                .put("tenant", request.caller().tenantId()))));

        EmulatorClient.Response response = client.get("/api/alerts/da637_1", token(WDATP));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asText()).isEqualTo("da637_1");
        assertThat(response.json().get("tenant").asText()).isEqualTo(CONTOSO);
    }

    private static String token(String resource) {
        return client.accessToken(CONTOSO, APP, SECRET, resource);
    }

    private static void assertDefenderError(JsonNode body, String code) {
        JsonNode error = body.get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("target").asText()).matches(GUID);
        assertThat(error.has("innerError")).isFalse();
    }

    private static void assertGraphInnerError(JsonNode error) {
        JsonNode inner = error.get("innerError");
        assertThat(inner.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(inner.get("request-id").asText()).matches(GUID);
        assertThat(inner.get("client-request-id").asText()).isNotBlank();
        assertThat(error.has("target")).isFalse();
    }
}
