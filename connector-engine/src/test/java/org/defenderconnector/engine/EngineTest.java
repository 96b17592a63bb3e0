package org.defenderconnector.engine;

import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {
    @TempDir
    Path dir;

    @Test
    void pollsAgainAtOnceWhileThereIsMoreAndStopsCleanly() throws Exception {
        List<String> ids = IntStream.range(0, 50).mapToObj(i -> "r" + i).toList();
        StreamRunnerTest.ListSource source = new StreamRunnerTest.ListSource(ids);
        try (EventStore store = EventStore.open(dir.resolve("s.db"))) {
            Engine engine = new Engine(2, Backoff.DEFAULT);
            engine.add(new Engine.Schedule(new StreamRunner(source, new EventFactory(Normalizer.withAllMappers(), null),
                    List.of(store), store), Duration.ofHours(1)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (store.queries().count("t1", "test") < 50 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            engine.stop(Duration.ofSeconds(5));
            assertThat(store.queries().count("t1", "test")).isEqualTo(50);
            assertThat(engine.status()).singleElement()
                    .satisfies(s -> assertThat(s.state()).isEqualTo(StreamStatus.State.STOPPED));
        }
    }

    @Test
    void backoffGrowsAndStaysWithinItsCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
        for (int failures = 1; failures < 40; failures++) {
            Duration delay = backoff.delay(failures);
            assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(2)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
        assertThat(backoff.delay(30)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
