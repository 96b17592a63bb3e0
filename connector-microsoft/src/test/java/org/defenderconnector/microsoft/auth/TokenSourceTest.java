package org.defenderconnector.microsoft.auth;

import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSourceTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String CLIENT = "2F6C4C1E-0000-4000-8000-000000000001";

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    /** Issues numbered tokens valid 100 s and records every fetch. */
    static final class CountingFetcher implements TokenFetcher {
        final ManualClock clock;
        final List<TokenKey> fetched = new CopyOnWriteArrayList<>();
        final AtomicInteger serial = new AtomicInteger();
        volatile RuntimeException failWith;

        CountingFetcher(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public AccessToken fetch(TokenKey key) {
            fetched.add(key);
            if (failWith != null) {
                throw failWith;
            }
            Instant now = clock.instant();
            return new AccessToken("token-" + serial.incrementAndGet() + "-" + key.tenant(), now, now.plusSeconds(100));
        }
    }

    private final ManualClock clock = new ManualClock();
    private final CountingFetcher fetcher = new CountingFetcher(clock);
    private final TokenSource tokens = new TokenSource(CLIENT, Endpoints.of(Cloud.GLOBAL), fetcher, clock, RefreshPolicy.DEFAULT);

    @Test
    void oneFetchPerKeyWhileTheTokenIsFresh() {
        String first = tokens.token("tenant-a", Api.DEFENDER_ENDPOINT);
        clock.advance(Duration.ofSeconds(50));
        assertThat(tokens.token("TENANT-A", Api.DEFENDER_ENDPOINT)).isEqualTo(first);
        assertThat(fetcher.fetched).hasSize(1);
        assertThat(fetcher.fetched.get(0)).isEqualTo(new TokenKey("tenant-a", CLIENT, "https://api.securitycenter.microsoft.com"));
    }

    @Test
    void keysAreTenantTimesClientTimesAudience() {
        tokens.token("tenant-a", Api.DEFENDER_ENDPOINT);
        tokens.token("tenant-a", Api.GRAPH);
        tokens.token("tenant-b", Api.DEFENDER_ENDPOINT);
        tokens.token("tenant-b", Api.DEFENDER_ENDPOINT);
        assertThat(fetcher.fetched).extracting(TokenKey::tenant, TokenKey::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tenant-a", "https://api.securitycenter.microsoft.com"),
                org.assertj.core.groups.Tuple.tuple("tenant-a", "https://graph.microsoft.com"),
                org.assertj.core.groups.Tuple.tuple("tenant-b", "https://api.securitycenter.microsoft.com"));
    }

    @Test
    void renewsAheadOfExpiry() {
        String first = tokens.token("t", Api.GRAPH);
        clock.advance(Duration.ofSeconds(89));
        assertThat(tokens.token("t", Api.GRAPH)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(2)); // 91 s of 100: less than 10% left
        String second = tokens.token("t", Api.GRAPH);
        assertThat(second).isNotEqualTo(first);
        assertThat(fetcher.fetched).hasSize(2);
    }

    @Test
    void invalidateForcesANewToken() {
        String first = tokens.token("t", Api.GRAPH);
        tokens.invalidate("t", Api.GRAPH);
        assertThat(tokens.token("t", Api.GRAPH)).isNotEqualTo(first);
    }

    @Test
    void transientRenewalFailureKeepsTheStillValidToken() {
        String first = tokens.token("t", Api.GRAPH);
        clock.advance(Duration.ofSeconds(95));
        fetcher.failWith = unreachable("t");
        assertThat(tokens.token("t", Api.GRAPH)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(10)); // now expired
        assertThatThrownBy(() -> tokens.token("t", Api.GRAPH)).isInstanceOf(TokenException.class);
    }

    @Test
    void credentialErrorDuringRenewalIsNotHidden() {
        tokens.token("t", Api.GRAPH);
        clock.advance(Duration.ofSeconds(95));
        fetcher.failWith = new TokenException(TokenException.Kind.REJECTED, new TokenKey("t", CLIENT, "r"), 401,
                "invalid_client", 7000222, null, null, "The provided client secret keys are expired.", null);
        assertThatThrownBy(() -> tokens.token("t", Api.GRAPH))
                .isInstanceOf(TokenException.class)
                .satisfies(e -> assertThat(((TokenException) e).aadstsCode()).hasValue(7000222));
    }

    @Test
    void twentyConcurrentCallersShareOneFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        TokenFetcher blocking = key -> {
            calls.incrementAndGet();
            await(release);
            return new AccessToken("shared-token", clock.instant(), clock.instant().plusSeconds(100));
        };
        TokenSource source = new TokenSource(CLIENT, Endpoints.of(Cloud.GLOBAL), blocking, clock, RefreshPolicy.DEFAULT);
        List<String> results = runConcurrently(20, () -> source.token("tenant-x", Api.DEFENDER_XDR), release);
        assertThat(calls).hasValue(1);
        assertThat(results).hasSize(20).containsOnly("shared-token");
    }

    @Test
    void concurrentCallersShareOneFailureToo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        TokenFetcher failing = key -> {
            calls.incrementAndGet();
            await(release);
            throw new TokenException(TokenException.Kind.REJECTED, key, 400, "invalid_request", 90002, null, null,
                    "Tenant not found.", null);
        };
        TokenSource source = new TokenSource(CLIENT, Endpoints.of(Cloud.GLOBAL), failing, clock, RefreshPolicy.DEFAULT);
        List<String> results = runConcurrently(20, () -> {
            try {
                return source.token("nope", Api.GRAPH);
            } catch (TokenException e) {
                return "AADSTS" + e.aadstsCode().orElse(-1);
            }
        }, release);
        assertThat(calls).hasValue(1);
        assertThat(results).hasSize(20).containsOnly("AADSTS90002");
    }

    @Test
    void aSlowFetchForOneTenantDoesNotBlockAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TokenFetcher selective = key -> {
            if (key.tenant().equals("slow")) {
                await(release);
            }
            return new AccessToken("tok-" + key.tenant(), clock.instant(), clock.instant().plusSeconds(100));
        };
        TokenSource source = new TokenSource(CLIENT, Endpoints.of(Cloud.GLOBAL), selective, clock, RefreshPolicy.DEFAULT);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> slow = pool.submit(() -> source.token("slow", Api.GRAPH));
            assertThat(source.token("fast", Api.GRAPH)).isEqualTo("tok-fast");
            assertThat(slow.isDone()).isFalse();
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("tok-slow");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts n callers, waits until every one of them is parked (the fetching one on the latch, the
     * others on the shared in-flight fetch), then releases the fetch.
     */
    static List<String> runConcurrently(int n, java.util.concurrent.Callable<String> call, CountDownLatch release)
            throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> results = new CopyOnWriteArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    results.add(call.call());
                } catch (Exception e) {
                    results.add("error: " + e);
                }
            });
            threads.add(t);
            t.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING || !t.isAlive())
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Thread t : threads) {
            t.join(20_000);
        }
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static TokenException unreachable(String tenant) {
        return new TokenException(TokenException.Kind.UNREACHABLE, new TokenKey(tenant, CLIENT, "r"), null, null, null,
                null, null, "Cannot reach login host", null);
    }
}
