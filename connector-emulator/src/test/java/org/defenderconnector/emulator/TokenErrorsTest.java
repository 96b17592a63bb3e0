package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.emulator.support.TestDirectory.APP;
import static org.defenderconnector.emulator.support.TestDirectory.CONTOSO;
import static org.defenderconnector.emulator.support.TestDirectory.EXPIRED_SECRET;
import static org.defenderconnector.emulator.support.TestDirectory.FABRIKAM_ONLY_APP;
import static org.defenderconnector.emulator.support.TestDirectory.GRAPH;
import static org.defenderconnector.emulator.support.TestDirectory.NORTHWIND;
import static org.defenderconnector.emulator.support.TestDirectory.SECRET;
import static org.defenderconnector.emulator.support.TestDirectory.SECRET_ID;
import static org.defenderconnector.emulator.support.TestDirectory.UNKNOWN_TENANT;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.RunningEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the AADSTS table, in Entra's error body shape. */
class TokenErrorsTest extends RunningEmulator {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static Stream<Arguments> errorCases() {
        return Stream.of(
                Arguments.of("unknown tenant GUID", UNKNOWN_TENANT, true, v2(APP, SECRET, GRAPH + "/.default"),
                        400, "invalid_request", 90002),
                Arguments.of("unknown tenant domain", "nowhere.onmicrosoft.com", false, v1(APP, SECRET, WDATP),
                        400, "invalid_request", 90002),
                Arguments.of("client id not registered anywhere", CONTOSO, true,
                        v2("0bad0000-0000-4000-8000-0000000000ff", SECRET, GRAPH + "/.default"),
                        400, "unauthorized_client", 700016),
                Arguments.of("multi-tenant app never consented in this tenant", NORTHWIND, true,
                        v2(APP, SECRET, GRAPH + "/.default"), 400, "unauthorized_client", 700016),
                Arguments.of("app of another tenant", CONTOSO, true,
                        v2(FABRIKAM_ONLY_APP, "fab~secret", GRAPH + "/.default"), 400, "unauthorized_client", 700016),
                Arguments.of("wrong secret", CONTOSO, true, v2(APP, "not-the-secret", GRAPH + "/.default"),
                        401, "invalid_client", 7000215),
                Arguments.of("secret ID pasted instead of the value", CONTOSO, false, v1(APP, SECRET_ID, WDATP),
                        401, "invalid_client", 7000215),
                Arguments.of("expired secret", CONTOSO, true, v2(APP, EXPIRED_SECRET, GRAPH + "/.default"),
                        401, "invalid_client", 7000222),
                Arguments.of("neither secret nor assertion", CONTOSO, true, without(v2(APP, SECRET, GRAPH + "/.default"),
                        "client_secret"), 400, "invalid_client", 7000218),
                Arguments.of("unknown resource (v1)", CONTOSO, false, v1(APP, SECRET, "https://example.contoso.com"),
                        400, "invalid_resource", 500011),
                Arguments.of("unknown scope resource (v2)", CONTOSO, true,
                        v2(APP, SECRET, "https://example.contoso.com/.default"), 400, "invalid_scope", 500011),
                Arguments.of("v2 scope without /.default", CONTOSO, true,
                        v2(APP, SECRET, GRAPH + "/SecurityAlert.Read.All"), 400, "invalid_scope", 70011),
                Arguments.of("two resources in one client credentials scope", CONTOSO, true,
                        v2(APP, SECRET, GRAPH + "/.default " + WDATP + "/.default"), 400, "invalid_scope", 70011),
                Arguments.of("resource sent to v2", CONTOSO, true,
                        with(v2(APP, SECRET, GRAPH + "/.default"), "resource", GRAPH), 400, "invalid_request", 901002),
                Arguments.of("grant type not client_credentials", CONTOSO, true,
                        with(v2(APP, SECRET, GRAPH + "/.default"), "grant_type", "password"),
                        400, "unsupported_grant_type", 70003),
                Arguments.of("client_id missing", CONTOSO, true, without(v2(APP, SECRET, GRAPH + "/.default"),
                        "client_id"), 400, "invalid_request", 900144));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    void tokenEndpointAnswersWithTheDocumentedError(String description, String tenant, boolean v2,
                                                     Map<String, String> form, int status, String error, int code) {
        EmulatorClient.Response response = client.token(tenant, v2, form);

        assertThat(response.status()).as(description).isEqualTo(status);
        assertEntraErrorShape(response.json(), error, code);
        assertThat(response.body()).doesNotContain(SECRET).doesNotContain(EXPIRED_SECRET);
    }

    @Test
    void errorNamesTheAppAndTellsSecretIdFromValue() {
        JsonNode body = client.token(CONTOSO, false, v1(APP, SECRET_ID, WDATP)).json();

        assertThat(body.get("error_description").asText()).contains(APP).contains("client secret value")
                .contains("not the client secret ID");
    }

    @Test
    void correlationIdIsTheClientRequestIdWhenOneIsSent() {
        String clientRequestId = "12345678-90ab-4cde-8f01-234567890abc";
        EmulatorClient.Response response = client.postForm("/" + UNKNOWN_TENANT + "/oauth2/v2.0/token",
                v2(APP, SECRET, GRAPH + "/.default"), Map.of("client-request-id", clientRequestId));

        assertThat(response.json().get("correlation_id").asText()).isEqualTo(clientRequestId);
        assertThat(response.json().get("trace_id").asText()).isNotEqualTo(clientRequestId);
    }

    @Test
    void traceIdsAreFreshForEveryResponse() {
        JsonNode first = client.token(UNKNOWN_TENANT, true, v2(APP, SECRET, GRAPH + "/.default")).json();
        JsonNode second = client.token(UNKNOWN_TENANT, true, v2(APP, SECRET, GRAPH + "/.default")).json();

        assertThat(first.get("trace_id").asText()).isNotEqualTo(second.get("trace_id").asText());
        assertThat(first.get("correlation_id").asText()).isNotEqualTo(second.get("correlation_id").asText());
    }

    @Test
    void getOnTheTokenEndpointIsRefused() {
        EmulatorClient.Response response = client.send(HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + "/" + CONTOSO + "/oauth2/v2.0/token")).GET().build());

        assertThat(response.status()).isEqualTo(400);
        assertEntraErrorShape(response.json(), "invalid_request", 900561);
    }

    static void assertEntraErrorShape(JsonNode body, String error, int code) {
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_codes")).hasSize(1);
        assertThat(body.get("error_codes").get(0).isInt()).isTrue();
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(code);
        String traceId = body.get("trace_id").asText();
        String correlationId = body.get("correlation_id").asText();
        String timestamp = body.get("timestamp").asText();
        assertThat(traceId).matches(GUID);
        assertThat(correlationId).matches(GUID);
        assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
        assertThat(body.get("error_description").asText())
                .startsWith("AADSTS" + code + ": ")
                .endsWith("\r\nTrace ID: " + traceId + "\r\nCorrelation ID: " + correlationId
                        + "\r\nTimestamp: " + timestamp);
        assertThat(body.get("error_uri").asText()).isEqualTo("https://login.microsoftonline.com/error?code=" + code);
    }

    private static Map<String, String> v2(String clientId, String secret, String scope) {
        return EmulatorClient.secretForm(clientId, secret, scope);
    }

    private static Map<String, String> v1(String clientId, String secret, String resource) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("resource", resource);
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, String> without(Map<String, String> form, String name) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.remove(name);
        return copy;
    }
}
