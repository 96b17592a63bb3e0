package org.defenderconnector.app.demo;

import org.defenderconnector.app.emulator.RunningEmulator;
import org.defenderconnector.app.emulator.RunningStreaming;
import org.defenderconnector.app.onboarding.CheckCommand;
import org.defenderconnector.app.server.ServerHandle;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.onboarding.CheckRequest;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code defender-connector demo}: the product end to end without a tenant. Starts the emulator with
 * its demo tenant and app, then runs the same credential check a user runs against Microsoft.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the emulator (a demo Entra tenant with an app granted every permission and generated "
                + "Defender data), runs the credential and permission check against it as you would against Microsoft, "
                + "then collects every stream once into the store and prints what arrived per stream and per OCSF class.",
                "Running it again collects only what is new.",
                "Finally it starts the web console with the emulator's integration registered and prints its URL and a "
                        + "one-time admin password; on a terminal it keeps running until Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = ".emulator", paramLabel = "DIR",
            description = "Working directory for the emulator's CA, the demo secret file and the store (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--no-server", description = "Do not start the web console at the end")
    boolean noServer;

    /** Streaming API records a second in the demo: enough to see blobs grow, little for a laptop. */
    private static final double STREAMING_RATE = 50;

    private final PrintStream out;
    private String streamingSkipped;

    public DemoCommand() {
        this(System.out);
    }

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        RunningStreaming streaming = startStreaming();
        try (RunningEmulator running = RunningEmulator.start(EmulatorConfig.demo(),
                EmulatorOptions.defaults().withDirectory(dir.toAbsolutePath()), dir, streaming)) {
            out.println("== Emulator");
            out.println("Started at " + running.emulator().baseUrl() + " (demo tenant " + running.tenantId() + ")");
            out.println(streaming != null
                    ? "Streaming API: Azurite at " + streaming.azurite().blobEndpoint() + ", " + (int) STREAMING_RATE
                            + " records/s appended to hourly PT1H.json blobs, each new blob announced in queue "
                            + RunningStreaming.QUEUE + " (stream streaming-storage)"
                    : "Streaming API: " + streamingSkipped);
            out.println();
            out.println("== Credential and permission check");
            CheckRequest request = new CheckRequest(DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID,
                    ClientSecret.of(Files.readString(running.secretFile()).strip()),
                    Endpoints.custom(URI.create(running.emulator().baseUrl()), true),
                    TlsTrust.withExtraCa(running.emulator().caCertificatePath()),
                    streams());
            int exit = CheckCommand.run(request, out, false);
            if (exit != 0) {
                return exit;
            }
            out.println();
            out.println("== Collection into the store");
            ConnectorConfig config = ConfigLoader.load(running.connectorConfig());
            boolean allOk = DemoCollection.run(config, out);
            out.println();
            out.println("Connector configuration for this emulator: " + running.connectorConfig());
            out.println("Run the demo again: only what is new since this run is collected.");
            if (noServer) {
                return allOk ? 0 : 1;
            }
            out.println();
            out.println("== Web console");
            try (ServerHandle server = DemoServer.start(running, config, out)) {
                out.println("Integration 'demo' (the emulator's tenant) is registered and collecting"
                        + (streaming != null ? ", the Streaming API included." : "."));
                if (System.console() != null) {
                    out.println("Open " + server.consoleUrl() + " and sign in as admin. Press Ctrl-C to stop.");
                    out.flush();
                    CountDownLatch stop = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                    stop.await();
                }
            }
            return allOk ? 0 : 1;
        }
    }

    /**
     * The Streaming API part when Azurite is installed (the tests and {@code .ci/run} install it into the build
     * tree); the demo works without it and says how to add it.
     */
    private RunningStreaming startStreaming() {
        if (!RunningStreaming.azuriteInstalled()) {
            streamingSkipped = "skipped: Azurite (the Azure Storage emulator, from npm) is not installed; from the"
                    + " repository root run " + RunningStreaming.INSTALL_AZURITE + " and run the demo again";
            return null;
        }
        try {
            return RunningStreaming.start(dir, STREAMING_RATE, null, null);
        } catch (IOException | RuntimeException e) {
            streamingSkipped = "skipped: Azurite did not start (" + e.getMessage() + ")";
            return null;
        }
    }

    private static List<DefenderStream> streams() {
        return RunningEmulator.DEMO_STREAMS.stream().map(DefenderStream::fromId).toList();
    }
}
