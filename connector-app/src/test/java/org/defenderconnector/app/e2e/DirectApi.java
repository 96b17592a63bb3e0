package org.defenderconnector.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

/**
 * Plain HTTPS calls to the emulator with a client-credentials token, for test code that needs what the
 * APIs answer without going through the connector's client (the truth to compare with, hunting rows).
 */
final class DirectApi {
    static final String MDE = "https://api.securitycenter.microsoft.com/.default";
    static final String GRAPH = "https://graph.microsoft.com/.default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Emulator emulator;
    private final HttpClient http;

    DirectApi(Emulator emulator) {
        this.emulator = emulator;
        this.http = HttpClient.newBuilder().sslContext(trusting(emulator)).connectTimeout(Duration.ofSeconds(20)).build();
    }

    String token(String scope) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + DemoCredentials.CLIENT_ID
                + "&client_secret=" + URLEncoder.encode(DemoCredentials.SECRET_VALUE, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/" + DemoCredentials.TENANT_ID
                        + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode answer = JSON.readTree(send(request));
        return answer.path("access_token").asText();
    }

    /** GET {@code pathAndQuery} with a token for {@code scope}; the body as a stream the caller closes. */
    InputStream get(String pathAndQuery, String scope) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token(scope)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + body);
        }
        return response.body();
    }

    /** Graph's runHuntingQuery: the rows of {@code query}, as the API answers them. */
    JsonNode huntingRows(String query) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("Query", query).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1.0/security/runHuntingQuery"))
                .header("Authorization", "Bearer " + token(GRAPH)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JSON.readTree(send(request)).path("results");
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            // Token answers never reach this message: only error bodies do, and they hold no secret.
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    private static SSLContext trusting(Emulator emulator) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("emulator", emulator.caCertificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the emulator's certificate: " + e.getMessage(), e);
        }
    }
}
