package org.defenderconnector.streaming.testing;

import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Azurite (blob + queue, real node processes on free loopback ports) for the whole test run, stopped
 * when the run ends. Azurite missing is a failure, not a skip: CI installs it, and a developer is told how.
 */
public final class AzuriteExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AzuriteExtension.class);

    private AzuriteProcess azurite;

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("azurite", key -> start(),
                Running.class);
        azurite = running.process;
    }

    private static Running start() {
        if (AzuriteProcess.findInstallation().isEmpty()) {
            throw new IllegalStateException("Azurite is needed by the streaming tests and is not installed. From the"
                    + " repository root run: npm install --no-save --no-audit --no-fund --prefix . azurite@3.35.0");
        }
        try {
            Path data = Files.createTempDirectory("azurite");
            return new Running(AzuriteProcess.start(data));
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
