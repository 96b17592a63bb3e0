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

/**
 * {@code defender-connector emulator}: runs the Entra + Defender + Graph emulator so anyone can try
 * the product, or test their own pipeline, without a tenant. Writes a ready connector configuration.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Runs the Microsoft Entra ID + Defender for Endpoint + Defender XDR + Graph emulator over HTTPS "
                + "on loopback, until interrupted (Ctrl-C).",
                "Writes into --dir: the CA certificate to trust (ca.pem), the demo app's secret (demo-client-secret.txt, "
                        + "mode 0600) and a connector configuration for it (connector.yaml)."})
public final class EmulatorCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Emulator configuration (tenants, apps, grants); default: the demo tenant")
    Path config;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free port)")
    int port;

    @Option(names = "--dir", defaultValue = ".emulator", paramLabel = "DIR", description = "Where to write ca.pem and connector.yaml (default: ${DEFAULT-VALUE})")
    Path dir;

    private final PrintStream out;

    public EmulatorCommand() {
        this(System.out);
    }

    EmulatorCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        EmulatorConfig emulatorConfig = config == null ? EmulatorConfig.demo() : EmulatorConfig.load(config);
        try (RunningEmulator running = RunningEmulator.start(emulatorConfig,
                EmulatorOptions.defaults().withPort(port).withDirectory(dir.toAbsolutePath()), dir)) {
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
            out.println("Press Ctrl-C to stop.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
