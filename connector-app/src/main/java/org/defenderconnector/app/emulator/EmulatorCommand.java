package org.defenderconnector.app.emulator;

import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code defender-connector emulator}: runs the Entra + Defender + Graph emulator so anyone can try
 * the product, or test their own pipeline, without a tenant. Writes a ready connector configuration.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Runs the Microsoft Entra ID + Defender for Endpoint + Defender XDR + Graph emulator over HTTPS "
                + "on loopback, until interrupted (Ctrl-C).",
                "Writes into --dir: the CA certificate to trust (ca.pem), the demo app's secret (demo-client-secret.txt, "
                        + "mode 0600) and a connector configuration for it (connector.yaml).",
                "With --streaming it also runs Azurite (the Azure Storage emulator, from npm) and streams advanced hunting "
                        + "records into it as Defender's Streaming API does (hourly append blobs announced in a queue); "
                        + "connector.yaml then also reads them (storage section, stream streaming-storage)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped", "2:bad option value", "3:Azurite (for --streaming) is not installed, or could not start"})
public final class EmulatorCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Emulator configuration (tenants, apps, grants); default: the demo tenant")
    Path config;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free port)")
    int port;

    @Option(names = "--dir", defaultValue = ".emulator", paramLabel = "DIR", description = "Where to write ca.pem and connector.yaml (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--streaming", description = "Also play the Streaming API into Azurite (needs Azurite: "
            + RunningStreaming.INSTALL_AZURITE + ", from the repository root)")
    boolean streaming;

    @Option(names = "--rate", paramLabel = "N",
            description = "With --streaming: records per second, over DeviceNetworkEvents, DeviceProcessEvents and "
                    + "DeviceFileEvents (default: " + DEFAULT_RATE + "; 0: none)")
    Integer rate;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            description = "With --streaming: also publish the records to this Kafka broker as Event Hubs messages ({\"records\":[...]})")
    String kafkaBootstrap;

    @Option(names = "--kafka-topic", defaultValue = RunningStreaming.QUEUE, paramLabel = "TOPIC",
            description = "With --kafka-bootstrap: the topic, standing in for the Event Hub (default: ${DEFAULT-VALUE}; "
                    + "it must exist unless the broker creates topics)")
    String kafkaTopic;

    private static final int DEFAULT_RATE = 100;

    private final PrintStream out;
    private final PrintStream err;
    private final Consumer<RunningEmulator> whileRunning;

    public EmulatorCommand() {
        this(System.out, System.err, running -> awaitShutdown());
    }

    EmulatorCommand(PrintStream out) {
        this(out, System.err, running -> awaitShutdown());
    }

    /** @param whileRunning what to do while everything runs (the command: wait for Ctrl-C; tests: use it) */
    EmulatorCommand(PrintStream out, PrintStream err, Consumer<RunningEmulator> whileRunning) {
        this.out = out;
        this.err = err;
        this.whileRunning = whileRunning;
    }

    @Override
    public Integer call() throws Exception {
        if (!streaming && (kafkaBootstrap != null || rate != null)) {
            err.println("emulator: --rate and --kafka-bootstrap go with --streaming");
            return 2;
        }
        int perSecond = rate == null ? DEFAULT_RATE : rate;
        if (perSecond < 0) {
            err.println("emulator: --rate " + perSecond + " is negative; give records per second, 0 or more");
            return 2;
        }
        if (streaming && !RunningStreaming.azuriteInstalled()) {
            err.println("emulator: --streaming needs Azurite (the Azure Storage emulator, from npm), which is not installed"
                    + " (no node_modules/azurite above " + Path.of("").toAbsolutePath() + ").");
            err.println("From the repository root run: " + RunningStreaming.INSTALL_AZURITE);
            return 3;
        }
        EmulatorConfig emulatorConfig = config == null ? EmulatorConfig.demo() : EmulatorConfig.load(config);
        RunningStreaming streamingPart = streaming ? RunningStreaming.start(dir, perSecond, kafkaBootstrap, kafkaTopic) : null;
        try (RunningEmulator running = RunningEmulator.start(emulatorConfig,
                EmulatorOptions.defaults().withPort(port).withDirectory(dir.toAbsolutePath()), dir, streamingPart)) {
            Emulator emulator = running.emulator();
            out.println("Emulator listening on " + emulator.baseUrl());
            out.println("  trust this CA:        " + emulator.caCertificatePath());
            if (config == null) {
                out.println("  demo tenant:          " + running.tenantId());
                out.println("  demo client id:       " + running.clientId());
                out.println("  client secret file:   " + running.secretFile());
                out.println("  connector config:     " + running.connectorConfig());
                out.println("Try: ./defender-connector check --tenant " + running.tenantId() + " --client-id " + running.clientId()
                        + " --secret-file " + running.secretFile() + " --endpoint-base " + emulator.baseUrl()
                        + " --allow-custom-endpoints --ca-cert " + emulator.caCertificatePath());
            }
            if (streamingPart != null) {
                printStreaming(streamingPart, running);
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            whileRunning.accept(running);
        }
        return 0;
    }

    private void printStreaming(RunningStreaming part, RunningEmulator running) {
        out.println("Streaming API into Azurite:");
        out.println("  blob endpoint:        " + part.azurite().blobEndpoint());
        out.println("  queue:                " + part.azurite().queueEndpoint() + "/" + RunningStreaming.QUEUE);
        out.println("  records per second:   " + (int) part.rate());
        out.println("  connection string:    " + part.connectionStringFile() + " (mode 0600)");
        if (part.kafkaTopic() != null) {
            out.println("  Kafka:                topic " + part.kafkaTopic() + " on " + kafkaBootstrap);
        }
        out.println("Collect it: ./defender-connector run --config " + running.connectorConfig() + " [--once]");
    }

    private static void awaitShutdown() {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
