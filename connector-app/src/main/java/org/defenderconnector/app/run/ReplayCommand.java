package org.defenderconnector.app.run;

import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigException;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.store.SkippedWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code defender-connector windows}: lists, and with {@code --replay} re-reads, the time windows a
 * stream had to skip after every retry and split, so that no gap stays silent.
 */
@Command(name = "windows", mixinStandardHelpOptions = true,
        description = {"Lists the time windows that streams skipped after every retry and split (they are recorded, "
                + "never silently lost), and with --replay reads them again into the sinks.",
                "A window read in full is forgotten; one that still fails stays recorded."})
public final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML configuration")
    Path config;

    @Option(names = "--replay", description = "Read every recorded window again")
    boolean replay;

    private final PrintStream out;

    public ReplayCommand() {
        this(System.out);
    }

    ReplayCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        try (Collector collector = Collector.open(ConfigLoader.load(config))) {
            List<SkippedWindow> windows = collector.store().skippedWindows();
            if (!replay) {
                if (windows.isEmpty()) {
                    out.println("No skipped windows: every stream read every window.");
                }
                for (SkippedWindow w : windows) {
                    out.println(w.id() + "  " + w.start() + " .. " + w.end() + "  " + w.error());
                }
                return windows.isEmpty() ? 0 : 1;
            }
            List<String> report = collector.replaySkippedWindows();
            report.forEach(out::println);
            return collector.store().skippedWindows().isEmpty() ? 0 : 1;
        } catch (ConfigException e) {
            out.println("windows: configuration error in " + config + ": " + e.getMessage());
            return 2;
        }
    }
}
