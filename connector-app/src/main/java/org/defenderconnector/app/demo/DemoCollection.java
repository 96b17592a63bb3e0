package org.defenderconnector.app.demo;

import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.store.EventQueries;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's collection step: every stream once into the store, then a table per stream (new this
 * run, stored in all, distinct entities, state) and a count per OCSF class.
 */
final class DemoCollection {
    private DemoCollection() {
    }

    static boolean run(ConnectorConfig config, PrintStream out) throws IOException {
        try (Collector collector = Collector.open(config)) {
            EventQueries queries = collector.store().queries();
            Map<String, Long> before = queries.countByStream(null);
            Map<String, StreamStatus.Snapshot> result = collector.collectOnce(10_000);
            Map<String, Long> after = queries.countByStream(null);
            Map<String, Long> entities = queries.countLatestByStream(null);
            out.printf("%-34s %8s %10s %10s  %-8s %s%n", "stream", "new", "stored", "entities", "state", "last error / fix");
            boolean allOk = true;
            for (StreamStatus.Snapshot s : result.values()) {
                String stream = s.id().stream();
                long stored = after.getOrDefault(stream, 0L);
                out.printf("%-34s %8d %10d %10d  %-8s %s%n", stream, stored - before.getOrDefault(stream, 0L), stored,
                        entities.getOrDefault(stream, 0L), s.state(),
                        s.lastError() == null ? "" : s.lastError() + (s.fix() == null ? "" : " -> " + s.fix()));
                allOk &= s.state() == StreamStatus.State.OK;
            }
            out.println();
            out.println("Stored events per OCSF class:");
            Map<String, Long> classes = new TreeMap<>(queries.countByOcsfClass(null));
            classes.forEach((classUid, count) -> out.printf("  %-32s %10d%n", OcsfClassNames.describe(classUid), count));
            out.println("Store: " + config.store().path());
            return allOk;
        }
    }
}
