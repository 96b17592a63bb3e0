package org.defenderconnector.emulator.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Azurite (Microsoft's Azure Storage emulator, from npm) running its blob and queue services on free
 * loopback ports. The {@code node} processes are started directly, not through npx or the bin wrappers,
 * so that {@link #close()} stops the servers themselves.
 *
 * <p>Install: {@value #NPM_INSTALL} (into the repository root, giving {@code node_modules/azurite}).
 */
public final class AzuriteProcess implements AutoCloseable {
    public static final String NPM_INSTALL = "npm install --no-save --no-audit --no-fund --prefix <repo> azurite@3.35.0";
    /** Azurite's built-in development account; its key is public (Azurite documentation), not a secret. */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final List<Process> processes;
    private final int blobPort;
    private final int queuePort;
    /** Stops the node processes if the JVM ends (Ctrl-C, SIGTERM) before close(): no server outlives us. */
    private final Thread stopOnExit;

    private AzuriteProcess(List<Process> processes, int blobPort, int queuePort) {
        this.processes = processes;
        this.blobPort = blobPort;
        this.queuePort = queuePort;
        this.stopOnExit = new Thread(() -> processes.forEach(Process::destroy), "azurite-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Finds {@code node_modules/azurite}: the system property {@code azurite.home} or the environment
     * variable {@code AZURITE_HOME} (a node_modules directory), else the nearest {@code node_modules} above
     * the working directory that holds azurite.
     */
    public static Optional<Path> findInstallation() {
        String configured = System.getProperty("azurite.home", System.getenv("AZURITE_HOME"));
        if (configured != null && !configured.isBlank()) {
            Path home = Paths.get(configured);
            return Files.isRegularFile(blobMain(home)) ? Optional.of(home) : Optional.empty();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path modules = dir.resolve("node_modules");
            if (Files.isRegularFile(blobMain(modules))) {
                return Optional.of(modules);
            }
        }
        return Optional.empty();
    }

    private static Path blobMain(Path nodeModules) {
        return nodeModules.resolve("azurite/dist/src/blob/main.js");
    }

    private static Path queueMain(Path nodeModules) {
        return nodeModules.resolve("azurite/dist/src/queue/main.js");
    }

    /**
     * Starts blob and queue services with their data in {@code dataDir}; returns once both accept connections.
     *
     * @throws IllegalStateException when Azurite or node is missing, naming the command that installs it
     */
    public static AzuriteProcess start(Path nodeModules, Path dataDir) {
        if (!Files.isRegularFile(blobMain(nodeModules))) {
            throw new IllegalStateException("Azurite is not installed under " + nodeModules + "; run: " + NPM_INSTALL);
        }
        List<Process> started = new ArrayList<>();
        try {
            Files.createDirectories(dataDir);
            int blobPort = freePort();
            int queuePort = freePort();
            started.add(launch(List.of("node", blobMain(nodeModules).toString(), "--blobHost", "127.0.0.1",
                    "--blobPort", Integer.toString(blobPort), "-l", dataDir.resolve("blob").toString(), "--silent",
                    "--disableTelemetry", "--skipApiVersionCheck", "--loose"), dataDir.resolve("blob.log")));
            started.add(launch(List.of("node", queueMain(nodeModules).toString(), "--queueHost", "127.0.0.1",
                    "--queuePort", Integer.toString(queuePort), "-l", dataDir.resolve("queue").toString(), "--silent",
                    "--disableTelemetry", "--skipApiVersionCheck", "--loose"), dataDir.resolve("queue.log")));
            awaitListening(blobPort, started.get(0), dataDir.resolve("blob.log"));
            awaitListening(queuePort, started.get(1), dataDir.resolve("queue.log"));
            return new AzuriteProcess(started, blobPort, queuePort);
        } catch (IOException | RuntimeException e) {
            started.forEach(AzuriteProcess::stop);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("could not start Azurite (is node on the PATH?): " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Starts from the installation {@link #findInstallation()} finds. */
    public static AzuriteProcess start(Path dataDir) {
        return start(findInstallation().orElseThrow(() -> new IllegalStateException(
                "Azurite is not installed (no node_modules/azurite above " + Paths.get("").toAbsolutePath()
                        + "); run from the repository root: " + NPM_INSTALL)), dataDir);
    }

    private static Process launch(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Azurite exited with code " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Azurite", e);
                }
            }
        }
        throw new IllegalStateException("Azurite did not listen on 127.0.0.1:" + port + " within 30 s; see " + log);
    }

    public String blobEndpoint() {
        return "http://127.0.0.1:" + blobPort + "/" + ACCOUNT;
    }

    public String queueEndpoint() {
        return "http://127.0.0.1:" + queuePort + "/" + ACCOUNT;
    }

    /** A connection string for the development account (its key is Azurite's public default). */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=" + blobEndpoint() + ";QueueEndpoint=" + queueEndpoint() + ";";
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        processes.forEach(AzuriteProcess::stop);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: nothing left to undo.
        }
    }
}
