package org.defenderconnector.app.onboarding;

import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.onboarding.CheckReport;
import org.defenderconnector.microsoft.onboarding.CheckReportFormat;
import org.defenderconnector.microsoft.onboarding.CheckRequest;
import org.defenderconnector.microsoft.onboarding.CheckRunner;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code defender-connector check}: is this app registration ready for these streams? Gets a token
 * per API, decodes its permissions, and makes one cheap read per stream; every failure names its
 * cause and fix. The secret is read from an environment variable or a file, never from an argument
 * (arguments end up in shell history and in {@code ps}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks an app registration's credential and permissions for the requested streams.",
                "One line per check (PASS/FAIL/SKIP) with cause and fix below failures, then a summary."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every requested stream will work", "1:a check failed", "2:usage error"})
public final class CheckCommand implements Callable<Integer> {
    static final String DEFAULT_STREAMS = "alerts,machines,incidents";

    @Option(names = "--tenant", required = true, paramLabel = "TENANT",
            description = "Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com")
    String tenant;

    @Option(names = "--client-id", required = true, paramLabel = "GUID", description = "Application (client) ID")
    String clientId;

    @Mixin
    CredentialOptions credentials;

    @Mixin
    EndpointOptions endpoints;

    @Option(names = "--streams", paramLabel = "a,b", defaultValue = DEFAULT_STREAMS,
            description = "Streams that must work (default: ${DEFAULT-VALUE}); 'all' for every stream. Known: "
                    + "alerts, machines, machine-actions, vulnerabilities, software, scores, incidents, xdr-incidents, "
                    + "graph-alerts, hunting, indicators")
    String streams;

    @Option(names = "--json", description = "Print the report as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final Function<String, String> environment;

    public CheckCommand() {
        this(System.out, System::getenv);
    }

    /** For tests: where to print and how to read environment variables. */
    CheckCommand(PrintStream out, Function<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CheckRequest request;
        try {
            request = new CheckRequest(tenant, clientId, credential(), endpoints.endpoints(), endpoints.tls(),
                    DefenderStream.parseList(streams));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "check: " + e.getMessage());
        }
        return run(request, out, json);
    }

    /**
     * Runs the check and prints the report; for the demo and other callers that build the request themselves.
     *
     * @return 0 when every requested stream will work, 1 otherwise
     */
    public static int run(CheckRequest request, PrintStream out, boolean json) {
        CheckReport report = new CheckRunner().run(request);
        out.print(json ? CheckReportFormat.json(report) : CheckReportFormat.text(report));
        out.flush();
        return report.ok() ? 0 : 1;
    }

    private ClientCredential credential() {
        return credentials.credential(environment);
    }
}
