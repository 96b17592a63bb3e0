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
 * <p>Arguments: {@code [records=60000] [latencySeconds=20] [latencyRate=1000]}. See docs/performance-streaming.md.
 */
public final class StreamingBench {
    private static final String TABLE = "DeviceNetworkEvents";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int latencySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int latencyRate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
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

            Result parse = best(3, () -> parseOnly(bytes), records, mb);
            Result tree = best(3, () -> treeParse(bytes), records, mb);
            Result parser = best(3, () -> recordParser(bytes), records, mb);
            Result source = best(2, () -> sourceOnly(azurite, hour, records), records, mb);
            Result rawNdjson = best(2, () -> rawPipeline(azurite, hour, records, work, false), records, mb);
            Result rawStore = best(2, () -> rawPipeline(azurite, hour, records, work, true), records, mb);
            Result ndjson = best(2, () -> throughPipeline(azurite, hour, records, work, false), records, mb);
            Result store = best(2, () -> throughPipeline(azurite, hour, records, work, true), records, mb);
            System.out.println();
            System.out.println("| path | records/s | MB/s | × parse-only |");
            System.out.println("|---|---|---|---|");
            print("Jackson streaming parse only (tokens)", parse, parse);
            print("Jackson tree parse (readTree per line)", tree, parse);
            print("record parser only (bytes → SourceRecords, no I/O)", parser, parse);
            print("source only (Azurite → SourceRecords)", source, parse);
            print("source → NDJSON, raw events (no OCSF)", rawNdjson, parse);
            print("source → store, raw events (no OCSF)", rawStore, parse);
            print("source → NDJSON (StreamRunner, OCSF)", ndjson, parse);
            print("source → store (StreamRunner, OCSF)", store, parse);

            latency(azurite, work, latencySeconds, latencyRate);
        }
    }

    record Result(double seconds, int records, double mb) {
        double perSecond() {
            return records / seconds;
        }

        double mbPerSecond() {
            return mb / seconds;
        }
    }

    interface Run {
        void run() throws Exception;
    }

    /** The fastest of n runs (the first warms the JIT). */
    private static Result best(int n, Run run, int records, double mb) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return new Result(best, records, mb);
    }

    private static void print(String name, Result r, Result parse) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f | %.2f |%n", name, r.perSecond(), r.mbPerSecond(),
                r.perSecond() / parse.perSecond());
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

    private static void parseOnly(byte[] bytes) throws Exception {
        long tokens = 0;
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
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
