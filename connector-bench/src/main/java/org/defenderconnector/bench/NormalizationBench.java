package org.defenderconnector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Normalized events per second on one thread for DeviceNetworkEvents and DeviceProcessEvents rows,
 * next to Jackson parse-only throughput of the same bytes in the same run (target ratio >= 0.5).
 * Parse-only = bytes to a JsonNode tree. Normalized = bytes to the OCSF event in memory (what a sink
 * receives), through {@code Normalizer.normalize(kind, byte[], context)}, which reads the row's fields
 * without building a tree of the row first, as the engine does with a record's raw JSON. Normalized +
 * written = the same plus serializing the OCSF event to bytes; OCSF events are larger than their rows
 * (observables repeat the key values), so writing is reported on its own.
 *
 * <p>Each kind is measured in a JVM of its own (a fork, as JMH does), and the forks of the three kinds
 * run one after the other, several times over. Measured in one JVM, the kinds share Jackson's parser
 * code, and which of them the JIT's profile of that code favours decided a run: the parse-only rate moved
 * between 275,000 and 330,000 rows/s from one run to the next while normalization stayed put. A fork
 * gives each kind code compiled for itself alone.
 */
public final class NormalizationBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("DeviceNetworkEvents", "DeviceProcessEvents");
    private static final List<String> KINDS = List.of("parse", "normalize", "write");
    private static final int FORKS = 3;
    /** A fork's rates stop climbing after 2 s (parse) and 4 s (normalize) on one core; 6 s leaves a margin. */
    private static final long WARM_UP_NANOS = 6_000_000_000L;
    private static final int ROUNDS = 15;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--fork")) {
            fork(args[1], args[2], Integer.parseInt(args[3]));
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        System.out.printf("normalization bench: %d rows per table, one thread, %s; each kind in its own JVM, %d forks each%n",
                rows, Runtime.version(), FORKS);
        System.out.printf("%-20s %12s %14s %7s %16s %7s %9s %9s%n", "table", "parse rec/s", "normalize rec/s",
                "ratio", "+write rec/s", "ratio", "row bytes", "ocsf bytes");
        for (String table : TABLES) {
            double[][] rates = new double[KINDS.size()][FORKS];
            for (int fork = 0; fork < FORKS; fork++) {
                for (int kind = 0; kind < KINDS.size(); kind++) {
                    rates[kind][fork] = runFork(table, KINDS.get(kind), rows);
                }
            }
            double[] normalizedRatio = new double[FORKS];
            double[] writtenRatio = new double[FORKS];
            for (int fork = 0; fork < FORKS; fork++) {
                normalizedRatio[fork] = rates[1][fork] / rates[0][fork];
                writtenRatio[fork] = rates[2][fork] / rates[0][fork];
            }
            List<byte[]> lines = HuntingRows.generate(table, rows, new Random(42));
            long bytes = lines.stream().mapToLong(l -> l.length).sum();
            long ocsfBytes = normalize(lines, Normalizer.withAllMappers(), table, context(table), true);
            System.out.printf("%-20s %12.0f %14.0f %7.2f %16.0f %7.2f %9d %9d%n", table, median(rates[0]),
                    median(rates[1]), median(normalizedRatio), median(rates[2]), median(writtenRatio),
                    bytes / lines.size(), ocsfBytes / lines.size());
            System.out.printf("%-20s ratio per fork: %s%n", "", format(normalizedRatio));
        }
        System.out.printf("rates: medians over %d forks of each fork's median of %d passes after %d s of warm-up; "
                + "ratios: median of the per-fork ratios (forks of one round run back to back)%n",
                FORKS, ROUNDS, WARM_UP_NANOS / 1_000_000_000L);
    }

    /** Runs one kind in a new JVM with this one's classpath and core count; its rate in rows/s. */
    private static double runFork(String table, String kind, int rows) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-XX:ActiveProcessorCount=1",
                "-cp", System.getProperty("java.class.path"),
                NormalizationBench.class.getName(), "--fork", table, kind, Integer.toString(rows))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || last == null || !last.startsWith("rate ")) {
            throw new IllegalStateException("fork " + table + " " + kind + " failed (exit " + exit + ", said " + last + ")");
        }
        return Double.parseDouble(last.substring("rate ".length()));
    }

    /** A fork: warms one kind up, then prints the median rate of its measured passes. */
    private static void fork(String table, String kind, int rows) throws Exception {
        List<byte[]> lines = HuntingRows.generate(table, rows, new Random(42));
        Normalizer normalizer = Normalizer.withAllMappers();
        MappingContext context = context(table);
        Work work = switch (kind) {
            case "parse" -> () -> parseOnly(lines);
            case "normalize" -> () -> normalize(lines, normalizer, table, context, false);
            case "write" -> () -> normalize(lines, normalizer, table, context, true);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        // With one core the JIT's compiler threads share it with the bench: warm up for seconds, not passes.
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUntil) {
            work.run();
        }
        double[] rates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            rates[round] = rate(work, lines.size());
        }
        System.out.printf(Locale.ROOT, "rate %.1f%n", median(rates));
    }

    private static MappingContext context(String table) {
        return new MappingContext("00000000-0000-0000-0000-0000000000aa", table, Product.forKind(table));
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", value));
        }
        return text.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    interface Work {
        long run() throws Exception;
    }

    /** Records per second of one pass. */
    private static double rate(Work work, int records) throws Exception {
        long start = System.nanoTime();
        long sink = work.run();
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return records / (elapsed / 1e9);
    }

    private static long parseOnly(List<byte[]> lines) throws Exception {
        long fields = 0;
        for (byte[] line : lines) {
            fields += JSON.readTree(line).size();
        }
        return fields;
    }

    private static long normalize(List<byte[]> lines, Normalizer normalizer, String table, MappingContext context,
                                  boolean write) throws Exception {
        long out = 0;
        for (byte[] line : lines) {
            JsonNode event = normalizer.normalize(table, line, context);
            out += write ? JSON.writeValueAsBytes(event).length : event.size();
        }
        return out;
    }

    private NormalizationBench() {
    }

    static List<byte[]> asBytes(List<String> rows) {
        List<byte[]> out = new ArrayList<>(rows.size());
        for (String row : rows) {
            out.add(row.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
