package org.defenderconnector.app.e2e;

import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.faults.FaultRule;
import org.defenderconnector.emulator.faults.Faults;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine collecting while the emulator throttles, fails, cuts bodies and expires tokens mid-paging:
 * every record still lands exactly once. The faults are counted (each must have hit), so the test
 * cannot pass because a fault missed its requests.
 */
class FaultToleranceE2ETest {
    @TempDir
    Path dir;

    @Test
    void throttlingServerErrorsCutBodiesAndExpiredTokensLoseNothingAndDuplicateNothing() throws Exception {
        DataSettings data = DataSettings.defaults().withSeed(99).withHistoryDays(2).withAlertsPerHour(5).withMachines(20)
                .withVulnerabilitiesPerMachine(10);
        try (EmulatedTenant tenant = EmulatedTenant.start(dir, data)) {
            ConnectorYaml yaml = tenant.config().backfill("3d").stream("alerts", 30).stream("machines", 8)
                    .stream("machine-actions", 5).stream("incidents", 10).stream("graph-alerts", 30)
                    .stream("vulnerabilities", 50);
            Path config = yaml.write();
            DataControl emulator = tenant.data();
            List<String> exportIds = ExportRows.ids(new DirectApi(tenant.emulator()));
            assertThat(exportIds).hasSize(200).doesNotHaveDuplicates();

            Faults faults = tenant.emulator().admin().faults();
            List<String> rules = List.of(
                    // A 429 storm the client waits out (Retry-After 1 s, every MDE stream holds off meanwhile).
                    faults.add(FaultRule.throttleStorm(3, 1, "/api/alerts").withId("alerts-429")),
                    // A storm longer than the client's patience (5 throttles): the poll fails, the engine backs off.
                    faults.add(FaultRule.throttleStorm(7, 1, "/v1.0/security/alerts_v2").withId("graph-429")),
                    faults.add(FaultRule.serverErrors(503, 2, "/v1.0/security/incidents").withId("incidents-503")),
                    faults.add(FaultRule.serverErrors(500, 2, "/api/machineactions").withId("actions-500")),
                    faults.add(FaultRule.truncate(3000, 2, "/api/alerts").withId("alerts-cut")),
                    faults.add(FaultRule.truncate(20_000, 2, "/api/machines/SoftwareVulnerabilitiesByMachine")
                            .withId("export-cut")),
                    // Path prefixes: the machine list and the export below it, whichever comes first.
                    faults.add(FaultRule.serverErrors(503, 2, "/api/machines").withId("machines-503")),
                    // Every token issued so far refused after the 6th alerts page: each stream meets a 401
                    // mid-paging (Graph and export tokens too) and must fetch a new token once.
                    faults.add(FaultRule.expireTokensAfter(6, "/api/alerts").withId("tokens-401")));

            Supplier<Boolean> complete = () -> {
                StoredEvents stored = new StoredEvents(yaml.store());
                return new TreeSet<>(stored.versions("alerts", "lastUpdateTime")).equals(EmulatorTruth.mdeAlerts(emulator))
                        && new TreeSet<>(stored.versions("graph-alerts", "lastUpdateDateTime")).equals(EmulatorTruth.graphAlerts(emulator))
                        && new TreeSet<>(stored.versions("incidents", "lastUpdateDateTime")).equals(EmulatorTruth.incidents(emulator))
                        && new TreeSet<>(stored.versions("machine-actions", "lastUpdateDateTimeUtc"))
                        .equals(EmulatorTruth.machineActions(emulator))
                        && new TreeSet<>(stored.naturalIds("machines")).equals(EmulatorTruth.machineIds(emulator))
                        && new TreeSet<>(stored.naturalIds("vulnerabilities")).equals(new TreeSet<>(exportIds));
            };
            try (Collector collector = Collector.open(ConfigLoader.load(config))) {
                collector.start();
                awaitTrue(complete, Duration.ofSeconds(90), () -> collector.status().toString());
                awaitTrue(() -> collector.status().stream().allMatch(s -> s.state() == StreamStatus.State.OK),
                        Duration.ofSeconds(30), () -> collector.status().toString());
            }

            for (String rule : rules) {
                assertThat(faults.injected(rule)).as("fault " + rule + " hit requests").isPositive();
            }
            StoredEvents stored = new StoredEvents(yaml.store());
            Map<String, String> versionFields = Map.of("alerts", "lastUpdateTime", "graph-alerts", "lastUpdateDateTime",
                    "incidents", "lastUpdateDateTime", "machine-actions", "lastUpdateDateTimeUtc");
            versionFields.forEach((stream, field) ->
                    assertThat(stored.versions(stream, field)).as(stream + " exactly once").doesNotHaveDuplicates());
            assertThat(stored.naturalIds("machines")).doesNotHaveDuplicates();
            assertThat(stored.naturalIds("vulnerabilities")).as("export rows exactly once").doesNotHaveDuplicates()
                    .hasSize(exportIds.size());
            assertThat(stored.skippedWindows()).as("no window skipped: every failure was transient").isEmpty();
        }
    }

    static void awaitTrue(Supplier<Boolean> condition, Duration timeout, Supplier<String> state) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + timeout.toSeconds() + " s: " + state.get());
            }
            Thread.sleep(250);
        }
    }
}
