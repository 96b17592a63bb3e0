package org.defenderconnector.app.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.app.server.Server;
import org.defenderconnector.engine.EventFactory;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.store.EventStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic stored events: the Microsoft documentation samples (shared/reference/samples) normalized by
 * the real OCSF mappers, as collection would store them. Written before a server opens the store.
 */
public final class SampleEvents {
    private record Sample(String file, String stream, String kind) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("mde-alerts-list-expand-evidence.json", "alerts", "mde-alert"),
            new Sample("mde-alerts-list.json", "alerts", "mde-alert"),
            new Sample("mde-machines-list-with-ipaddresses.json", "machines", "mde-machine"),
            new Sample("mde-machineactions-list.json", "machine-actions", "mde-machine-action"),
            new Sample("graph-security-alerts_v2-list.json", "graph-alerts", "graph-alert"),
            new Sample("graph-security-incidents-list.json", "incidents", "graph-incident"));

    private SampleEvents() {
    }

    public static int seed(Path dataDir, String tenant) throws IOException {
        Path samples = Path.of(System.getProperty("defender.shared.dir", "../shared")).resolve("reference/samples");
        EventFactory factory = new EventFactory(Normalizer.withAllMappers(), "b3c1b6f1-6a5e-4b3f-9f25-1c1b9d2a7e10");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Event> events = new ArrayList<>();
        int minute = 0;
        for (Sample sample : SAMPLES) {
            JsonNode root = Http.json().readTree(Files.readString(samples.resolve(sample.file())));
            for (JsonNode record : root.path("value")) {
                String id = record.path("id").asText(sample.kind() + "-" + minute);
                SourceRecord source = new SourceRecord(id, "1", now.minus(++minute * 7L, ChronoUnit.MINUTES),
                        record.toString(), sample.kind());
                events.add(factory.toEvent(new StreamId(tenant, sample.stream()), source));
            }
        }
        try (EventStore store = EventStore.open(dataDir.resolve(Server.EVENT_STORE_FILE))) {
            store.write(events);
        }
        return events.size();
    }
}
