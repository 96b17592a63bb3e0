package org.defenderconnector.emulator.support;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JDK HTTP client, trusting only the PEM file the emulator wrote (so every test also proves that file,
 * its IP SAN and the TLS setup work with hostname verification on).
 */
public final class EmulatorClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(int status, HttpHeaders headers, String body, JsonNode json) {
    }

    private final String baseUrl;
    private final SSLContext sslContext;
    private final HttpClient http;

    public EmulatorClient(String baseUrl, Path caCertificatePem) {
        this.baseUrl = baseUrl;
        this.sslContext = trusting(caCertificatePem);
        this.http = HttpClient.newBuilder().sslContext(sslContext).version(HttpClient.Version.HTTP_1_1).build();
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** POSTs a form to {@code /{tenant}/oauth2/token} (v1) or {@code /{tenant}/oauth2/v2.0/token} (v2). */
    public Response token(String tenant, boolean v2, Map<String, String> form) {
        return postForm("/" + tenant + (v2 ? "/oauth2/v2.0/token" : "/oauth2/token"), form, Map.of());
    }

    public Response postForm(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A v2 client-secret token for {@code resource}; fails the test unless it is issued. */
    public String accessToken(String tenant, String clientId, String secret, String resource) {
        Response response = token(tenant, true, secretForm(clientId, secret, resource + "/.default"));
        if (response.status() != 200) {
            throw new AssertionError("token request failed: " + response.body());
        }
        return response.json().get("access_token").asText();
    }

    public static Map<String, String> secretForm(String clientId, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("scope", scope);
        return form;
    }

    public Response get(String path, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    public Response postJson(String path, String accessToken, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    /**
     * A GET whose body is handed to {@code reader} as a stream (for bodies too large to hold). Uses
     * HttpsURLConnection, which reads TLS several times faster than the JDK HttpClient.
     */
    public <T> T stream(String path, String accessToken, StreamReader<T> reader) {
        try {
            javax.net.ssl.HttpsURLConnection connection = (javax.net.ssl.HttpsURLConnection)
                    URI.create(baseUrl + path).toURL().openConnection();
            connection.setSSLSocketFactory(sslContext.getSocketFactory());
            connection.setRequestProperty("Authorization", "Bearer " + accessToken);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return reader.read(status, body);
            } finally {
                connection.disconnect();
            }
        } catch (Exception e) {
            throw new IllegalStateException("request to " + path + " failed", e);
        }
    }

    /** Reads a streamed body. */
    @FunctionalInterface
    public interface StreamReader<T> {
        T read(int status, InputStream body) throws Exception;
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), response.headers(), response.body(), json);
        } catch (Exception e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        }
    }

    /** The decoded payload of a JWT. */
    public static JsonNode claims(String jwt) {
        return decodeSegment(jwt, 1);
    }

    /** The decoded header of a JWT. */
    public static JsonNode header(String jwt) {
        return decodeSegment(jwt, 0);
    }

    private static JsonNode decodeSegment(String jwt, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SSL context whose only trust anchor is the certificate in {@code pem}. */
    public static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("emulator", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + pem, e);
        }
    }
}
