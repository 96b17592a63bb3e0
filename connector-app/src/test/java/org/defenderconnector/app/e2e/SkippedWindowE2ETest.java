package org.defenderconnector.app.e2e;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.data.NewAlert;
import org.defenderconnector.emulator.faults.FaultRule;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.store.StreamHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time window that always fails (the emulator answers 500 to every query whose window contains one
 * instant): the stream retries it, splits it, then skips it and records it, collecting everything around
 * it; {@code windows} shows it; once the fault is gone, {@code windows --replay} collects it fully.
 */
class SkippedWindowE2ETest {
    @TempDir
    Path dir;

    @Test
    void aWindowThatAlwaysFailsIsSplitSkippedRecordedListedAndReplayed() throws Exception {
        DataSettings data = DataSettings.defaults().withSeed(5).withAlertsPerHour(0).withMachines(5).withHistoryDays(1);
        try (EmulatedTenant tenant = EmulatedTenant.start(dir, data, EmulatedTenant.noLimits())) {
            // Sweeps after the first start 70 s before the watermark: the sweep holding the fault is a
            // little over a minute, so it is halved once and its failing half (under the one-minute
            // minimum window) is then skipped. Every failed poll costs the client's 4 attempts (~5 s).
            ConnectorYaml yaml = tenant.config().backfill("10m").stream("{name: alerts, pageSize: 10, overlap: 70s}");
            Path config = yaml.write();
            StoredEvents stored = new StoredEvents(yaml.store());
            DataControl emulator = tenant.data();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (int s = 300; s >= 120; s -= 20) {
                emulator.addAlert(NewAlert.at(now.minusSeconds(s)));
            }
            collectOnce(config);
            Instant watermark = Instant.parse(stored.position("alerts").orElseThrow().path("to").asText());

            // Late alerts (visible after the run that swept their time), one of them at the failing instant.
            Instant failing = watermark.minusSeconds(20);
            emulator.addAlert(NewAlert.at(watermark.minusSeconds(60)));
            String atFailing = emulator.addAlert(NewAlert.at(failing).withTitle("e2e: in the failing window"));
            emulator.addAlert(NewAlert.at(failing.minusSeconds(3)));
            emulator.addAlert(NewAlert.at(failing.plusMillis(300)));
            Set<String> truth = EmulatorTruth.mdeAlerts(emulator);
            String fault = tenant.emulator().admin().faults().add(FaultRule.failWindowsContaining(failing, "/api/alerts"));

            // The engine would retry after a backoff; here each collectOnce pass is the next attempt.
            try (Collector collector = Collector.open(ConfigLoader.load(config))) {
                for (int pass = 0; pass < 8 && !caughtUpWithASkip(collector, stored); pass++) {
                    collector.collectOnce(10_000);
                }
                assertThat(caughtUpWithASkip(collector, stored)).as(collector.status().toString()).isTrue();
            }
            assertThat(tenant.emulator().admin().faults().injected(fault)).as("split: tried more than one window size")
                    .isGreaterThanOrEqualTo(16);

            List<StoredEvents.Window> skipped = stored.skippedWindows();
            assertThat(skipped).singleElement().satisfies(w -> {
                assertThat(w.stream()).isEqualTo("alerts");
                assertThat(w.contains(failing)).as("the recorded window holds the failing instant: " + w).isTrue();
                assertThat(Duration.between(w.start(), w.end())).as("split below the sweep").isLessThanOrEqualTo(Duration.ofMinutes(1));
            });
            StoredEvents.Window window = skipped.get(0);
            Set<String> inWindow = new TreeSet<>();
            for (Alert alert : emulator.alerts()) {
                if (window.contains(alert.lastUpdate())) {
                    inWindow.add(alert.id() + "@" + alert.lastUpdate());
                }
            }
            Set<String> outside = new TreeSet<>(truth);
            outside.removeAll(inWindow);
            List<String> beforeReplay = stored.versions("alerts", "lastUpdateTime");
            assertThat(beforeReplay).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(beforeReplay)).as("everything around the skipped window was collected").isEqualTo(outside);
            assertThat(stored.naturalIds("alerts")).doesNotContain(atFailing);
            assertThat(inWindow).hasSizeGreaterThanOrEqualTo(3);

            Cli.Result listed = Cli.run("windows", "--config", config.toString());
            assertThat(listed.exitCode()).as(listed.out()).isEqualTo(1);
            assertThat(listed.out()).contains("demo/alerts").contains(window.start().toString())
                    .contains(window.end().toString()).contains("HTTP 500");

            tenant.emulator().admin().faults().remove(fault);
            Cli.Result replayed = Cli.run("windows", "--config", config.toString(), "--replay");
            assertThat(replayed.exitCode()).as(replayed.out()).isZero();
            assertThat(replayed.out()).contains("replayed, " + inWindow.size() + " events delivered");
            assertThat(Cli.run("windows", "--config", config.toString()).out()).contains("No skipped windows");

            List<String> afterReplay = stored.versions("alerts", "lastUpdateTime");
            assertThat(afterReplay).as("nothing stored twice").doesNotHaveDuplicates();
            assertThat(new TreeSet<>(afterReplay)).as("nothing lost").isEqualTo(truth);
        }
    }

    private static void collectOnce(Path config) throws Exception {
        try (Collector collector = Collector.open(ConfigLoader.load(config))) {
            Map<String, StreamStatus.Snapshot> result = collector.collectOnce(10_000);
            assertThat(result.values()).as(result.toString()).allMatch(s -> s.state() == StreamStatus.State.OK);
        }
    }

    /** A window was skipped and the sweep went on to its end (the position is idle again). */
    private static boolean caughtUpWithASkip(Collector collector, StoredEvents stored) {
        boolean ok = collector.store().health().stream().allMatch(h -> h.state() == StreamHealth.State.OK);
        return ok && !stored.skippedWindows().isEmpty() && stored.position("alerts")
                .map(p -> p.path("from").asText().equals(p.path("to").asText())).orElse(false);
    }
}
