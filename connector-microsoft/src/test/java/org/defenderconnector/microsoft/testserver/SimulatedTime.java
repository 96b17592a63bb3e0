package org.defenderconnector.microsoft.testserver;

import org.defenderconnector.microsoft.http.Pause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when told to or when someone pauses on it: time passes without waiting. */
public final class SimulatedTime extends Clock implements Pause {
    private volatile Instant now;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    public SimulatedTime(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    @Override
    public void pause(Duration duration) {
        pauses.add(duration);
        advance(duration);
    }

    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
