package org.defenderconnector.app.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code defender-connector run --config FILE} as a separate JVM (this test JVM's class path and the
 * real main class), so that it can be killed the way a machine loses a process: SIGKILL, no shutdown
 * hook, no finally block.
 */
final class ConnectorProcess {
    private final Process process;
    private final Path log;

    private ConnectorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ConnectorProcess run(Path config, Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("connector-process.log");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.defenderconnector.app.Main", "run", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ConnectorProcess(process, log);
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Linux) and returns its exit
     * status, 137 (128 + signal 9) when it died of the kill.
     */
    int kill() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + handle.pid() + " survived SIGKILL");
        }
        if (handle.isAlive()) {
            throw new AssertionError("process " + handle.pid() + " still alive after SIGKILL");
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
