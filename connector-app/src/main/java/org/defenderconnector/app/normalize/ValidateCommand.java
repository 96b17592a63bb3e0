package org.defenderconnector.app.normalize;

import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code defender-connector validate}: checks OCSF NDJSON against the OCSF 1.8.0 schema. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates OCSF events (NDJSON, one event per line) against OCSF 1.8.0 and reports every violation "
                + "with its line number and attribute path.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every event is valid", "1:some events are invalid", "2:usage error"})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "NDJSON file of OCSF events, or - (default) for stdin")
    String file = "-";

    private final PrintStream out;

    public ValidateCommand() {
        this(System.out);
    }

    ValidateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Reader reader;
        if (file.equals("-")) {
            reader = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        } else if (Files.isReadable(Path.of(file))) {
            reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } else {
            out.println("validate: cannot read " + file);
            return 2;
        }
        var summary = OcsfValidator.standard().validateLines(reader, line -> {
            for (Violation violation : line.result().violations()) {
                out.println("line " + line.lineNumber() + ": " + violation);
            }
        });
        out.println(summary.events() + " events, " + summary.invalidEvents() + " invalid");
        return summary.allValid() ? 0 : 1;
    }
}
