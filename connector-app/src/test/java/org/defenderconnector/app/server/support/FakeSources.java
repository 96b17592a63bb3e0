package org.defenderconnector.app.server.support;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.app.server.integrations.ResolvedIntegration;
import org.defenderconnector.app.server.runtime.SourceProvider;
import org.defenderconnector.app.server.runtime.TenantSources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sources for lifecycle tests: "alerts" yields 3 records per poll up to {@code total}, then nothing;
 * "machines" always fails with a fix. Records which integrations are open, so tests can see
 * deactivation close them.
 */
public final class FakeSources implements SourceProvider {
    public final Set<String> open = ConcurrentHashMap.newKeySet();
    private final int total;

    public FakeSources(int total) {
        this.total = total;
    }

    @Override
    public TenantSources open(ResolvedIntegration integration) {
        String name = integration.name();
        open.add(name);
        return new TenantSources() {
            @Override
            public Source create(String stream) {
                StreamId id = new StreamId(name, stream);
                return switch (stream) {
                    case "alerts" -> new Counting(id, total);
                    case "machines" -> new Source() {
                        @Override
                        public StreamId id() {
                            return id;
                        }

                        @Override
                        public Batch poll(Position position) throws SourceException {
                            throw new SourceException("HTTP 403 from /api/machines: missing application permission",
                                    false, "grant Machine.Read.All and admin consent");
                        }
                    };
                    default -> throw new IllegalArgumentException("no fake source for " + stream);
                };
            }

            @Override
            public Duration defaultInterval(String stream) {
                return Duration.ofMillis(200);
            }

            @Override
            public void close() {
                open.remove(name);
            }
        };
    }

    private static final class Counting implements Source {
        private final StreamId id;
        private final int total;

        Counting(StreamId id, int total) {
            this.id = id;
            this.total = total;
        }

        @Override
        public StreamId id() {
            return id;
        }

        @Override
        public Batch poll(Position position) {
            long done = position.number("done").orElse(0L);
            List<SourceRecord> records = new ArrayList<>();
            for (long i = done; i < Math.min(done + 3, total); i++) {
                records.add(new SourceRecord("alert-" + i, "1", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                        "{\"id\":\"alert-" + i + "\",\"title\":\"Fake alert " + i + "\"}", "fake-alert"));
            }
            long next = done + records.size();
            return new Batch(records, position.with("done", next), next < total);
        }
    }
}
