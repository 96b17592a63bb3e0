package org.defenderconnector.app.run;

import org.defenderconnector.engine.StreamStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows collection progress: on a terminal a table redrawn in place with each stream's records per
 * second; otherwise one structured log line per stream each minute, so logs stay readable.
 */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger("progress");

    private final boolean terminal;
    private final PrintStream out;
    private final Map<String, Long> previous = new HashMap<>();
    private int linesDrawn;
    private long lastNanos = System.nanoTime();

    private Progress(boolean terminal, PrintStream out) {
        this.terminal = terminal;
        this.out = out;
    }

    static Progress forTerminal(boolean terminal, PrintStream out) {
        return new Progress(terminal, out);
    }

    Duration interval() {
        return terminal ? Duration.ofSeconds(1) : Duration.ofMinutes(1);
    }

    void show(List<StreamStatus.Snapshot> streams) {
        long now = System.nanoTime();
        double seconds = Math.max((now - lastNanos) / 1e9, 0.001);
        lastNanos = now;
        if (terminal && linesDrawn > 0) {
            out.print("\033[" + linesDrawn + "A");
        }
        if (terminal) {
            out.printf("\033[2K%-36s %-9s %10s %9s  %s%n", "stream", "state", "records", "rec/s", "last error / fix");
        }
        for (StreamStatus.Snapshot s : streams) {
            String key = s.id().toString();
            long before = previous.getOrDefault(key, s.records());
            previous.put(key, s.records());
            double rate = (s.records() - before) / seconds;
            String error = s.lastError() == null ? "" : s.lastError() + (s.fix() == null ? "" : " -> " + s.fix());
            if (terminal) {
                out.printf("\033[2K%-36s %-9s %10d %9.0f  %s%n", key, s.state(), s.records(), rate,
                        error.length() > 100 ? error.substring(0, 100) + "..." : error);
            } else {
                LOG.info("stream={} state={} records={} rate={}/s{}", key, s.state(), s.records(), Math.round(rate),
                        error.isEmpty() ? "" : " error=\"" + error + "\"");
            }
        }
        linesDrawn = streams.size() + 1;
        out.flush();
    }
}
