package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.microsoft.testserver.DeliveryLoop;
import org.defenderconnector.microsoft.testserver.ListRoute;
import org.defenderconnector.microsoft.testserver.SimulatedTime;
import org.defenderconnector.microsoft.testserver.TestHttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotSourceTest {
    final SimulatedTime time = new SimulatedTime(Instant.parse("2025-03-01T12:00:00Z"));
    TestHttpsServer server;
    ListRoute machines = new ListRoute(true);
    RestSources sources;

    @TempDir
    Path state;

    @BeforeEach
    void start() throws Exception {
        server = new TestHttpsServer().route("/api/machines", machines);
    }

    @AfterEach
    void stop() {
        if (sources != null) {
            sources.close();
        }
        server.close();
    }

    Source machinesSource(Path stateDir) {
        if (sources == null) {
            sources = TestApis.sources(server, time).stateDirectory(stateDir).build();
        }
        return sources.create("machines", StreamOptions.defaults().withPageSize(10).withInterval(Duration.ofHours(1)));
    }

    static String machine(String id, String risk) {
        return "{\"id\":\"" + id + "\",\"computerDnsName\":\"" + id + ".contoso.com\",\"riskScore\":\"" + risk
                + "\",\"lastSeen\":\"2025-03-01T10:00:00Z\"}";
    }

    @Test
    void noMachinesIs404AndMeansEmpty() throws Exception {
        DeliveryLoop loop = new DeliveryLoop(machinesSource(null));
        Batch batch = loop.cycle();
        assertThat(batch.records()).isEmpty();
        assertThat(batch.more()).isFalse();
        assertThat(loop.committed().string("base")).isPresent();
    }

    @Test
    void eachSnapshotEmitsOnlyWhatChanged() throws Exception {
        for (int i = 0; i < 25; i++) {
            machines.put("m" + i, machine("m" + i, "Low"));
        }
        DeliveryLoop loop = new DeliveryLoop(machinesSource(null));
        assertThat(loop.drain(10)).isEqualTo(25);
        assertThat(loop.batchSizes()).containsExactly(10, 10, 5);
        assertThat(loop.delivered()).allSatisfy(r -> assertThat(r.kind()).isEqualTo("mde-machine"));

        // Within the interval nothing is asked.
        int requests = server.requests("/api/machines").size();
        assertThat(loop.cycle().records()).isEmpty();
        assertThat(server.requests("/api/machines")).hasSize(requests);

        time.advance(Duration.ofHours(1));
        machines.put("m3", machine("m3", "High"));
        machines.put("m17", machine("m17", "Medium"));
        machines.remove("m20");
        machines.put("m99", machine("m99", "None"));
        int before = loop.delivered().size();
        loop.drain(10);
        assertThat(loop.delivered().subList(before, loop.delivered().size())).extracting(SourceRecord::naturalId)
                .containsExactlyInAnyOrder("m3", "m17", "m99");

        time.advance(Duration.ofHours(1));
        before = loop.delivered().size();
        loop.drain(10);
        assertThat(loop.delivered()).hasSize(before);

        // A machine that disappeared and comes back is emitted again.
        time.advance(Duration.ofHours(1));
        machines.put("m20", machine("m20", "Low"));
        loop.drain(10);
        assertThat(loop.delivered().get(loop.delivered().size() - 1).naturalId()).isEqualTo("m20");
        // Same content as when first seen: same uid, so the store keeps it once.
        assertThat(loop.repeatedUids()).hasSize(1);
    }

    @Test
    void aBatchTheSinkDidNotTakeIsEmittedAgain() throws Exception {
        for (int i = 0; i < 15; i++) {
            machines.put("m" + i, machine("m" + i, "Low"));
        }
        DeliveryLoop loop = new DeliveryLoop(machinesSource(null));
        Batch lost = loop.cycleWithoutCommit();
        Batch again = loop.cycle();
        assertThat(again.records()).extracting(SourceRecord::naturalId)
                .containsExactlyElementsOf(lost.records().stream().map(SourceRecord::naturalId).toList());
        loop.drain(10);
        // Only the batch that was not committed came twice.
        assertThat(loop.delivered()).extracting(SourceRecord::naturalId).hasSize(25).containsAll(
                java.util.stream.IntStream.range(0, 15).mapToObj(i -> "m" + i).toList());
        assertThat(loop.repeatedUids()).hasSize(10);
    }

    @Test
    void theBaselineSurvivesARestartThroughTheStateDirectory() throws Exception {
        for (int i = 0; i < 12; i++) {
            machines.put("m" + i, machine("m" + i, "Low"));
        }
        DeliveryLoop first = new DeliveryLoop(machinesSource(state));
        first.drain(10);
        assertThat(first.delivered()).hasSize(12);
        assertThat(Files.list(state)).hasSize(1);

        // A new process: new factory, new source, same committed position and state directory.
        sources.close();
        sources = null;
        time.advance(Duration.ofHours(2));
        machines.put("m5", machine("m5", "High"));
        DeliveryLoop second = new DeliveryLoop(machinesSource(state));
        second.commit(first.committed());
        second.drain(10);
        assertThat(second.delivered()).extracting(SourceRecord::naturalId).containsExactly("m5");
    }

    @Test
    void withoutTheBaselineARestartEmitsEverythingOnce() throws Exception {
        for (int i = 0; i < 12; i++) {
            machines.put("m" + i, machine("m" + i, "Low"));
        }
        DeliveryLoop first = new DeliveryLoop(machinesSource(null));
        first.drain(10);
        sources.close();
        sources = null;
        time.advance(Duration.ofHours(2));
        DeliveryLoop second = new DeliveryLoop(machinesSource(null));
        second.commit(first.committed());
        second.drain(10);
        // Same content, same version: the store keeps one event per machine.
        assertThat(second.deliveredKeys()).containsExactlyInAnyOrderElementsOf(first.deliveredKeys());
    }
}
