package org.defenderconnector.bench;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.data.ServiceSource;
import org.defenderconnector.emulator.faults.FaultRule;
import org.defenderconnector.emulator.faults.Faults;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigLoader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * REST collection figures against the emulator on this machine.
 *
 * <ol>
 *   <li><b>Alerts</b>: MDE alerts with evidence collected by the real collection path (Collector: time
 *       windows, HTTPS, OCSF normalization, the SQLite store) next to the rate at which the emulator
 *       serves the same records in pages of the same size to a plain HttpClient loop that only reads the
 *       bytes. The ratio says how much of the emulator's serving rate the connector reaches.</li>
 *   <li><b>Export heap</b>: the vulnerabilities stream over a full export of about a million rows, in a
 *       child JVM started with -Xmx256m: rows, seconds, rows/s and the heap it needed.</li>
 * </ol>
 *
 * <pre>bench/run collection [--alerts-per-hour N] [--days D] [--page P] [--export-rows R]
 *                       [--export-page P] [--sink store|ndjson] [--only alerts|export]</pre>
 */
public final class CollectionBench {
    private final Map<String, String> options;

    private CollectionBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("alerts-per-hour", "600", "days", "3", "page", "10000",
                "export-rows", "1000000", "export-page", "200000", "sink", "store", "only", "all"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (!options.containsKey(key)) {
                throw new IllegalArgumentException("unknown option " + args[i] + " (known: " + options.keySet() + ")");
            }
            options.put(key, args[i + 1]);
        }
        CollectionBench bench = new CollectionBench(options);
        System.out.printf("collection bench: %d processors, Java %s (%s), %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        String only = options.get("only");
        if (!only.equals("export")) {
            bench.alerts();
        }
        if (!only.equals("alerts")) {
            bench.exportHeap();
        }
    }

    private int number(String key) {
        return Integer.parseInt(options.get(key));
    }

    /** Connector collection rate next to the emulator's own serving rate, alerts with evidence. */
    private void alerts() throws Exception {
        int page = number("page");
        Path dir = Files.createTempDirectory("collection-bench-alerts");
        DataSettings data = DataSettings.defaults().withSeed(42).withHistoryDays(number("days"))
                .withAlertsPerHour(number("alerts-per-hour")).withMachines(500);
        try (BenchTenant tenant = BenchTenant.start(dir, data)) {
            long alerts = tenant.data().alerts().stream().filter(a -> a.source() == ServiceSource.ENDPOINT).count();
            System.out.printf("%nREST collection: %,d MDE alerts with evidence ($expand=evidence), page size %,d,"
                    + " emulator in this JVM, store sink, OCSF normalization on%n", alerts, page);
            ServingRate serving = new ServingRate(tenant);
            Faults faults = tenant.emulator().admin().faults();
            // A zero-latency rule changes nothing but counts the requests it sees.
            String counter = faults.add(FaultRule.latency(0, null, "/api/alerts").withId("request-counter"));

            List<String[]> rows = new ArrayList<>();
            double bestServing = 0;
            for (int pass = 1; pass <= 2; pass++) {
                ServingRate.Pass p = serving.read("/api/alerts?$expand=evidence", alerts, page);
                bestServing = Math.max(bestServing, p.recordsPerSecond());
                rows.add(row("emulator serving, pass " + pass + " (bytes only)", p.records(), p.requests(),
                        p.bytes() / 1048576.0, p.nanos(), p.recordsPerSecond()));
            }
            double bestCollect = 0;
            for (int run = 1; run <= 3; run++) {
                // Runs 1 and 2 store the events; run 3 writes them to an NDJSON file instead (positions
                // still in the store), to show what the store costs.
                Path ndjson = run == 3 ? dir.resolve("events.ndjson") : null;
                Path config = tenant.connectorConfig("alerts-" + run, dir.resolve("store-" + run + ".db"), "alerts", page,
                        ndjson);
                long before = faults.injected(counter);
                long start = System.nanoTime();
                long records;
                try (Collector collector = Collector.open(ConfigLoader.load(config))) {
                    records = collector.collectOnce(1_000_000).values().stream().mapToLong(StreamStatus.Snapshot::records).sum();
                }
                long nanos = System.nanoTime() - start;
                double rate = records / (nanos / 1e9);
                if (run <= 2) {
                    bestCollect = Math.max(bestCollect, rate);
                }
                String what = run == 3 ? "connector collect, ndjson file sink" : "connector collect, run " + run
                        + (run == 1 ? " (cold JVM)" : "");
                rows.add(row(what, records, (int) (faults.injected(counter) - before), Double.NaN, nanos, rate));
            }
            print(rows);
            System.out.printf("ratio connector (store) / emulator serving, best of each: %.2f%n", bestCollect / bestServing);
        } finally {
            deleteTree(dir);
        }
    }

    private static String[] row(String what, long records, int requests, double megabytes, long nanos, double rate) {
        return new String[] {what, String.format("%,d", records), String.format("%,d", requests),
                Double.isNaN(megabytes) ? "" : String.format("%,.1f", megabytes), String.format("%.1f", nanos / 1e9),
                String.format("%,.0f", rate)};
    }

    private static void print(List<String[]> rows) {
        String format = "%-44s %10s %9s %9s %8s %10s%n";
        System.out.printf(format, "", "records", "requests", "MB read", "seconds", "records/s");
        for (String[] r : rows) {
            System.out.printf(format, (Object[]) r);
        }
    }

    /** The vulnerabilities stream over a large full export, in a child JVM limited to 256 MB of heap. */
    private void exportHeap() throws Exception {
        int perMachine = 200;
        int machines = Math.max(1, number("export-rows") / perMachine);
        int page = number("export-page");
        String sink = options.get("sink");
        Path dir = Files.createTempDirectory("collection-bench-export");
        DataSettings data = DataSettings.defaults().withSeed(42).withHistoryDays(1).withAlertsPerHour(1)
                .withMachines(machines).withVulnerabilitiesPerMachine(perMachine);
        try (BenchTenant tenant = BenchTenant.start(dir, data)) {
            Path ndjson = sink.equals("ndjson") ? dir.resolve("events.ndjson") : null;
            Path config = tenant.connectorConfig("export", dir.resolve("store.db"), "vulnerabilities", page, ndjson);
            System.out.printf("%nVulnerability export under -Xmx256m: %,d machines x %d rows, page size %,d, batches of"
                    + " 5,000, sink %s, child JVM; emulator in the parent JVM%n", machines, perMachine, page,
                    sink.equals("ndjson") ? "NDJSON file (positions in the store)" : "store (SQLite)");
            Map<String, String> result = child(config);
            long rows = Long.parseLong(result.get("rows"));
            double seconds = Double.parseDouble(result.get("seconds"));
            String format = "%12s %9s %9s %16s %18s %9s %6s %s%n";
            System.out.printf(format, "rows", "seconds", "rows/s", "peak live heap", "peak heap in use", "-Xmx", "GCs",
                    "state");
            System.out.printf(format, String.format("%,d", rows), result.get("seconds"), String.format("%,.0f", rows / seconds),
                    result.get("liveMb") + " MB", result.get("inUseMb") + " MB", result.get("maxHeapMb") + " MB",
                    result.get("gcs"), result.get("state"));
            System.out.println("garbage collector: " + result.get("gc") + "; live = heap after a full collection, taken"
                    + " every 5 s; in use = heap just before any collection");
        } finally {
            deleteTree(dir);
        }
    }

    private static Map<String, String> child(Path config) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ExportHeapProbe.class.getName(), config.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> result = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).split(" ")) {
                        String[] kv = pair.split("=", 2);
                        result.put(kv[0], kv[1]);
                    }
                } else {
                    System.out.println(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result.isEmpty()) {
            throw new IllegalStateException("the export child JVM exited with " + exit + " and no result"
                    + " (an OutOfMemoryError under -Xmx256m would show above)");
        }
        return result;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
