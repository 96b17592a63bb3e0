package org.defenderconnector.app.server;

import org.defenderconnector.app.server.api.ApiServer;
import org.defenderconnector.app.server.integrations.IntegrationInput;
import org.defenderconnector.app.server.integrations.IntegrationService;
import org.defenderconnector.app.server.integrations.IntegrationView;
import org.defenderconnector.app.server.security.Principal;
import org.defenderconnector.app.server.security.Role;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A running server: its URL, the one-time admin password, in-process integration registration, stop. */
public final class ServerHandle implements AutoCloseable {
    /** The actor recorded in the audit log for changes made in-process (the demo command). */
    private static final Principal SYSTEM = new Principal("system", Role.ADMIN, null);

    private final URI consoleUrl;
    private final int port;
    private final String initialAdminPassword;
    private final IntegrationService integrations;
    private final List<AutoCloseable> closeInOrder;
    private final List<ApiServer.Route> routes;

    ServerHandle(URI consoleUrl, int port, String initialAdminPassword, IntegrationService integrations,
                 List<ApiServer.Route> routes, List<AutoCloseable> closeInOrder) {
        this.consoleUrl = consoleUrl;
        this.port = port;
        this.initialAdminPassword = initialAdminPassword;
        this.integrations = integrations;
        this.closeInOrder = new ArrayList<>(closeInOrder);
        this.routes = List.copyOf(routes);
    }

    /** Every route the server answers (method, path, role): the OpenAPI document describes each. */
    public List<ApiServer.Route> routes() {
        return routes;
    }

    /** e.g. {@code http://127.0.0.1:8080/} */
    public URI consoleUrl() {
        return consoleUrl;
    }

    public int port() {
        return port;
    }

    /**
     * The first admin's generated password, when this start created it (it was also printed once);
     * empty when users existed already or the password came from the environment.
     */
    public Optional<String> initialAdminPassword() {
        return Optional.ofNullable(initialAdminPassword);
    }

    /** Creates or replaces an integration and activates it when asked; audited as "system". */
    public IntegrationView registerIntegration(IntegrationInput input, boolean activate) {
        return integrations.register(input, activate, SYSTEM);
    }

    public IntegrationService integrations() {
        return integrations;
    }

    /** Stops serving, stops collection (batches in flight finish), and closes the stores. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (AutoCloseable closeable : closeInOrder) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping the server failed: " + e.getMessage(), e);
                }
            }
        }
        closeInOrder.clear();
        if (first != null) {
            throw first;
        }
    }
}
