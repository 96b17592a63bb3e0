package org.defenderconnector.engine.collection;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.store.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hunting streams configured in YAML, collected by the Collector from the emulator into the store. */
class HuntingCollectionTest {
    static Emulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.demo(), EmulatorOptions.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void huntingTablesAreCollectedIntoTheStoreOnceEach() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), DemoCredentials.SECRET_VALUE);
        Path file = dir.resolve("connector.yaml");
        Files.writeString(file, """
                store: {path: data/events.db}
                tenants:
                  - name: demo
                    tenantId: %s
                    clientId: %s
                    clientSecret: ${file:secret.txt}
                    allowCustomEndpoints: true
                    endpoints: {all: "%s"}
                    caCertificate: "%s"
                    streams:
                      - hunting:DeviceInfo
                      - {name: hunting, tables: [AlertInfo, DeviceProcessEvents], backfill: 6h, rowCap: 20, targetRows: 10}
                """.formatted(DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID, emulator.baseUrl(),
                emulator.caCertificatePath()));
        ConnectorConfig config = ConfigLoader.load(file);

        Map<String, Long> first;
        Map<String, Long> second;
        try (Collector collector = Collector.open(config)) {
            Map<String, StreamStatus.Snapshot> status = collector.collectOnce(1_000);
            assertThat(status.values()).allSatisfy(s -> assertThat(s.state()).as(s.id() + " " + s.lastError())
                    .isEqualTo(StreamStatus.State.OK));
            first = collector.store().queries().countByStream("demo");
            for (StoredEvent event : collector.store().queries().events("demo", "hunting:DeviceProcessEvents", 50)) {
                assertThat(event.kind()).isEqualTo("DeviceProcessEvents");
                assertThat(event.ocsfJson()).contains("\"class_uid\":1007");
            }
        }
        try (Collector collector = Collector.open(ConfigLoader.load(file))) { // a restart
            collector.collectOnce(1_000);
            second = collector.store().queries().countByStream("demo");
        }

        assertThat(first).containsKeys("hunting:DeviceInfo", "hunting:AlertInfo", "hunting:DeviceProcessEvents");
        assertThat(first.values()).allSatisfy(n -> assertThat(n).isPositive());
        // Only rows that arrived in between may be added; nothing already stored is stored again.
        assertThat(second.get("hunting:DeviceInfo")).isEqualTo(first.get("hunting:DeviceInfo"));
        assertThat(second.get("hunting:DeviceProcessEvents")).isBetween(first.get("hunting:DeviceProcessEvents"),
                first.get("hunting:DeviceProcessEvents") + 2);
    }
}
