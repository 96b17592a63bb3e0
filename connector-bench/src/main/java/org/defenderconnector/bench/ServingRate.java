package org.defenderconnector.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.emulator.DemoCredentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * How fast the emulator serves a list by itself: a plain HttpClient loop requesting every page of
 * {@code $top} records with {@code $skip} and only reading the bytes (no parsing, no storing). The
 * connector's collection rate is compared with this.
 */
final class ServingRate {
    /** Records, requests, bytes and elapsed nanoseconds of one pass over the list. */
    record Pass(long records, int requests, long bytes, long nanos) {
        double recordsPerSecond() {
            return records / (nanos / 1e9);
        }
    }

    private final BenchTenant tenant;
    private final HttpClient http;

    ServingRate(BenchTenant tenant) {
        this.tenant = tenant;
        this.http = HttpClient.newBuilder().sslContext(tenant.trust()).build();
    }

    /** Reads {@code total} records of {@code pathAndQuery} in pages of {@code pageSize}. */
    Pass read(String pathAndQuery, long total, int pageSize) throws IOException, InterruptedException {
        String token = token();
        long bytes = 0;
        int requests = 0;
        long start = System.nanoTime();
        for (long skip = 0; skip < total; skip += pageSize) {
            URI uri = URI.create(tenant.emulator().baseUrl() + pathAndQuery + "&$top=" + pageSize + "&$skip=" + skip);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + uri.getPath() + " answered " + response.statusCode());
                }
                bytes += body.transferTo(OutputStream.nullOutputStream());
            }
            requests++;
        }
        return new Pass(total, requests, bytes, System.nanoTime() - start);
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + DemoCredentials.CLIENT_ID + "&client_secret="
                + URLEncoder.encode(DemoCredentials.SECRET_VALUE, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("https://api.securitycenter.microsoft.com/.default", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tenant.emulator().baseUrl() + "/"
                        + DemoCredentials.TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token request answered " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
