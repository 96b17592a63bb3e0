package org.defenderconnector.app;

import org.defenderconnector.app.demo.DemoCommand;
import org.defenderconnector.app.emulator.EmulatorCommand;
import org.defenderconnector.app.hunting.HuntCommand;
import org.defenderconnector.app.normalize.NormalizeCommand;
import org.defenderconnector.app.onboarding.CheckCommand;
import org.defenderconnector.app.onboarding.ConsentUrlCommand;
import org.defenderconnector.app.onboarding.PermissionsCommand;
import org.defenderconnector.app.run.DeadLettersCommand;
import org.defenderconnector.app.run.ReplayCommand;
import org.defenderconnector.app.run.RunCommand;
import org.defenderconnector.app.server.ServeCommand;
import org.defenderconnector.app.normalize.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code defender-connector} command. Exit codes: 0 success, 1 the command ran and found a
 * problem (a failed check, invalid events), 2 usage or configuration error, 3 environment error.
 */
@Command(name = "defender-connector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Connects Microsoft Defender for Endpoint and Defender XDR to your security stack.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, RunCommand.class, ReplayCommand.class, DeadLettersCommand.class, ServeCommand.class, HuntCommand.class, NormalizeCommand.class, ValidateCommand.class, EmulatorCommand.class,
                CheckCommand.class, PermissionsCommand.class, ConsentUrlCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand registered; tests execute commands through it. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
