package org.defenderconnector.microsoft.auth;

import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * Access tokens for one app registration (client id + credential) in any number of tenants.
 *
 * <p>One token per tenant × client × API audience, kept in our own cache (see {@link MsalTokenFetcher}
 * for why not MSAL's) and renewed ahead of expiry per {@link RefreshPolicy}. Thread-safe: when a
 * token must be (re)fetched, exactly one caller fetches it and concurrent callers for the same key
 * wait for that fetch and share its result or its failure; other keys are not blocked.
 *
 * <pre>{@code
 * TokenSource tokens = TokenSource.create(Endpoints.of(Cloud.GLOBAL), TlsTrust.systemDefault(),
 *         clientId, ClientSecret.of(System.getenv("DC_SECRET")));
 * String bearer = tokens.token(tenantId, Api.DEFENDER_ENDPOINT);
 * }</pre>
 */
public final class TokenSource {
    private static final Logger log = LoggerFactory.getLogger(TokenSource.class);

    private final String clientId;
    private final Endpoints endpoints;
    private final TokenFetcher fetcher;
    private final Clock clock;
    private final RefreshPolicy policy;
    private final ConcurrentMap<TokenKey, AccessToken> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenKey, CompletableFuture<AccessToken>> inFlight = new ConcurrentHashMap<>();

    /** A token source backed by msal4j. */
    public static TokenSource create(Endpoints endpoints, TlsTrust tls, String clientId, ClientCredential credential) {
        Objects.requireNonNull(credential, "credential");
        Clock clock = Clock.systemUTC();
        return new TokenSource(clientId, endpoints,
                new MsalTokenFetcher(clientId, credential, endpoints, tls, clock), clock, RefreshPolicy.DEFAULT);
    }

    /** For tests and alternative fetchers (e.g. managed identity later). */
    public TokenSource(String clientId, Endpoints endpoints, TokenFetcher fetcher, Clock clock, RefreshPolicy policy) {
        this.clientId = Objects.requireNonNull(clientId, "clientId").strip();
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The bearer token value for calling {@code api} in {@code tenant}. */
    public String token(String tenant, Api api) {
        return accessToken(tenant, api).value();
    }

    /**
     * A valid token for {@code api} in {@code tenant}, from the cache or freshly fetched.
     *
     * @param tenant tenant GUID or verified domain (e.g. contoso.onmicrosoft.com)
     * @throws TokenException when Entra does not issue one
     */
    public AccessToken accessToken(String tenant, Api api) {
        return accessToken(keyFor(tenant, api));
    }

    /**
     * A valid token for a resource that is not one of the {@link Api}s the permission model covers, e.g.
     * Azure Storage ({@code https://storage.azure.com}) for the Streaming API. Same cache, renewal and
     * single-flight as the API tokens; the resource is used as given (no per-cloud mapping).
     *
     * @param resource the App ID URI, with or without {@code /.default}
     * @throws TokenException when Entra does not issue one
     */
    public AccessToken accessToken(String tenant, String resource) {
        Objects.requireNonNull(resource, "resource");
        String bare = resource.endsWith("/.default") ? resource.substring(0, resource.length() - "/.default".length())
                : resource;
        return accessToken(new TokenKey(tenant, clientId, bare));
    }

    /** The cache key this source uses for a tenant and API. */
    public TokenKey keyFor(String tenant, Api api) {
        return new TokenKey(tenant, clientId, endpoints.resource(api));
    }

    /**
     * Drops the cached token, e.g. after an API answered 401 to it (revoked, clock skew) so that the
     * next call fetches a new one.
     */
    public void invalidate(String tenant, Api api) {
        cache.remove(keyFor(tenant, api));
    }

    public String clientId() {
        return clientId;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    private AccessToken accessToken(TokenKey key) {
        AccessToken cached = cache.get(key);
        if (cached != null && !policy.needsRefresh(cached, clock.instant())) {
            return cached;
        }
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running, key);
        }
        try {
            // Another caller may have finished a fetch between our cache read and claiming the slot.
            AccessToken current = cache.get(key);
            if (current != null && !policy.needsRefresh(current, clock.instant())) {
                mine.complete(current);
                return current;
            }
            AccessToken fresh = fetchOrKeep(key, current);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private AccessToken fetchOrKeep(TokenKey key, AccessToken current) {
        try {
            AccessToken fresh = fetcher.fetch(key);
            cache.put(key, fresh);
            log.debug("New token for {} valid until {}", key, fresh.expiresOn());
            return fresh;
        } catch (TokenException e) {
            Instant now = clock.instant();
            if (current != null && now.isBefore(current.expiresOn()) && e.isTransient()) {
                // The old token is still accepted: keep working and retry on the next call.
                log.warn("Token renewal for {} failed ({}); using the current token until {}",
                        key, e.getMessage(), current.expiresOn());
                return current;
            }
            cache.remove(key, current);
            throw e;
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> running, TokenKey key) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return running.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TokenException te) {
                        throw te;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("Token fetch for " + key + " failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
