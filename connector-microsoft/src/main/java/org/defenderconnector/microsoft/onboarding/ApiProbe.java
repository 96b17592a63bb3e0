package org.defenderconnector.microsoft.onboarding;

import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.permissions.Probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Sends one probe request with a bearer token. Only for {@code check}; collection uses the real client. */
final class ApiProbe {
    private static final int MAX_BODY = 8192;

    private final HttpClient http;
    private final Duration timeout;

    ApiProbe(TlsTrust tls, Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .sslContext(tls.sslContext())
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    record Response(int status, String body, Optional<String> retryAfter) {
    }

    Response send(URI base, Probe probe, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + probe.pathAndQuery()))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .header("User-Agent", "defender-connector-check");
        if ("POST".equals(probe.method())) {
            req.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(probe.body().orElse("{}")));
        } else {
            req.GET();
        }
        HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        String body = resp.body() == null ? "" : resp.body();
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        return new Response(resp.statusCode(), body, resp.headers().firstValue("Retry-After"));
    }
}
