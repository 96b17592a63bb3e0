package org.defenderconnector.app.demo;

import org.defenderconnector.app.emulator.RunningEmulator;
import org.defenderconnector.app.emulator.RunningStreaming;
import org.defenderconnector.app.server.Server;
import org.defenderconnector.app.server.ServerHandle;
import org.defenderconnector.app.server.ServerOptions;
import org.defenderconnector.app.server.integrations.IntegrationInput;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.engine.config.ConnectorConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's web console: a server over the demo's store with the emulator registered as an
 * integration. The server's own database (users, integrations) is the demo's and is made anew each
 * run, because the emulator listens on a new port each time and the one-time admin password is only
 * printed when the admin user is created.
 */
final class DemoServer {
    private DemoServer() {
    }

    static ServerHandle start(RunningEmulator running, ConnectorConfig config, PrintStream out) throws IOException {
        Path data = config.store().path().toAbsolutePath().getParent();
        Files.deleteIfExists(data.resolve("server.db"));
        ServerHandle server = Server.start(ServerOptions.defaults(data).withBind("127.0.0.1", 0).withOut(out));
        try {
            IntegrationInput demo = IntegrationInput.ofSecret("demo", DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID,
                            Files.readString(running.secretFile()).strip(), RunningEmulator.DEMO_STREAMS)
                    .withCustomEndpoint(running.emulator().baseUrl(), Files.readString(running.emulator().caCertificatePath()));
            if (running.streaming().isPresent()) {
                // Azurite's own endpoints are in its connection string, as for a private endpoint.
                demo = demo.withStorageConnectionString(Files.readString(running.streaming().get().connectionStringFile()).strip(),
                        RunningStreaming.QUEUE);
            }
            server.registerIntegration(demo, true);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
