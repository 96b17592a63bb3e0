package org.defenderconnector.app.run;

import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigException;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code defender-connector run}: collects the configured tenants and streams until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Collects every configured tenant and stream into the configured sinks until interrupted (Ctrl-C "
                + "finishes the batches in flight, then stops).",
                "On a terminal a live table shows each stream's state, records and rate; otherwise progress goes to the "
                        + "logs (stderr)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped cleanly (or --once: every stream caught up)", "1:--once: some stream failed",
                "2:configuration error (the message names the key, the value and the fix)"})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML configuration (docs/configuration.md)")
    Path config;

    @Option(names = "--once", description = "Collect each stream until it has caught up, print a summary and exit")
    boolean once;

    private final PrintStream out;
    private final PrintStream err;

    public RunCommand() {
        this(System.out, System.err);
    }

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        ConnectorConfig connectorConfig;
        try {
            connectorConfig = ConfigLoader.load(config);
        } catch (ConfigException e) {
            err.println("run: configuration error in " + config + ": " + e.getMessage());
            return 2;
        }
        try (Collector collector = Collector.open(connectorConfig)) {
            if (once) {
                Map<String, StreamStatus.Snapshot> result = collector.collectOnce(10_000);
                StatusTable.print(out, result.values());
                return result.values().stream().allMatch(s -> s.state() == StreamStatus.State.OK) ? 0 : 1;
            }
            collector.start();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                collector.close();
            }, "shutdown"));
            Progress progress = Progress.forTerminal(System.console() != null, out);
            while (!stop.await(progress.interval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                progress.show(collector.status());
            }
        }
        return 0;
    }
}
