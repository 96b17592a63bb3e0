package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping keeps lookups shared by all threads (record layouts, attribute paths, observable paths).
 * Normalizing every golden case on several threads at once gives each thread the single-threaded result.
 */
class SharedCachesTest {
    @Test
    void concurrentMappingGivesTheSameEventsAsSequentialMapping() throws Exception {
        List<GoldenFiles.Case> cases = GoldenFiles.cases();
        List<String> sequential = new ArrayList<>();
        for (GoldenFiles.Case golden : cases) {
            sequential.add(GoldenFiles.JSON.writeValueAsString(GoldenFiles.normalize(golden)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        out.clear();
                        for (GoldenFiles.Case golden : cases) {
                            JsonNode event = GoldenFiles.normalize(golden);
                            out.add(GoldenFiles.JSON.writeValueAsString(event));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(sequential);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
