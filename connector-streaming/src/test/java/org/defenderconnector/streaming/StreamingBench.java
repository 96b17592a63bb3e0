package org.defenderconnector.streaming;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClientBuilder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Sink;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.defenderconnector.engine.EventFactory;
import org.defenderconnector.engine.StreamRunner;
import org.defenderconnector.engine.sinks.NdjsonSink;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.streaming.storage.StorageAccount;
import org.defenderconnector.streaming.storage.StorageStreamingConfig;
import org.defenderconnector.streaming.storage.StorageStreamingSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Throughput and latency of the storage streaming path, against a real Azurite (not a test: a program).
 * Prints, for the same bytes in the same run: Jackson parse-only, the source alone, source → NDJSON and
 * source → store (both through StreamRunner with OCSF normalization), and append → stored latency.
 *
 * <p>Arguments: {@code [records=60000] [latencySeconds=20] [latencyRate=1000] [rounds=3]}. See docs/performance-streaming.md.
 */
public final class StreamingBench {
    private static final String TABLE = "DeviceNetworkEvents";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int latencySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int latencyRate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path work = Files.createTempDirectory("streaming-bench");
        System.out.printf(Locale.ROOT, "streaming bench: %d records, JVM processors=%d, work dir %s%n", records,
                Runtime.getRuntime().availableProcessors(), work);
        try (AzuriteProcess azurite = AzuriteProcess.start(work.resolve("azurite"))) {
            Instant hour = Instant.parse("2025-01-01T10:30:00Z");
            String blobKey = writeBlob(azurite, hour, records);
            byte[] bytes = download(azurite, blobKey);
            double mb = bytes.length / 1e6;
            System.out.printf(Locale.ROOT, "blob %s: %.1f MB, %d records, %.0f B/record%n", blobKey, mb, records,
                    (double) bytes.length / records);

            // Every variant runs once per round and keeps its best round: on a shared machine each gets its
            // chance at a quiet moment. CPU time of this JVM is measured too: records per CPU-second is what one
            // core does, whatever else the machine is running (Azurite's own CPU is not counted).
            List<Variant> variants = List.of(
                    new Variant("**parse-only**: Jackson streaming parse of each line (tokens)", () -> parseOnly(bytes)),
                    new Variant("Jackson streaming parse of the whole blob as one stream", () -> parseWholeBuffer(bytes)),
                    new Variant("Jackson tree parse (readTree per line)", () -> treeParse(bytes)),
                    new Variant("record parser only (bytes → SourceRecords, no I/O)", () -> recordParser(bytes)),
                    new Variant("Azurite download only (one GET of the whole blob, SDK)", () -> download(azurite, blobKey)),
                    new Variant("source only (Azurite → SourceRecords)", () -> sourceOnly(azurite, hour, records)),
                    new Variant("source → NDJSON, raw events (no OCSF)", () -> rawPipeline(azurite, hour, records, work, false)),
                    new Variant("source → store, raw events (no OCSF)", () -> rawPipeline(azurite, hour, records, work, true)),
                    new Variant("source → NDJSON (StreamRunner, OCSF)", () -> throughPipeline(azurite, hour, records, work, false)),
                    new Variant("source → store (StreamRunner, OCSF)", () -> throughPipeline(azurite, hour, records, work, true)));
            for (int round = 0; round < rounds; round++) {
                for (Variant v : variants) {
                    v.measure();
                }
            }
            Variant parse = variants.get(0);
            System.out.println();
            System.out.printf(Locale.ROOT, "%d records, %.1f MB, best of %d rounds; load average at the end %.1f%n",
                    records, mb, rounds, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            System.out.println("| path | records/s (wall) | MB/s (wall) | records per CPU-s | MB per CPU-s | × parse-only (CPU) |");
            System.out.println("|---|---|---|---|---|---|");
            for (Variant v : variants) {
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f | %,.0f | %.1f | %.2f |%n", v.name, records / v.wall,
                        mb / v.wall, records / v.cpu, mb / v.cpu, parse.cpu / v.cpu);
            }

            latency(azurite, work, latencySeconds, latencyRate);
        }
    }

    interface Run {
        void run() throws Exception;
    }

    /** One measured path; keeps its best wall time and its best CPU time over the rounds. */
    static final class Variant {
        private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        final String name;
        final Run run;
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;

        Variant(String name, Run run) {
            this.name = name;
            this.run = run;
        }

        void measure() throws Exception {
            System.gc();
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            run.run();
            wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (OS.getProcessCpuTime() - cpu0) / 1e9);
        }
    }

    private static StreamingEmulatorConfig emulatorConfig(AzuriteProcess azurite, String queue) {
        return StreamingEmulatorConfig.forAzurite(azurite).withQueue(queue).withTables(List.of(TABLE));
    }

    private static String writeBlob(AzuriteProcess azurite, Instant at, int records) {
        try (StreamingEmulator emulator = StreamingEmulator.start(emulatorConfig(azurite, "bench-setup"),
                Clock.fixed(at, ZoneOffset.UTC))) {
            String key = null;
            for (int done = 0; done < records; done += 5_000) {
                key = emulator.appendLines(TABLE, at, emulator.records(TABLE, Math.min(5_000, records - done), at));
            }
            return key;
        }
    }

    private static byte[] download(AzuriteProcess azurite, String blobKey) {
        int slash = blobKey.indexOf('/');
        return new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .getBlobContainerClient(blobKey.substring(0, slash)).getBlobClient(blobKey.substring(slash + 1))
                .downloadContent().toBytes();
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /** What any line reader must do at least: find the lines and tokenize each. */
    private static void parseOnly(byte[] bytes) throws Exception {
        long tokens = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                try (JsonParser p = FACTORY.createParser(bytes, start, i - start)) {
                    while (p.nextToken() != null) {
                        tokens++;
                    }
                }
                start = i + 1;
            }
        }
        if (tokens == 0) {
            throw new IllegalStateException("nothing parsed");
        }
    }

    private static void parseWholeBuffer(byte[] bytes) throws Exception {
        long tokens = 0;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        if (tokens == 0) {
            throw new IllegalStateException("nothing parsed");
        }
    }

    private static void treeParse(byte[] bytes) throws Exception {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                JsonNode node = JSON.readTree(bytes, start, i - start);
                if (node == null) {
                    throw new IllegalStateException("empty line");
                }
                start = i + 1;
            }
        }
    }

    private static void recordParser(byte[] bytes) throws Exception {
        StreamedRecordParser parser = new StreamedRecordParser();
        int start = 0;
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (parser.parse(bytes, start, end, null, Instant.EPOCH) != null) {
                    n++;
                }
                start = i + 1;
            }
        }
        if (n == 0) {
            throw new IllegalStateException("nothing parsed");
        }
    }

    /**
     * The delivery loop without normalization: what the streaming module and the sink cost on their own
     * (events carry the raw record only; uid as EventFactory computes it).
     */
    private static void rawPipeline(AzuriteProcess azurite, Instant hour, int records, Path work, boolean toStore)
            throws Exception {
        int run = runs++;
        Clock clock = Clock.fixed(hour.plus(Duration.ofMinutes(50)), ZoneOffset.UTC);
        StorageStreamingSource source = source(azurite, hour, "bench-raw-" + run, clock);
        try (EventStore store = EventStore.open(work.resolve("bench-" + run + ".db"));
             NdjsonSink ndjson = NdjsonSink.toFile(work.resolve("bench-" + run + ".ndjson"))) {
            Sink sink = toStore ? store : ndjson;
            StreamId id = source.id();
            int delivered = 0;
            while (delivered < records) {
                Position position = store.load(id).orElse(Position.START);
                Batch batch = source.poll(position);
                List<Event> events = new ArrayList<>(batch.records().size());
                for (var r : batch.records()) {
                    events.add(new Event(org.defenderconnector.api.EventUid.of(id, r), id.tenant(), id.stream(),
                            r.kind(), r.naturalId(), r.time(), r.rawJson(), null));
                }
                sink.write(events);
                store.commit(id, batch.next());
                delivered += events.size();
            }
        }
    }

    /** A source that finds the blob by listing (fresh empty queue), with a clock past the blob's hour. */
    private static StorageStreamingSource source(AzuriteProcess azurite, Instant hour, String queue, Clock clock) {
        new QueueClientBuilder().connectionString(azurite.connectionString()).queueName(queue).buildClient()
                .createIfNotExists();
        StorageStreamingConfig config = StorageStreamingConfig.defaults(new StreamId("bench", queue),
                        StorageAccount.ofConnectionString(azurite.connectionString()), queue)
                .withContinuous(false).withIdleWait(Duration.ZERO).withListOnStart(true, Duration.ofHours(2));
        return StorageStreamingSource.open(config, DeadLetterListener.IGNORE, clock);
    }

    private static int runs;

    private static void sourceOnly(AzuriteProcess azurite, Instant hour, int records) throws Exception {
        Clock clock = Clock.fixed(hour.plus(Duration.ofMinutes(50)), ZoneOffset.UTC);
        StorageStreamingSource source = source(azurite, hour, "bench-source-" + runs++, clock);
        Position position = Position.START;
        int seen = 0;
        while (seen < records) {
            Batch batch = source.poll(position);
            seen += batch.records().size();
            position = batch.next();
        }
    }

    private static void throughPipeline(AzuriteProcess azurite, Instant hour, int records, Path work, boolean toStore)
            throws Exception {
        int run = runs++;
        Clock clock = Clock.fixed(hour.plus(Duration.ofMinutes(50)), ZoneOffset.UTC);
        StorageStreamingSource source = source(azurite, hour, "bench-pipe-" + run, clock);
        try (EventStore store = EventStore.open(work.resolve("bench-" + run + ".db"));
             NdjsonSink ndjson = NdjsonSink.toFile(work.resolve("bench-" + run + ".ndjson"))) {
            Sink sink = toStore ? store : ndjson;
            StreamRunner runner = new StreamRunner(source, new EventFactory(Normalizer.withAllMappers(), "tid"),
                    List.of(sink), store);
            int delivered = 0;
            while (delivered < records) {
                var outcome = runner.pollOnce();
                if (!outcome.ok()) {
                    throw new IllegalStateException(runner.status().snapshot().lastError());
                }
                delivered += outcome.records();
            }
        }
    }

    /**
     * Appends {@code rate} records a second to the current hour's blob (ten appends a second) while a
     * StreamRunner with default settings polls in a loop (as the Engine does for a continuous source), and
     * measures append-returned → store-write-returned per record.
     */
    private static void latency(AzuriteProcess azurite, Path work, int seconds, int rate) throws Exception {
        String queue = "bench-latency";
        Map<String, Long> appended = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        try (StreamingEmulator emulator = StreamingEmulator.start(emulatorConfig(azurite, queue));
             EventStore store = EventStore.open(work.resolve("latency.db"))) {
            Sink timed = new Sink() {
                @Override
                public String name() {
                    return "store";
                }

                @Override
                public void write(List<Event> events) {
                    store.write(events);
                    long now = System.nanoTime();
                    for (Event e : events) {
                        Long at = appended.remove(e.naturalId());
                        if (at != null) {
                            latencies.add(now - at);
                        }
                    }
                }
            };
            StorageStreamingConfig config = StorageStreamingConfig.defaults(new StreamId("bench", "latency"),
                    StorageAccount.ofConnectionString(azurite.connectionString()), queue);
            StreamRunner runner = new StreamRunner(StorageStreamingSource.open(config, DeadLetterListener.IGNORE),
                    new EventFactory(Normalizer.withAllMappers(), "tid"), List.of(timed), store);
            Thread poller = new Thread(() -> {
                while (running.get()) {
                    runner.pollOnce();
                }
            }, "poller");
            poller.start();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            int perTick = Math.max(1, rate / 10);
            long next = System.nanoTime();
            while (System.nanoTime() < end) {
                List<String> lines = emulator.records(TABLE, perTick, Instant.now());
                emulator.appendLines(TABLE, Instant.now(), lines);
                long done = System.nanoTime();
                for (String line : lines) {
                    JsonNode p = JSON.readTree(line).get("properties");
                    appended.put(TABLE + ":" + p.get("ReportId").asText() + ":" + p.get("DeviceId").asText() + ":"
                            + p.get("Timestamp").asText(), done);
                }
                next += 100_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            Thread.sleep(3_000);
            running.set(false);
            poller.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println();
        if (sorted.length == 0) {
            System.out.println("latency: no record was stored");
            return;
        }
        System.out.printf(Locale.ROOT, "append → stored latency, default settings, %d records/s for %d s: %d records,"
                        + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", rate, seconds, sorted.length,
                pct(sorted, 50), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private StreamingBench() {
    }
}
