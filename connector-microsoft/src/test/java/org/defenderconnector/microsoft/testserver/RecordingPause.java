package org.defenderconnector.microsoft.testserver;

import org.defenderconnector.microsoft.http.Pause;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait it is asked for and returns at once, so tests assert decisions, not timing. */
public final class RecordingPause implements Pause {
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    public void pause(Duration duration) {
        pauses.add(duration);
    }

    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    public void clear() {
        pauses.clear();
    }
}
