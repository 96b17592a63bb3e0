package org.defenderconnector.app;

import picocli.CommandLine;

/** Maps exceptions escaping a command to exit codes: configuration problems are 2, the rest 3. */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    static final int OK = 0;
    static final int FOUND_PROBLEM = 1;
    static final int USAGE = 2;
    static final int ENVIRONMENT = 3;

    @Override
    public int getExitCode(Throwable exception) {
        return exception instanceof IllegalArgumentException ? USAGE : ENVIRONMENT;
    }
}
