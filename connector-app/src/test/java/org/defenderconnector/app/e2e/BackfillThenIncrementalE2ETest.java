package org.defenderconnector.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.AlertUpdate;
import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.data.MachineAction;
import org.defenderconnector.emulator.data.NewAlert;
import org.defenderconnector.emulator.data.ServiceSource;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first collection (backfill) stores every record the emulator holds exactly once; a second one, after
 * records were added and changed, stores exactly the new and changed versions and nothing else again.
 * Two separate collections on the same store, as two {@code run --once} invocations would be.
 */
class BackfillThenIncrementalE2ETest {
    /** Stream to the field its version (last-update time) is read from. */
    private static final Map<String, String> VERSION_FIELDS = Map.of("alerts", "lastUpdateTime",
            "machine-actions", "lastUpdateDateTimeUtc", "incidents", "lastUpdateDateTime",
            "graph-alerts", "lastUpdateDateTime");

    @TempDir
    Path dir;

    @Test
    void backfillStoresEveryRecordOnceThenOnlyNewAndChangedVersionsArrive() throws Exception {
        DataSettings data = DataSettings.defaults().withSeed(20250304).withHistoryDays(2).withAlertsPerHour(6)
                .withMachines(30);
        try (EmulatedTenant tenant = EmulatedTenant.start(dir, data)) {
            // Pages far below the documented maxima: windows must split, snapshots must page. Snapshot
            // streams may take a new snapshot a second after the last one, so the second run reads them.
            ConnectorYaml yaml = tenant.config().backfill("3d").stream("alerts", 40).stream("machines", 10, "1s")
                    .stream("machine-actions", 5, "1s").stream("incidents", 10).stream("graph-alerts", 40);
            Path config = yaml.write();
            StoredEvents stored = new StoredEvents(yaml.store());
            DataControl emulator = tenant.data();

            Map<String, Set<String>> before = truth(emulator);
            assertThat(before.get("alerts")).hasSizeGreaterThan(200);
            collectOnce(config);
            // Snapshot streams (machines, machine actions) take a new snapshot no sooner than their interval.
            Instant nextSnapshot = Instant.now().plusMillis(1_100);

            for (String stream : VERSION_FIELDS.keySet()) {
                List<String> versions = stored.versions(stream, VERSION_FIELDS.get(stream));
                assertThat(versions).as(stream + ": stored once each").doesNotHaveDuplicates();
                assertThat(new TreeSet<>(versions)).as(stream + ": what the emulator holds").isEqualTo(before.get(stream));
            }
            assertThat(stored.naturalIds("machines")).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(EmulatorTruth.machineIds(emulator));
            try (EventStore store = EventStore.open(yaml.store())) {
                for (String stream : List.of("alerts", "machines", "machine-actions", "incidents", "graph-alerts")) {
                    assertThat(store.queries().versionsPerEntity(ConnectorYaml.TENANT, stream).values())
                            .as(stream + ": one version per entity").containsOnly(1L);
                }
            }
            Map<String, Long> countsBefore = stored.countByStream();

            // Records added and changed after the first run; their times fall in the next sweep's overlap
            // (before the first run's end) or after it, as late-visible records and new updates do.
            Instant t = Instant.now().minusSeconds(45).truncatedTo(ChronoUnit.MICROS);
            List<String> added = List.of(
                    emulator.addAlert(NewAlert.at(t).withTitle("e2e: new endpoint alert").withSeverity("High")),
                    emulator.addAlert(NewAlert.at(t.plusMillis(1)).withTitle("e2e: second new endpoint alert")));
            String office = emulator.addAlert(NewAlert.at(t.plusMillis(2)).from(ServiceSource.OFFICE));
            List<String> updated = emulator.alerts().stream().filter(a -> a.source() == ServiceSource.ENDPOINT)
                    .filter(a -> !a.status().equals("Resolved")).limit(2).map(Alert::id).toList();
            Instant updateTime = t.plusMillis(3);
            for (String id : updated) {
                emulator.updateAlert(id, AlertUpdate.status("Resolved").assignedTo("analyst@defender-demo.onmicrosoft.com")
                        .classified("TruePositive", "Malware").at(updateTime));
            }
            MachineAction action = emulator.machineActions().get(0);
            emulator.updateMachineAction(action.id(), "Cancelled", t.plusMillis(4));
            Map<String, Set<String>> after = truth(emulator);

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), nextSnapshot).toMillis()));
            collectOnce(config);

            Map<String, Long> countsAfter = stored.countByStream();
            for (String stream : VERSION_FIELDS.keySet()) {
                Set<String> expected = new TreeSet<>(before.get(stream));
                expected.addAll(after.get(stream));
                Set<String> arrived = new TreeSet<>(after.get(stream));
                arrived.removeAll(before.get(stream));
                List<String> versions = stored.versions(stream, VERSION_FIELDS.get(stream));
                assertThat(versions).as(stream + ": nothing stored twice").doesNotHaveDuplicates();
                assertThat(new TreeSet<>(versions)).as(stream + ": every version seen, old and new").isEqualTo(expected);
                assertThat(countsAfter.get(stream) - countsBefore.get(stream))
                        .as(stream + ": only the new and changed versions arrived").isEqualTo(arrived.size());
            }
            assertThat(countsAfter.get("machines")).as("machines did not change").isEqualTo(countsBefore.get("machines"));
            // 2 added + 2 updated alerts, the Office alert only in alerts_v2, 1 action.
            assertThat(countsAfter.get("alerts") - countsBefore.get("alerts")).isEqualTo(4);
            assertThat(countsAfter.get("graph-alerts") - countsBefore.get("graph-alerts")).isEqualTo(5);
            assertThat(countsAfter.get("machine-actions") - countsBefore.get("machine-actions")).isEqualTo(1);
            assertThat(stored.naturalIds("alerts")).doesNotContain(office);

            try (EventStore store = EventStore.open(yaml.store())) {
                Map<String, Long> alertVersions = store.queries().versionsPerEntity(ConnectorYaml.TENANT, "alerts");
                Map<String, Long> expectedVersions = new LinkedHashMap<>();
                alertVersions.keySet().forEach(id -> expectedVersions.put(id, updated.contains(id) ? 2L : 1L));
                assertThat(alertVersions).isEqualTo(expectedVersions);
                assertThat(alertVersions).containsKeys(added.toArray(String[]::new));
                assertThat(store.queries().versionsPerEntity(ConnectorYaml.TENANT, "machine-actions").get(action.id()))
                        .isEqualTo(2L);
            }
            for (String id : updated) {
                JsonNode latest = stored.latest("alerts", id).orElseThrow();
                assertThat(latest.path("status").asText()).isEqualTo("Resolved");
                assertThat(Instant.parse(latest.path("lastUpdateTime").asText())).isEqualTo(updateTime);
            }
            assertThat(new HashSet<>(stored.naturalIds("graph-alerts"))).contains(office);
        }
    }

    private static void collectOnce(Path config) {
        try (Collector collector = Collector.open(ConfigLoader.load(config))) {
            Map<String, StreamStatus.Snapshot> result = collector.collectOnce(10_000);
            assertThat(result.values()).as(result.toString()).allMatch(s -> s.state() == StreamStatus.State.OK);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Set<String>> truth(DataControl emulator) {
        return Map.of("alerts", EmulatorTruth.mdeAlerts(emulator), "graph-alerts", EmulatorTruth.graphAlerts(emulator),
                "incidents", EmulatorTruth.incidents(emulator), "machine-actions", EmulatorTruth.machineActions(emulator));
    }
}
