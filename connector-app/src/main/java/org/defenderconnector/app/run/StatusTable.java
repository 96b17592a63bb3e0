package org.defenderconnector.app.run;

import org.defenderconnector.engine.StreamStatus;

import java.io.PrintStream;
import java.util.Collection;

/** The per-stream table printed by {@code run} and {@code demo}: state, records, last error and its fix. */
final class StatusTable {
    private StatusTable() {
    }

    static void print(PrintStream out, Collection<StreamStatus.Snapshot> streams) {
        out.printf("%-36s %-9s %10s  %s%n", "stream", "state", "records", "last error / fix");
        for (StreamStatus.Snapshot s : streams) {
            out.printf("%-36s %-9s %10d  %s%n", s.id(), s.state(), s.records(),
                    s.lastError() == null ? "" : s.lastError() + (s.fix() == null ? "" : " -> " + s.fix()));
        }
    }
}
