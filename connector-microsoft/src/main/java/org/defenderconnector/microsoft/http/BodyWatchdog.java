package org.defenderconnector.microsoft.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * java.net.http has a timeout for the response headers but none for the body: a server that stops
 * sending mid-page would block a poll forever. The watchdog closes a body that has been silent for
 * longer than the idle timeout while someone waits on it; the blocked read then fails and the
 * request is retried like any broken body.
 */
final class BodyWatchdog implements AutoCloseable {
    private final long idleNanos;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    BodyWatchdog(Duration idleTimeout) {
        this.idleNanos = idleTimeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-body-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, idleTimeout.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    InputStream watch(InputStream body) {
        Watched w = new Watched(body);
        watched.add(w);
        return w;
    }

    private void check() {
        long now = System.nanoTime();
        for (Watched w : watched) {
            if (w.reading > 0 && now - w.lastActivity > idleNanos) {
                w.stall();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class Watched extends FilterInputStream {
        volatile long lastActivity = System.nanoTime();
        volatile int reading;
        volatile boolean stalled;

        Watched(InputStream in) {
            super(in);
        }

        void stall() {
            stalled = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // The reader sees the failure; nothing more to report here.
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (stalled) {
                throw stalledException();
            }
            lastActivity = System.nanoTime();
            reading++;
            try {
                int n = in.read(b, off, len);
                lastActivity = System.nanoTime();
                return n;
            } catch (IOException e) {
                if (stalled) {
                    throw stalledException();
                }
                throw e;
            } finally {
                reading--;
            }
        }

        private StalledBodyException stalledException() {
            return new StalledBodyException("the response body stalled for more than "
                    + Duration.ofNanos(idleNanos).toSeconds() + " s");
        }

        @Override
        public void close() throws IOException {
            watched.remove(this);
            super.close();
        }
    }
}
