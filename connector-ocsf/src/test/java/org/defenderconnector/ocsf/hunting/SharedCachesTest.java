package org.defenderconnector.ocsf.hunting;

import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Product;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping keeps lookups shared by all threads (record layouts, attribute paths, observable paths, the
 * layout a record read from bytes is expected to have). Normalizing on several threads at once gives each
 * thread the single-threaded result.
 */
class SharedCachesTest {
    private static final int THREADS = 4;

    /** One pass over some records, their events serialized in order. */
    interface Pass {
        List<String> run() throws Exception;
    }

    @Test
    void concurrentMappingGivesTheSameEventsAsSequentialMapping() throws Exception {
        List<GoldenFiles.Case> cases = GoldenFiles.cases();
        Pass pass = () -> {
            List<String> out = new ArrayList<>();
            for (GoldenFiles.Case golden : cases) {
                out.add(GoldenFiles.JSON.writeValueAsString(GoldenFiles.normalize(golden)));
            }
            return out;
        };
        assertEveryThreadGets(pass.run(), pass, 5);
    }

    /**
     * Records read from bytes are matched against the layout read last by any thread; rows of every table,
     * interleaved and on four threads, keep changing it under each other's feet. Each must still give
     * the event its parsed tree gives.
     */
    @Test
    void rowsOfInterleavedTablesReadFromBytesOnManyThreadsGiveTheirTreesEvents() throws Exception {
        MappingContext context = new MappingContext(GoldenFiles.TENANT, null, Product.DEFENDER_XDR);
        List<SampleRows.Variant> variants = new ArrayList<>(SampleRows.all());
        // Tables interleaved (a fixed order), so that consecutive rows rarely share a layout.
        Collections.shuffle(variants, new Random(7));
        List<String> tables = new ArrayList<>();
        List<byte[]> rows = new ArrayList<>();
        List<String> fromTrees = new ArrayList<>();
        for (SampleRows.Variant variant : variants) {
            String text = GoldenFiles.JSON.writeValueAsString(variant.row());
            tables.add(variant.table());
            rows.add(text.getBytes(StandardCharsets.UTF_8));
            fromTrees.add(GoldenFiles.JSON.writeValueAsString(GoldenFiles.normalizer()
                    .normalize(variant.table(), GoldenFiles.JSON.readTree(text), context)));
        }
        assertThat(new HashSet<>(tables)).hasSizeGreaterThan(10);
        assertEveryThreadGets(fromTrees, () -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                out.add(GoldenFiles.JSON.writeValueAsString(
                        GoldenFiles.normalizer().normalize(tables.get(i), rows.get(i), context)));
            }
            return out;
        }, 20);
    }

    /** Runs {@code rounds} passes on each of THREADS threads at once; every pass must give {@code expected}. */
    private static void assertEveryThreadGets(List<String> expected, Pass pass, int rounds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                runs.add(threads.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        List<String> out = pass.run();
                        if (!out.equals(expected)) {
                            return out; // the first pass that differs, for the assertion to show
                        }
                    }
                    return expected;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
