package org.defenderconnector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Normalized events per second on one thread for DeviceNetworkEvents and DeviceProcessEvents rows,
 * next to Jackson parse-only throughput of the same bytes in the same run (target ratio >= 0.5).
 * Parse-only = bytes to a JsonNode tree. Normalized = bytes to the OCSF event in memory (what a sink
 * receives), through {@code Normalizer.normalize(kind, byte[], context)}, which reads the row's fields
 * without building a tree of the row first, as the engine does with a record's raw JSON. Normalized + written = the same plus serializing the OCSF
 * event to bytes; OCSF events are larger than their rows (observables repeat the key values), so
 * writing is reported on its own.
 */
public final class NormalizationBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WARM_UP_NANOS = 10_000_000_000L;
    private static final int ROUNDS = 15;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Normalizer normalizer = Normalizer.withAllMappers();
        System.out.printf("normalization bench: %d rows per table, one thread, %s%n", rows, Runtime.version());
        System.out.printf("%-20s %12s %14s %7s %16s %7s %9s %9s%n", "table", "parse rec/s", "normalize rec/s",
                "ratio", "+write rec/s", "ratio", "row bytes", "ocsf bytes");
        for (String table : List.of("DeviceNetworkEvents", "DeviceProcessEvents")) {
            List<byte[]> lines = HuntingRows.generate(table, rows, new Random(42));
            long bytes = lines.stream().mapToLong(l -> l.length).sum();
            MappingContext context = new MappingContext("00000000-0000-0000-0000-0000000000aa", table, Product.forKind(table));
            // Warm up every path so the JIT has compiled them before measuring. With one core the JIT's
            // compiler threads share it with the bench, and the mapping code is large: a few passes left
            // compilation running into the measured ones (as JMH does, warm up for seconds, not passes).
            long warmUntil = System.nanoTime() + WARM_UP_NANOS;
            while (System.nanoTime() < warmUntil) {
                parseOnly(lines);
                normalize(lines, normalizer, table, context, false);
                normalize(lines, normalizer, table, context, true);
            }
            // Rounds of one pass of each kind, back to back: a disturbance from other work on the machine
            // then hits the passes of one round alike, and the median of the per-round ratios discounts it
            // (best-of-N per kind, taken separately, could pair an undisturbed pass with a disturbed one).
            double[] parse = new double[ROUNDS];
            double[] normalized = new double[ROUNDS];
            double[] written = new double[ROUNDS];
            double[] normalizedRatio = new double[ROUNDS];
            double[] writtenRatio = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                parse[round] = rate(() -> parseOnly(lines), lines.size());
                normalized[round] = rate(() -> normalize(lines, normalizer, table, context, false), lines.size());
                written[round] = rate(() -> normalize(lines, normalizer, table, context, true), lines.size());
                normalizedRatio[round] = normalized[round] / parse[round];
                writtenRatio[round] = written[round] / parse[round];
            }
            long ocsfBytes = normalize(lines, normalizer, table, context, true);
            System.out.printf("%-20s %12.0f %14.0f %7.2f %16.0f %7.2f %9d %9d%n", table, median(parse),
                    median(normalized), median(normalizedRatio), median(written), median(writtenRatio),
                    bytes / lines.size(), ocsfBytes / lines.size());
        }
        System.out.printf("rates and ratios: medians of %d rounds (one pass of each kind per round, after %d s of warm-up)%n",
                ROUNDS, WARM_UP_NANOS / 1_000_000_000L);
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
