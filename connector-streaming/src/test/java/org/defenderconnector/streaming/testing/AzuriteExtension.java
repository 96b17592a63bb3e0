package org.defenderconnector.streaming.testing;

import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Azurite (blob + queue, real node processes on free loopback ports) for the whole test run, stopped
 * when the run ends. Azurite missing is a failure, not a skip: CI installs it, and a developer is told how.
 *
 * <p>{@link #withOAuth()} is a second, separate Azurite serving HTTPS with a self-signed certificate
 * ({@link AzuriteProcess#caCertificatePath()}) and accepting Entra ID bearer tokens, for the tests of
 * {@code auth: entra}; it is started only by the test classes that ask for it.
 */
public final class AzuriteExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AzuriteExtension.class);

    private final boolean oauth;
    private AzuriteProcess azurite;

    /** Plain HTTP; shared key, SAS and connection strings. */
    public AzuriteExtension() {
        this(false);
    }

    private AzuriteExtension(boolean oauth) {
        this.oauth = oauth;
    }

    /** HTTPS with OAuth (Azurite's {@code --oauth basic}); shared key still works on it. */
    public static AzuriteExtension withOAuth() {
        return new AzuriteExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                oauth ? "azurite-oauth" : "azurite", key -> start(oauth), Running.class);
        azurite = running.process;
    }

    private static Running start(boolean oauth) {
        if (AzuriteProcess.findInstallation().isEmpty()) {
            throw new IllegalStateException("Azurite is needed by the streaming tests and is not installed. From the"
                    + " repository root run: npm install --no-save --no-audit --no-fund --prefix . azurite@3.35.0");
        }
        try {
            Path data = Files.createTempDirectory(oauth ? "azurite-oauth" : "azurite");
            return new Running(oauth ? AzuriteProcess.startWithOAuth(data) : AzuriteProcess.start(data));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public AzuriteProcess azurite() {
        return azurite;
    }

    /** Closed by JUnit when the root context closes, i.e. at the end of the run. */
    private record Running(AzuriteProcess process) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }
}
