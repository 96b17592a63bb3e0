package org.defenderconnector.microsoft.auth;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import org.defenderconnector.microsoft.cloud.TlsTrust;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP transport MSAL uses for us: the JDK client with our {@link TlsTrust} (so an extra CA is
 * honoured without touching the JVM's defaults), and a client-credentials body exactly as Microsoft
 * documents it.
 *
 * <p>msal4j adds {@code openid profile offline_access} to every grant's {@code scope}, including
 * client credentials, where they mean nothing (there is no user, no ID token, no refresh token).
 * The documented request is {@code scope=<App ID URI>/.default} alone
 * (shared/reference/microsoft-api.md §1.1), so we drop those three before sending.
 */
final class EntraHttpClient implements IHttpClient {
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");
    // The JDK client sets these itself and refuses them as user headers.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;
    private final Duration timeout;

    EntraHttpClient(TlsTrust tls, Duration connectTimeout, Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .sslContext(tls.sslContext())
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url().toString()))
                .timeout(timeout);
        if (request.headers() != null) {
            request.headers().forEach((name, value) -> {
                if (value != null && !RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    b.header(name, value);
                }
            });
        }
        String method = request.httpMethod().methodName;
        String body = request.body();
        if (body != null && "POST".equals(method)) {
            b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(documentedClientCredentialsBody(body)));
        } else if (body != null) {
            b.method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        com.microsoft.aad.msal4j.HttpResponse out = new com.microsoft.aad.msal4j.HttpResponse()
                .statusCode(resp.statusCode())
                .body(resp.body());
        out.addHeaders(resp.headers().map());
        return out;
    }

    /** Removes the OIDC scopes from a client-credentials form body; any other body is returned as is. */
    static String documentedClientCredentialsBody(String formBody) {
        List<String> pairs = Arrays.asList(formBody.split("&"));
        boolean clientCredentials = pairs.stream().anyMatch(p -> p.equals("grant_type=client_credentials"));
        if (!clientCredentials) {
            return formBody;
        }
        List<String> out = new ArrayList<>();
        for (String pair : pairs) {
            if (pair.startsWith("scope=")) {
                String scopes = URLDecoder.decode(pair.substring("scope=".length()), StandardCharsets.UTF_8);
                String kept = Arrays.stream(scopes.split(" "))
                        .filter(s -> !s.isBlank() && !OIDC_SCOPES.contains(s))
                        .collect(Collectors.joining(" "));
                out.add("scope=" + URLEncoder.encode(kept, StandardCharsets.UTF_8));
            } else {
                out.add(pair);
            }
        }
        return String.join("&", out);
    }
}
