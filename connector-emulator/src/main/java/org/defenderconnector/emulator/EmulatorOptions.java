package org.defenderconnector.emulator;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How to run the emulator.
 *
 * @param host      address to bind; {@code 127.0.0.1} by default (admin endpoints only answer loopback callers)
 * @param port      TCP port; 0 picks a free one
 * @param directory where to write the TLS certificate PEM; null = a fresh temporary directory, removed on close
 * @param clock     the emulator's clock (token times, expiry checks); tests may move it forward
 */
public record EmulatorOptions(String host, int port, Path directory, Clock clock) {

    public EmulatorOptions {
        host = host == null ? "127.0.0.1" : host;
        clock = clock == null ? Clock.systemUTC() : clock;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
    }

    /** 127.0.0.1, a free port, a temporary directory, the system clock. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions("127.0.0.1", 0, null, Clock.systemUTC());
    }

    public EmulatorOptions withHost(String newHost) {
        return new EmulatorOptions(newHost, port, directory, clock);
    }

    public EmulatorOptions withPort(int newPort) {
        return new EmulatorOptions(host, newPort, directory, clock);
    }

    public EmulatorOptions withDirectory(Path newDirectory) {
        return new EmulatorOptions(host, port, newDirectory, clock);
    }

    public EmulatorOptions withClock(Clock newClock) {
        return new EmulatorOptions(host, port, directory, newClock);
    }
}
