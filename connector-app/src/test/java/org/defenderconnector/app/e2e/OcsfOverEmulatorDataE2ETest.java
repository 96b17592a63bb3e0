package org.defenderconnector.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.hunting.HuntingSchema;
import org.defenderconnector.emulator.hunting.HuntingTable;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.collection.Collector;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OCSF over everything the emulator generates: every REST stream collected into the store (each stored
 * event normalized, each OCSF event valid against the OCSF 1.8.0 schema) and every advanced hunting table
 * (200 rows each through Graph's runHuntingQuery, normalized and validated the same way).
 */
class OcsfOverEmulatorDataE2ETest {
    private static final List<String> REST_STREAMS = List.of("alerts", "machines", "machine-actions", "vulnerabilities",
            "software", "incidents", "xdr-incidents", "graph-alerts", "scores");

    @TempDir
    Path dir;

    @Test
    void everyCollectedEventAndEveryHuntingTableRowIsValidOcsf() throws Exception {
        DataSettings data = DataSettings.defaults().withSeed(1810).withHistoryDays(2).withAlertsPerHour(6)
                .withMachines(20).withVulnerabilitiesPerMachine(10);
        try (EmulatedTenant tenant = EmulatedTenant.start(dir, data)) {
            ConnectorYaml yaml = tenant.config().backfill("3d");
            REST_STREAMS.forEach(yaml::stream);
            Path config = yaml.write();
            try (Collector collector = Collector.open(ConfigLoader.load(config))) {
                Map<String, StreamStatus.Snapshot> result = collector.collectOnce(10_000);
                assertThat(result.values()).as(result.toString()).allMatch(s -> s.state() == StreamStatus.State.OK);
            }

            OcsfValidator validator = OcsfValidator.standard();
            StoredEvents stored = new StoredEvents(yaml.store());
            assertThat(stored.withoutOcsf()).as("every stored event has its OCSF form").isZero();
            Map<String, Long> perStream = stored.countByStream();
            assertThat(perStream.keySet()).containsExactlyInAnyOrderElementsOf(REST_STREAMS);
            List<String> invalid = new ArrayList<>();
            for (String stream : REST_STREAMS) {
                assertThat(perStream.get(stream)).as(stream).isPositive();
                stored.each(stream, row -> {
                    ValidationResult check = validator.validate(row.ocsf());
                    if (!check.isValid()) {
                        invalid.add(stream + " " + row.naturalId() + ": " + check.violations());
                    }
                });
            }
            assertThat(invalid).as("OCSF violations in stored events").isEmpty();

            DirectApi api = new DirectApi(tenant.emulator());
            Normalizer normalizer = Normalizer.withAllMappers();
            Map<String, Integer> rowsPerTable = new LinkedHashMap<>();
            for (HuntingTable table : HuntingSchema.tables()) {
                JsonNode rows = api.huntingRows(table.name() + " | take 200");
                rowsPerTable.put(table.name(), rows.size());
                MappingContext context = new MappingContext(DemoCredentials.TENANT_ID, table.name(),
                        Product.forKind(table.name()));
                for (JsonNode row : rows) {
                    assertThat(normalizer.knows(table.name())).as("a mapper for " + table.name()).isTrue();
                    ValidationResult check = validator.validate(normalizer.normalize(table.name(), row, context));
                    if (!check.isValid()) {
                        invalid.add(table.name() + ": " + check.violations() + " in " + row);
                    }
                }
            }
            assertThat(rowsPerTable).as("rows per hunting table").hasSizeGreaterThanOrEqualTo(20)
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
            assertThat(invalid).as("OCSF violations in hunting rows").isEmpty();
        }
    }
}
