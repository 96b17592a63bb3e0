package org.defenderconnector.app.e2e;

import org.defenderconnector.emulator.data.AlertUpdate;
import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many records on one 100 ns timestamp: more than a page of Graph alerts_v2 (so the cursor narrows a
 * window down to that one timestamp and pages inside it, one page per poll, each poll committed), a
 * neighbouring timestamp one tick later, and more records on the same timestamp arriving after the run
 * that read it (so the next run reads that timestamp again in its overlap). Every record lands exactly
 * once, in Graph alerts_v2 and in MDE alerts (read with pages larger than the cluster, where the shared
 * timestamp sits inside one window and at the overlap boundary between runs).
 *
 * <p>Why MDE alerts do not page inside the timestamp here: narrowing a window to one 100 ns tick costs
 * about 2-3 calls per halving (~30 halvings for a window of a minute) plus as many doublings after it,
 * i.e. 90-125 calls per run, which can exceed the MDE budget of 100 calls per minute and make the client
 * wait a minute, as it should. Graph's budget is 150 per minute. The cursor code is the same for both.
 */
class SharedTimestampE2ETest {
    private static final int PAGE = 20;

    @TempDir
    Path dir;

    @Test
    void recordsSharingATimestampAcrossPagesAndPollsLandExactlyOnce() throws Exception {
        // No generated alerts: the alerts are the ones this test adds. Two runs narrowing down to one
        // timestamp within a minute use more than the emulator's quota; quotas are not this test's subject.
        DataSettings data = DataSettings.defaults().withSeed(11).withAlertsPerHour(0).withMachines(5).withHistoryDays(1);
        try (EmulatedTenant tenant = EmulatedTenant.start(dir, data, EmulatedTenant.noLimits())) {
            ConnectorYaml yaml = tenant.config().backfill("10m").stream("alerts", 5 * PAGE).stream("graph-alerts", PAGE);
            Path config = yaml.write();
            StoredEvents stored = new StoredEvents(yaml.store());
            DataControl emulator = tenant.data();

            Instant t = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
            List<String> first = new ArrayList<>(emulator.addAlertsWithSameTimestamp(PAGE * 5 / 2, t));
            first.addAll(emulator.addAlertsWithSameTimestamp(5, t.plusNanos(100)));
            assertThat(emulator.alerts()).hasSize(first.size());

            collectOnce(config);
            assertExactlyOnce(stored, emulator);
            assertThat(stored.naturalIds("alerts")).containsExactlyInAnyOrderElementsOf(first);

            // Late records on the same timestamp, after the run that read it: the next run reads that
            // timestamp again (it is in the overlap) and must add them without repeating the others.
            List<String> late = emulator.addAlertsWithSameTimestamp(PAGE + PAGE / 2, t);
            String changed = first.get(7);
            emulator.updateAlert(changed, AlertUpdate.status("InProgress").at(Instant.now().minusSeconds(40)));

            collectOnce(config);
            assertExactlyOnce(stored, emulator, changed);
            assertThat(stored.naturalIds("alerts")).containsAll(late);
            assertThat(stored.count("alerts")).isEqualTo(first.size() + late.size() + 1);
            try (EventStore store = EventStore.open(yaml.store())) {
                Map<String, Long> versions = store.queries().versionsPerEntity(ConnectorYaml.TENANT, "alerts");
                assertThat(versions).hasSize(first.size() + late.size()).containsEntry(changed, 2L);
                assertThat(versions.entrySet()).filteredOn(e -> !e.getKey().equals(changed))
                        .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(1L));
            }
        }
    }

    /** The store holds every version the emulator has served, each once; {@code updated} also its old version. */
    private static void assertExactlyOnce(StoredEvents stored, DataControl emulator, String... updated) {
        for (String stream : List.of("alerts", "graph-alerts")) {
            String field = stream.equals("alerts") ? "lastUpdateTime" : "lastUpdateDateTime";
            List<String> versions = stored.versions(stream, field);
            TreeSet<String> expected = new TreeSet<>(stream.equals("alerts") ? EmulatorTruth.mdeAlerts(emulator)
                    : EmulatorTruth.graphAlerts(emulator));
            assertThat(versions).as(stream).doesNotHaveDuplicates().hasSize(expected.size() + updated.length);
            assertThat(versions).as(stream).containsAll(expected);
        }
    }

    private static void collectOnce(Path config) throws Exception {
        try (Collector collector = Collector.open(ConfigLoader.load(config))) {
            Map<String, StreamStatus.Snapshot> result = collector.collectOnce(10_000);
            assertThat(result.values()).as(result.toString()).allMatch(s -> s.state() == StreamStatus.State.OK);
        }
    }
}
