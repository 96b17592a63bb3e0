package org.defenderconnector.app.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.EventUid;
import org.defenderconnector.app.server.Server;
import org.defenderconnector.app.server.ServerHandle;
import org.defenderconnector.app.server.ServerOptions;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.browse.PageCursor;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events API throughput: requests per second and latency percentiles with {@code clients} concurrent
 * clients over a store of {@code events} events, generated directly into the store file on first run.
 * Not a test: run it with {@code bench/server-events} (see docs/performance-server.md).
 *
 * <pre>args: [dataDir=target/bench-server] [events=1000000] [clients=50] [seconds=30] [warmupSeconds=10]</pre>
 *
 * The request mix is what people do in the console: the newest page, one integration's stream, an
 * OCSF class, a severity filter (served by bounded scans), and deep pages (a random point in the
 * whole time range, reached with a keyset cursor as "load more" would after many pages).
 */
public final class EventsApiBench {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] TENANTS = {"contoso", "fabrikam", "northwind", "woodgrove"};
    private static final String[] STREAMS = {"alerts", "machines", "incidents", "graph-alerts", "machine-actions"};
    private static final int[] CLASSES = {2004, 5001, 2005, 2004, 6007};
    private static final String ADMIN_PASSWORD = "bench-admin-password";

    private enum Kind { NEWEST, STREAM, CLASS, SEVERITY, DEEP }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/bench-server");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;

        generate(dataDir, events);
        long opening = System.nanoTime();
        ServerOptions options = ServerOptions.defaults(dataDir).withBind("127.0.0.1", 0)
                .withEnvironment(Map.of("DEFENDER_CONNECTOR_ADMIN_PASSWORD", ADMIN_PASSWORD)::get)
                .withOut(new PrintStream(OutputStream.nullOutputStream()));
        try (ServerHandle server = Server.start(options)) {
            System.out.printf("server started in %.1f s (includes creating the browsing indexes on first run)%n",
                    (System.nanoTime() - opening) / 1e9);
            URI base = server.consoleUrl();
            String token = viewerToken(base);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.out.printf("%d clients, %d s warm-up, %d s measured, %d events, %d cores%n", clients, warmup, seconds,
                    events, Runtime.getRuntime().availableProcessors());
            run(http, base, token, clients, warmup, events, null);
            Map<Kind, List<Long>> latencies = new ConcurrentHashMap<>();
            long requests = run(http, base, token, clients, seconds, events, latencies);
            report(requests, seconds, latencies);
        }
    }

    /** Writes the events in batches of 10,000 (one transaction each), skipping it when the store has them. */
    private static void generate(Path dataDir, int count) throws Exception {
        Files.createDirectories(dataDir);
        try (EventStore store = EventStore.open(dataDir.resolve(Server.EVENT_STORE_FILE))) {
            long have = store.queries().countByStream(null).values().stream().mapToLong(Long::longValue).sum();
            if (have >= count) {
                System.out.printf("store holds %d events already%n", have);
                return;
            }
            long started = System.nanoTime();
            List<Event> batch = new ArrayList<>(10_000);
            for (int i = (int) have; i < count; i++) {
                batch.add(event(i));
                if (batch.size() == 10_000) {
                    store.write(batch);
                    batch.clear();
                }
            }
            store.write(batch);
            System.out.printf("generated %d events in %.1f s%n", count - have, (System.nanoTime() - started) / 1e9);
        }
    }

    private static Event event(int i) {
        String tenant = TENANTS[i % TENANTS.length];
        int s = (i / 7) % STREAMS.length;
        String stream = STREAMS[s];
        String id = "evt-" + i;
        String host = "host-" + (i % 5000) + ".corp.example";
        int severity = 1 + (i * 31) % 5;
        String raw = "{\"id\":\"" + id + "\",\"title\":\"Suspicious activity " + (i % 977) + "\",\"severity\":\"" + severity
                + "\",\"computerDnsName\":\"" + host + "\",\"machineId\":\"" + Integer.toHexString(i * 2654435761L > 0 ? i : -i)
                + "\",\"category\":\"Execution\",\"detectionSource\":\"WindowsDefenderAtp\",\"description\":\"A process"
                + " launched from an unusual location executed a script that contacted a rarely seen address.\"}";
        String ocsf = "{\"class_uid\":" + CLASSES[s] + ",\"severity_id\":" + severity + ",\"activity_id\":1,"
                + "\"metadata\":{\"version\":\"1.8.0\",\"product\":{\"name\":\"Microsoft Defender for Endpoint\","
                + "\"vendor_name\":\"Microsoft\"},\"original_event_uid\":\"" + id + "\"},\"time\":"
                + START.plusSeconds(i).toEpochMilli() + ",\"device\":{\"hostname\":\"" + host + "\",\"uid\":\"dev-"
                + (i % 5000) + "\"},\"finding_info\":{\"uid\":\"" + id + "\",\"title\":\"Suspicious activity " + (i % 977)
                + "\"}}";
        return new Event(EventUid.of(tenant, stream, id, "1"), tenant, stream, "bench", id, START.plusSeconds(i), raw, ocsf);
    }

    private static String viewerToken(URI base) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String csrf = json.readTree(login.body()).path("csrfToken").asText();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/tokens"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"role\":\"viewer\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode issued = json.readTree(token.body());
        if (!issued.has("token")) {
            throw new IllegalStateException("could not create a token: " + token.body());
        }
        return issued.get("token").asText();
    }

    private static long run(HttpClient http, URI base, String token, int clients, int seconds, int events,
                            Map<Kind, List<Long>> latencies) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                List<long[]> mine = new ArrayList<>();
                try {
                    while (!stop.get()) {
                        Kind kind = Kind.values()[ThreadLocalRandom.current().nextInt(Kind.values().length)];
                        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/events?limit=50&" + query(kind, events)))
                                .header("Authorization", "Bearer " + token).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                        requests.incrementAndGet();
                        mine.add(new long[] {kind.ordinal(), took});
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    if (latencies != null) {
                        for (long[] sample : mine) {
                            latencies.computeIfAbsent(Kind.values()[(int) sample[0]], k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                    .add(sample[1]);
                        }
                    }
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        stop.set(true);
        done.await();
        if (failures.get() > 0) {
            System.out.printf("WARNING: %d failed requests%n", failures.get());
        }
        return requests.get();
    }

    private static String query(Kind kind, int events) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (kind) {
            case NEWEST -> "";
            case STREAM -> "tenant=" + TENANTS[random.nextInt(TENANTS.length)] + "&stream=" + STREAMS[random.nextInt(STREAMS.length)];
            case CLASS -> "class=" + CLASSES[random.nextInt(CLASSES.length)];
            case SEVERITY -> "severity=" + (4 + random.nextInt(2));
            case DEEP -> "cursor=" + new PageCursor(START.plusSeconds(random.nextInt(events)).toEpochMilli(), "zzzz").encode();
        };
    }

    private static void report(long requests, int seconds, Map<Kind, List<Long>> latencies) {
        long[] all = latencies.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%nall requests: %,d in %d s = %,.0f requests/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                requests, seconds, requests / (double) seconds, pct(all, 50), pct(all, 95), pct(all, 99), pct(all, 100));
        for (Kind kind : Kind.values()) {
            long[] each = latencies.getOrDefault(kind, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-9s %,8d requests; p50 %6.1f ms, p99 %6.1f ms%n", kind.name().toLowerCase(), each.length,
                    pct(each, 50), pct(each, 99));
        }
    }

    private static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
