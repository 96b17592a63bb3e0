package org.defenderconnector.app.run;

import org.defenderconnector.api.StreamId;
import org.defenderconnector.engine.collection.TenantSourceFactory;
import org.defenderconnector.engine.config.ConfigException;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.store.EventStore;
import org.defenderconnector.store.StoredDeadLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code defender-connector dead-letters}: lists the Streaming API lines the connector could not read (not
 * JSON, no {@code properties}, ...), which it kept in the store's dead letters instead of dropping them or
 * stopping the stream. Read-only: it opens the store, not the sources.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"Lists the Streaming API lines that could not be read and were kept as dead letters: where"
                + " each came from (blob or Event Hub partition, offset), why it failed, when, and how it starts.",
                "Exit code 1 when there are dead letters, 0 when there are none."})
public final class DeadLettersCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 20;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML configuration")
    Path config;

    @Option(names = "--stream", paramLabel = "STREAM",
            description = "Only this stream: streaming-storage or streaming-eventhubs (every tenant), or TENANT/STREAM")
    String stream;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "At most N dead letters per stream, oldest first (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "Print them as JSON")
    boolean json;

    private final PrintStream out;

    public DeadLettersCommand() {
        this(System.out);
    }

    DeadLettersCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            out.println("dead-letters: --limit must be at least 1");
            return 2;
        }
        ConnectorConfig loaded;
        try {
            loaded = ConfigLoader.load(config);
        } catch (ConfigException e) {
            out.println("dead-letters: configuration error in " + config + ": " + e.getMessage());
            return 2;
        }
        List<StreamId> streams = streams(loaded);
        if (streams.isEmpty()) {
            out.println("dead-letters: " + (stream == null ? "no tenant collects a Streaming API stream ("
                    + ConnectorConfig.STREAMING_STORAGE + ", " + ConnectorConfig.STREAMING_EVENT_HUBS + ")"
                    : "no configured stream matches '" + stream + "'") + "; only those keep dead letters");
            return 2;
        }
        Path storeFile = loaded.store().path();
        Map<StreamId, List<StoredDeadLetter>> letters = new LinkedHashMap<>();
        if (Files.exists(storeFile)) {
            try (EventStore store = EventStore.open(storeFile)) {
                for (StreamId id : streams) {
                    letters.put(id, store.deadLetters(id, limit));
                }
            }
        } else {
            // Nothing collected yet: do not create an empty store just to say so.
            streams.forEach(id -> letters.put(id, List.of()));
        }
        out.print(json ? DeadLetterReport.json(letters) : DeadLetterReport.text(letters, limit));
        return letters.values().stream().allMatch(List::isEmpty) ? 0 : 1;
    }

    /**
     * The Streaming API streams to look at: those configured, narrowed by {@code --stream}. A TENANT/STREAM is
     * taken as given, so the letters of a stream no longer configured can still be read.
     */
    private List<StreamId> streams(ConnectorConfig loaded) {
        List<StreamId> all = new ArrayList<>();
        if (stream != null && stream.contains("/")) {
            int slash = stream.indexOf('/');
            all.add(new StreamId(stream.substring(0, slash), stream.substring(slash + 1)));
            return all;
        }
        for (ConnectorConfig.TenantSettings tenant : loaded.tenants()) {
            for (ConnectorConfig.StreamSettings configured : tenant.streams()) {
                String name = configured.name();
                if (TenantSourceFactory.isContinuous(name) && (stream == null || stream.equals(name))) {
                    all.add(new StreamId(tenant.name(), name));
                }
            }
        }
        return all;
    }
}
