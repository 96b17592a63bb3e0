package org.defenderconnector.emulator.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.defenderconnector.emulator.tls.SelfSignedCertificate;

/**
 * Azurite (Microsoft's Azure Storage emulator, from npm) running its blob and queue services on free
 * loopback ports: over HTTP with shared key and SAS ({@link #start}), or over HTTPS also accepting Entra ID
 * bearer tokens ({@link #startWithOAuth}). The {@code node} processes are started directly, not through npx
 * or the bin wrappers, so that {@link #close()} stops the servers themselves.
 *
 * <p>Install: {@value #NPM_INSTALL} (into the repository root, giving {@code node_modules/azurite}).
 */
public final class AzuriteProcess implements AutoCloseable {
    public static final String NPM_INSTALL = "npm install --no-save --no-audit --no-fund --prefix <repo> azurite@3.35.0";
    /** Azurite's built-in development account; its key is public (Azurite documentation), not a secret. */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /** File names of the TLS identity {@link #startWithOAuth} writes into the data directory. */
    public static final String CERTIFICATE_FILE = "azurite-tls-certificate.pem";
    public static final String PRIVATE_KEY_FILE = "azurite-tls-private-key.pem";

    private final List<Process> processes;
    private final int blobPort;
    private final int queuePort;
    /** The certificate Azurite serves HTTPS with, or null when it serves plain HTTP. */
    private final Path certificate;
    /** Stops the node processes if the JVM ends (Ctrl-C, SIGTERM) before close(): no server outlives us. */
    private final Thread stopOnExit;

    private AzuriteProcess(List<Process> processes, int blobPort, int queuePort, Path certificate) {
        this.processes = processes;
        this.blobPort = blobPort;
        this.queuePort = queuePort;
        this.certificate = certificate;
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
        return start(nodeModules, dataDir, null);
    }

    /**
     * Starts blob and queue services that also accept Entra ID bearer tokens ({@code --oauth basic}), which
     * Azurite only does over HTTPS. A fresh self-signed certificate for {@code 127.0.0.1} and {@code localhost}
     * is written into {@code dataDir} ({@value #CERTIFICATE_FILE}); clients trust it through
     * {@link #caCertificatePath()}. Azurite's basic OAuth checks a token's issuer (an Entra {@code sts} host),
     * audience (Azure Storage) and lifetime, not its signature or any role. Shared key and SAS keep working.
     */
    public static AzuriteProcess startWithOAuth(Path nodeModules, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            SelfSignedCertificate identity = SelfSignedCertificate.generate("azurite (defender-connector tests)",
                    Duration.ofDays(30), SelfSignedCertificate.Purpose.TLS_SERVER, List.of("localhost"),
                    List.of("127.0.0.1"));
            Path certificate = dataDir.resolve(CERTIFICATE_FILE);
            Path key = dataDir.resolve(PRIVATE_KEY_FILE);
            Files.writeString(certificate, identity.certificatePem(), StandardCharsets.US_ASCII);
            Files.writeString(key, identity.privateKeyPem(), StandardCharsets.US_ASCII);
            return start(nodeModules, dataDir, new Tls(certificate, key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write Azurite's TLS certificate: " + e.getMessage(), e);
        }
    }

    /** As {@link #startWithOAuth(Path, Path)} from the installation {@link #findInstallation()} finds. */
    public static AzuriteProcess startWithOAuth(Path dataDir) {
        return startWithOAuth(installation(), dataDir);
    }

    private record Tls(Path certificate, Path privateKey) {
        List<String> arguments() {
            return List.of("--oauth", "basic", "--cert", certificate.toString(), "--key", privateKey.toString());
        }
    }

    private static AzuriteProcess start(Path nodeModules, Path dataDir, Tls tls) {
        if (!Files.isRegularFile(blobMain(nodeModules))) {
            throw new IllegalStateException("Azurite is not installed under " + nodeModules + "; run: " + NPM_INSTALL);
        }
        List<Process> started = new ArrayList<>();
        try {
            Files.createDirectories(dataDir);
            int blobPort = freePort();
            int queuePort = freePort();
            List<String> security = tls == null ? List.of() : tls.arguments();
            started.add(launch(command(List.of("node", blobMain(nodeModules).toString(), "--blobHost", "127.0.0.1",
                    "--blobPort", Integer.toString(blobPort), "-l", dataDir.resolve("blob").toString()), security),
                    dataDir.resolve("blob.log")));
            started.add(launch(command(List.of("node", queueMain(nodeModules).toString(), "--queueHost", "127.0.0.1",
                    "--queuePort", Integer.toString(queuePort), "-l", dataDir.resolve("queue").toString()), security),
                    dataDir.resolve("queue.log")));
            awaitListening(blobPort, started.get(0), dataDir.resolve("blob.log"));
            awaitListening(queuePort, started.get(1), dataDir.resolve("queue.log"));
            return new AzuriteProcess(started, blobPort, queuePort, tls == null ? null : tls.certificate());
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
        return start(installation(), dataDir);
    }

    private static Path installation() {
        return findInstallation().orElseThrow(() -> new IllegalStateException(
                "Azurite is not installed (no node_modules/azurite above " + Paths.get("").toAbsolutePath()
                        + "); run from the repository root: " + NPM_INSTALL));
    }

    private static List<String> command(List<String> service, List<String> security) {
        List<String> command = new ArrayList<>(service);
        command.addAll(List.of("--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose"));
        command.addAll(security);
        return command;
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

    private String scheme() {
        return certificate == null ? "http" : "https";
    }

    public String blobEndpoint() {
        return scheme() + "://127.0.0.1:" + blobPort + "/" + ACCOUNT;
    }

    public String queueEndpoint() {
        return scheme() + "://127.0.0.1:" + queuePort + "/" + ACCOUNT;
    }

    /** The PEM certificate to trust for HTTPS when started {@link #startWithOAuth with OAuth}; empty for HTTP. */
    public Optional<Path> caCertificatePath() {
        return Optional.ofNullable(certificate);
    }

    /** A connection string for the development account (its key is Azurite's public default). */
    public String connectionString() {
        return "DefaultEndpointsProtocol=" + scheme() + ";AccountName=" + ACCOUNT + ";AccountKey=" + ACCOUNT_KEY
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
