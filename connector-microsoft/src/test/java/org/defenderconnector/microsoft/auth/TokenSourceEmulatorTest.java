package org.defenderconnector.microsoft.auth;

import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.testsupport.EmulatorDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.CONTOSO;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.FABRIKAM;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.FULL_APP;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.FULL_SECRET;

/** {@link TokenSource} over msal4j against the emulator's token endpoint, counting the requests it receives. */
class TokenSourceEmulatorTest {
    private static final String MDE = "https://api.securitycenter.microsoft.com";
    private static final String GRAPH = "https://graph.microsoft.com";
    private static EmulatorDirectory directory;

    @BeforeAll
    static void startEmulator() {
        directory = EmulatorDirectory.start();
    }

    @AfterAll
    static void stopEmulator() {
        directory.close();
    }

    @BeforeEach
    void resetCounters() {
        directory.emulator.admin().setTokenLifetime(Duration.ofSeconds(3599));
        directory.emulator.admin().resetCounters();
    }

    /** A token source whose clock the test moves, backed by the real msal4j fetcher. */
    private static TokenSource withClock(TokenSourceTest.ManualClock clock, ClientCredential credential) {
        MsalTokenFetcher fetcher = new MsalTokenFetcher(FULL_APP, credential, directory.endpoints(), directory.tls(), clock);
        return new TokenSource(FULL_APP, directory.endpoints(), fetcher, clock, RefreshPolicy.DEFAULT);
    }

    @Test
    void oneTokenRequestPerTenantClientAndAudience() {
        TokenSource tokens = TokenSource.create(directory.endpoints(), directory.tls(), FULL_APP, ClientSecret.of(FULL_SECRET));
        for (int i = 0; i < 10; i++) {
            tokens.token(CONTOSO, Api.DEFENDER_ENDPOINT);
            tokens.token(CONTOSO, Api.GRAPH);
            tokens.token(FABRIKAM, Api.DEFENDER_ENDPOINT);
        }
        assertThat(directory.tokenRequests(CONTOSO, FULL_APP, MDE)).isEqualTo(1);
        assertThat(directory.tokenRequests(CONTOSO, FULL_APP, GRAPH)).isEqualTo(1);
        assertThat(directory.tokenRequests(FABRIKAM, FULL_APP, MDE)).isEqualTo(1);
        // One multi-tenant client, two tenants: each token carries its own tenant and its own roles.
        assertThat(tokens.accessToken(CONTOSO, Api.DEFENDER_ENDPOINT).claims().tenantId()).isEqualTo(CONTOSO);
        JwtClaims fabrikam = tokens.accessToken(FABRIKAM, Api.DEFENDER_ENDPOINT).claims();
        assertThat(fabrikam.tenantId()).isEqualTo(FABRIKAM);
        assertThat(fabrikam.roles()).containsExactly("Alert.Read.All");
        assertThat(fabrikam.audience()).isEqualTo(MDE);
        assertThat(fabrikam.appId()).isEqualTo(FULL_APP);
    }

    @Test
    void tokenIsRenewedAheadOfExpiryAndNotBefore() {
        directory.emulator.admin().setTokenLifetime(Duration.ofSeconds(60));
        TokenSourceTest.ManualClock clock = new TokenSourceTest.ManualClock();
        clock.now.set(Instant.now());
        TokenSource tokens = withClock(clock, ClientSecret.of(FULL_SECRET));

        AccessToken first = tokens.accessToken(CONTOSO, Api.GRAPH);
        assertThat(first.lifetime()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
        clock.advance(Duration.ofSeconds(50)); // 10 s of 60 left: more than 10%
        assertThat(tokens.accessToken(CONTOSO, Api.GRAPH)).isSameAs(first);
        assertThat(directory.tokenRequests(CONTOSO, FULL_APP, GRAPH)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5)); // 5 s left: under 10%, still valid
        AccessToken second = tokens.accessToken(CONTOSO, Api.GRAPH);
        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(directory.tokenRequests(CONTOSO, FULL_APP, GRAPH)).isEqualTo(2);
    }

    @Test
    void twentyConcurrentCallersShareOneRefresh() throws Exception {
        directory.emulator.admin().setTokenLifetime(Duration.ofSeconds(60));
        TokenSourceTest.ManualClock clock = new TokenSourceTest.ManualClock();
        clock.now.set(Instant.now());
        TokenSource tokens = withClock(clock, ClientSecret.of(FULL_SECRET));
        String first = tokens.token(CONTOSO, Api.DEFENDER_ENDPOINT);
        clock.advance(Duration.ofSeconds(56)); // inside the refresh window

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tokens.token(CONTOSO, Api.DEFENDER_ENDPOINT);
                }));
            }
            start.countDown();
            List<String> values = new java.util.ArrayList<>();
            for (Future<String> f : results) {
                values.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(values).hasSize(20).doesNotContain(first);
            assertThat(values.stream().distinct()).hasSize(1);
            assertThat(directory.tokenRequests(CONTOSO, FULL_APP, MDE)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void entraErrorsBecomeTypedExceptionsWithoutTheSecret() {
        TokenSource tokens = TokenSource.create(directory.endpoints(), directory.tls(), FULL_APP,
                ClientSecret.of(EmulatorDirectory.EXPIRED_SECRET));
        assertThatThrownBy(() -> tokens.token(CONTOSO, Api.DEFENDER_ENDPOINT))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TokenException.Kind.REJECTED);
                    assertThat(e.aadstsCode()).hasValue(7000222);
                    assertThat(e.error()).contains("invalid_client");
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.traceId()).isPresent();
                    assertThat(e.correlationId()).isPresent();
                    assertThat(e.isCredentialProblem()).isTrue();
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("AADSTS7000222").doesNotContain(EmulatorDirectory.EXPIRED_SECRET);
                });
        TokenSource unknownTenant = TokenSource.create(directory.endpoints(), directory.tls(), FULL_APP, ClientSecret.of(FULL_SECRET));
        assertThatThrownBy(() -> unknownTenant.token(EmulatorDirectory.UNKNOWN_TENANT, Api.GRAPH))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    assertThat(e.aadstsCode()).hasValue(90002);
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.getMessage()).doesNotContain(FULL_SECRET);
                });
    }

    @Test
    void revokedSecretIsReportedAtTheNextRenewalNotHidden() {
        try (EmulatorDirectory own = EmulatorDirectory.start()) {
            own.emulator.admin().setTokenLifetime(Duration.ofSeconds(60));
            TokenSourceTest.ManualClock clock = new TokenSourceTest.ManualClock();
            clock.now.set(Instant.now());
            MsalTokenFetcher fetcher = new MsalTokenFetcher(FULL_APP, ClientSecret.of(FULL_SECRET), own.endpoints(), own.tls(), clock);
            TokenSource tokens = new TokenSource(FULL_APP, own.endpoints(), fetcher, clock, RefreshPolicy.DEFAULT);
            String first = tokens.token(CONTOSO, Api.GRAPH);

            own.emulator.admin().revokeSecret(FULL_APP, EmulatorDirectory.FULL_SECRET_ID);
            clock.advance(Duration.ofSeconds(20));
            assertThat(tokens.token(CONTOSO, Api.GRAPH)).as("still fresh, no new request").isEqualTo(first);
            clock.advance(Duration.ofSeconds(36)); // refresh window: the renewal fails with a credential error
            assertThatThrownBy(() -> tokens.token(CONTOSO, Api.GRAPH))
                    .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.aadstsCode()).hasValue(7000215));
            assertThat(own.tokenRequests(CONTOSO, FULL_APP, GRAPH)).isEqualTo(2);
        }
    }
}
