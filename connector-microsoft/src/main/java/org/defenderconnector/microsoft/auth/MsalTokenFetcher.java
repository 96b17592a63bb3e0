package org.defenderconnector.microsoft.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches client-credentials tokens with msal4j over {@link EntraHttpClient}. One MSAL application per tenant (the authority
 * carries the tenant); MSAL's own cache is bypassed ({@code skipCache}) because it misses whenever
 * the authority has a non-443 port and because {@link TokenSource} keeps the one cache we rely on.
 */
final class MsalTokenFetcher implements TokenFetcher {
    private static final int TIMEOUT_SECONDS = 60;

    private final String clientId;
    private final ClientCredential credential;
    private final IClientCredential msalCredential;
    private final Endpoints endpoints;
    private final Clock clock;
    private final EntraHttpClient httpClient;
    private final Map<String, ConfidentialClientApplication> appsByTenant = new ConcurrentHashMap<>();

    MsalTokenFetcher(String clientId, ClientCredential credential, Endpoints endpoints, TlsTrust tls, Clock clock) {
        this.clientId = clientId;
        this.credential = credential;
        this.endpoints = endpoints;
        this.clock = clock;
        this.httpClient = new EntraHttpClient(tls, java.time.Duration.ofSeconds(15), java.time.Duration.ofSeconds(45));
        if (credential instanceof ClientSecret s) {
            this.msalCredential = ClientCredentialFactory.createFromSecret(s.value());
        } else {
            ClientCertificate c = (ClientCertificate) credential;
            // A fresh assertion per token request, for the endpoint MSAL is about to call.
            this.msalCredential = ClientCredentialFactory.createFromCallback(
                    (com.microsoft.aad.msal4j.AssertionRequestOptions options) ->
                            ClientAssertion.create(c, clientId, options.tokenEndpoint(), clock.instant()));
        }
    }

    @Override
    public AccessToken fetch(TokenKey key) {
        ConfidentialClientApplication app = appsByTenant.computeIfAbsent(key.tenant(), t -> build(t, key));
        ClientCredentialParameters params = ClientCredentialParameters
                .builder(Set.of(key.resource() + "/.default"))
                .skipCache(true)
                .build();
        Instant before = clock.instant();
        try {
            IAuthenticationResult result = app.acquireToken(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Instant expires = result.expiresOnDate().toInstant();
            return new AccessToken(result.accessToken(), before, expires);
        } catch (ExecutionException e) {
            throw translate(key, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new TokenException(TokenException.Kind.UNREACHABLE, key, null, null, null, null, null,
                    "No answer from " + endpoints.loginAuthority() + " within " + TIMEOUT_SECONDS + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(TokenException.Kind.FAILED, key, null, null, null, null, null,
                    "Interrupted while waiting for a token", null);
        } catch (RuntimeException e) {
            throw translate(key, e);
        }
    }

    private ConfidentialClientApplication build(String tenant, TokenKey key) {
        try {
            return ConfidentialClientApplication.builder(clientId, msalCredential)
                    .authority(endpoints.authorityFor(tenant))
                    .instanceDiscovery(endpoints.instanceDiscovery())
                    .httpClient(httpClient)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new TokenException(TokenException.Kind.FAILED, key, null, null, null, null, null,
                    "Invalid authority " + endpoints.authorityFor(tenant) + " (is the tenant id right?)", null);
        }
    }

    private TokenException translate(TokenKey key, Throwable t) {
        if (t instanceof MsalServiceException mse) {
            String raw = scrub(mse.getMessage());
            String summary = EntraErrorText.summary(raw);
            Integer code = EntraErrorText.code(raw);
            String correlation = mse.correlationId() != null && !mse.correlationId().isBlank()
                    ? mse.correlationId() : EntraErrorText.correlationId(raw);
            return new TokenException(TokenException.Kind.REJECTED, key, mse.statusCode(), mse.errorCode(), code,
                    EntraErrorText.traceId(raw), correlation, summary, null);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException || c instanceof CertificateException
                    || c instanceof java.security.cert.CertPathValidatorException
                    || c.getClass().getName().endsWith("SunCertPathBuilderException")) {
                return new TokenException(TokenException.Kind.TLS_UNTRUSTED, key, null, null, null, null, null,
                        "TLS handshake with " + endpoints.loginAuthority() + " failed: " + scrub(c.getMessage()), null);
            }
            if (c instanceof UnknownHostException || c instanceof ConnectException
                    || c instanceof SocketTimeoutException || c instanceof java.net.NoRouteToHostException) {
                return new TokenException(TokenException.Kind.UNREACHABLE, key, null, null, null, null, null,
                        "Cannot reach " + endpoints.loginAuthority() + ": " + c.getClass().getSimpleName()
                                + (c.getMessage() == null ? "" : " " + scrub(c.getMessage())), null);
            }
        }
        return new TokenException(TokenException.Kind.FAILED, key, null, null, null, null, null,
                t.getClass().getSimpleName() + ": " + scrub(String.valueOf(t.getMessage())), null);
    }

    /** Second guard: whatever a library put in a message, the secret value never leaves this class. */
    private String scrub(String text) {
        if (text == null) {
            return null;
        }
        if (credential instanceof ClientSecret s) {
            return text.replace(s.value(), "***");
        }
        return text;
    }
}
