package org.defenderconnector.app.e2e;

import org.defenderconnector.app.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a {@code defender-connector} command in this JVM, through the same command line as the real
 * executable, and captures what it prints. The commands take {@code System.out} when they are
 * created, so it is swapped only around their creation and execution.
 */
final class Cli {
    record Result(int exitCode, String out) {
    }

    private Cli() {
    }

    static synchronized Result run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int exit = Main.commandLine().execute(args);
            return new Result(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
