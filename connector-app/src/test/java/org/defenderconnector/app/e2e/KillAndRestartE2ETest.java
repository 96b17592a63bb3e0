package org.defenderconnector.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.DataSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code defender-connector run} in its own JVM, killed with SIGKILL while it collects, then
 * {@code run --once} to completion: the store holds every record the emulator serves, each exactly once.
 * The crash can land anywhere (between a store write and its position commit, mid-page); at-least-once
 * delivery re-reads the batch in flight and the uid keeps the store free of repeats.
 */
class KillAndRestartE2ETest {
    @TempDir
    Path dir;

    @Test
    void alertsCollectionKilledMidRunLosesNothingAndRepeatsNothing() throws Exception {
        // About 3,800 Defender for Endpoint alerts with evidence, read in windows of at most 500.
        DataSettings data = DataSettings.defaults().withSeed(4242).withHistoryDays(1).withAlertsPerHour(200)
                .withMachines(50);
        try (EmulatedTenant tenant = EmulatedTenant.start(dir, data, EmulatedTenant.noLimits())) {
            ConnectorYaml yaml = tenant.config().backfill("2d").stream("alerts", 500);
            Path config = yaml.write();
            StoredEvents stored = new StoredEvents(yaml.store());
            DataControl emulator = tenant.data();
            Set<String> truth = EmulatorTruth.mdeAlerts(emulator);

            long atKill = killWhen(config, stored, s -> s.count("alerts") >= truth.size() / 10, "alerts");
            assertThat(atKill).as("killed mid-run: some but not all alerts stored").isBetween(1L, truth.size() - 1L);

            Cli.Result once = Cli.run("run", "--config", config.toString(), "--once");
            assertThat(once.exitCode()).as(once.out()).isZero();
            List<String> versions = stored.versions("alerts", "lastUpdateTime");
            assertThat(versions).as("nothing stored twice").doesNotHaveDuplicates();
            assertThat(new TreeSet<>(versions)).as("nothing lost").isEqualTo(truth);
        }
    }

    @Test
    void vulnerabilityExportKilledMidPageLosesNothingAndRepeatsNothing() throws Exception {
        // 30,000 export rows in pages of 10,000, delivered 5,000 per poll: the kill lands inside a page.
        DataSettings data = DataSettings.defaults().withSeed(77).withHistoryDays(1).withAlertsPerHour(1)
                .withMachines(300).withVulnerabilitiesPerMachine(100);
        try (EmulatedTenant tenant = EmulatedTenant.start(dir, data, EmulatedTenant.noLimits())) {
            ConnectorYaml yaml = tenant.config().stream("vulnerabilities", 10_000);
            Path config = yaml.write();
            StoredEvents stored = new StoredEvents(yaml.store());
            List<String> exportIds = ExportRows.ids(new DirectApi(tenant.emulator()));
            assertThat(exportIds).hasSize(30_000).doesNotHaveDuplicates();

            killWhen(config, stored, s -> s.position("vulnerabilities").map(p -> p.path("offset").asLong() > 0).orElse(false),
                    "vulnerabilities");
            JsonNode position = stored.position("vulnerabilities").orElseThrow();
            long atKill = stored.count("vulnerabilities");
            assertThat(position.path("phase").asText()).as("killed during the export: " + position).isEqualTo("full");
            assertThat(position.path("offset").asLong()).as("killed inside a page: " + position).isPositive();
            assertThat(atKill).isBetween(1L, exportIds.size() - 1L);

            Cli.Result once = Cli.run("run", "--config", config.toString(), "--once");
            assertThat(once.exitCode()).as(once.out()).isZero();
            List<String> ids = stored.naturalIds("vulnerabilities");
            assertThat(ids).as("nothing stored twice").doesNotHaveDuplicates();
            assertThat(new TreeSet<>(ids)).as("nothing lost").isEqualTo(new TreeSet<>(exportIds));
            assertThat(stored.position("vulnerabilities").orElseThrow().has("phase")).as("export complete").isFalse();
        }
    }

    /** Starts the connector, kills it with SIGKILL once {@code ready} holds, returns the events stored then. */
    private long killWhen(Path config, StoredEvents stored, Predicate<StoredEvents> ready, String stream) throws Exception {
        ConnectorProcess process = ConnectorProcess.run(config, dir);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        try {
            while (!ready.test(stored)) {
                if (!process.alive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the connector never got going:\n" + process.output());
                }
                Thread.sleep(50);
            }
        } finally {
            int exit = process.kill();
            if (exit != 137) {
                throw new AssertionError("expected death by SIGKILL (exit 137), got " + exit + ":\n" + process.output());
            }
        }
        return stored.count(stream);
    }
}
