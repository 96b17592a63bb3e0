package org.defenderconnector.app.onboarding;

import org.defenderconnector.microsoft.onboarding.ConsentUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code defender-connector consent-url}: the link a customer's Global Administrator opens to consent
 * to a multi-tenant app (all its application permissions at once) in their tenant.
 */
@Command(name = "consent-url", mixinStandardHelpOptions = true,
        description = {"Prints the admin-consent URL of a multi-tenant app for a customer tenant.",
                "A Global Administrator (or Privileged Role Administrator) of that tenant opens it and accepts."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:printed", "2:usage error"})
public final class ConsentUrlCommand implements Callable<Integer> {
    @Option(names = "--client-id", required = true, paramLabel = "GUID", description = "The app's Application (client) ID")
    String clientId;

    @Option(names = "--tenant", paramLabel = "TENANT",
            description = "The customer's tenant ID or domain (default: 'common', the admin's own tenant)")
    String tenant;

    @Mixin
    EndpointOptions endpoints;

    @Option(names = "--json", description = "Print {\"url\": ...} as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    public ConsentUrlCommand() {
        this(System.out);
    }

    ConsentUrlCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        URI url;
        try {
            url = ConsentUrl.forApp(endpoints.endpoints(), clientId, Optional.ofNullable(tenant));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "consent-url: " + e.getMessage());
        }
        if (json) {
            out.println(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("url", url.toString()));
        } else {
            out.println(url);
            out.println();
            out.println("Send this link to a Global Administrator of " + (tenant == null ? "the customer's tenant" : tenant)
                    + ". After they accept, the app has a service principal there with every application permission");
            out.println("it requests; then run: defender-connector check --tenant <their tenant> --client-id " + clientId.strip()
                    + " --secret-env NAME");
        }
        out.flush();
        return 0;
    }
}
