package org.defenderconnector.bench;

import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigLoader;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a child JVM started with a small -Xmx: collects the configured streams once (the export
 * streamed page by page, delivered 5,000 records per poll) and prints one line of figures for the
 * parent: {@code RESULT rows=.. seconds=.. liveMb=.. inUseMb=.. maxHeapMb=.. gcs=.. gc=.. state=..}. A full
 * collection every 5 seconds measures the live heap (it costs the run a little time).
 */
public final class ExportHeapProbe {
    private ExportHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        HeapWatch watch = HeapWatch.start(5);
        long start = System.nanoTime();
        long rows = 0;
        String state = "OK";
        try (Collector collector = Collector.open(ConfigLoader.load(Path.of(args[0])))) {
            Map<String, StreamStatus.Snapshot> result = collector.collectOnce(1_000_000);
            for (StreamStatus.Snapshot snapshot : result.values()) {
                rows += snapshot.records();
                if (snapshot.state() != StreamStatus.State.OK) {
                    state = snapshot.state() + ":" + snapshot.lastError();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        watch.close();
        System.out.printf("RESULT rows=%d seconds=%.1f liveMb=%.1f inUseMb=%.1f maxHeapMb=%.0f gcs=%d gc=%s state=%s%n",
                rows, seconds, watch.peakLiveBytes() / 1048576.0, watch.peakInUseBytes() / 1048576.0,
                HeapWatch.maxHeapBytes() / 1048576.0, watch.collections(), HeapWatch.collectorNames(), state.replace(' ', '_'));
    }
}
