package org.defenderconnector.app.hunting;

import org.defenderconnector.app.onboarding.CredentialOptions;
import org.defenderconnector.app.onboarding.EndpointOptions;
import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.http.TokenSourceAccess;
import org.defenderconnector.microsoft.hunting.HuntingApi;
import org.defenderconnector.microsoft.hunting.HuntingClient;
import org.defenderconnector.microsoft.hunting.HuntingOptions;
import org.defenderconnector.microsoft.hunting.HuntingResult;
import org.defenderconnector.microsoft.sources.ApiEndpoints;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code defender-connector hunt}: runs one advanced hunting query (KQL) with an app registration's
 * credentials and prints the rows, as a table or as NDJSON. Uses Microsoft Graph runHuntingQuery
 * (ThreatHunting.Read.All) unless {@code --api mde|xdr} asks for one of the retiring legacy APIs.
 * The credential options are those of {@code check}: the secret comes from an environment variable or
 * a file, never from an argument.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = {"Runs an advanced hunting query (KQL) and prints the result.",
                "Example: defender-connector hunt --tenant contoso.onmicrosoft.com --client-id <GUID> --secret-env DC_SECRET"
                        + " 'DeviceProcessEvents | where Timestamp > ago(1h) | take 20'"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the query ran", "1:the API refused or failed the query (the cause and fix are printed)",
                "2:usage error", "3:the API could not be reached"})
public final class HuntCommand implements Callable<Integer> {
    @Option(names = "--tenant", required = true, paramLabel = "TENANT",
            description = "Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com")
    String tenant;

    @Option(names = "--client-id", required = true, paramLabel = "GUID", description = "Application (client) ID")
    String clientId;

    @Mixin
    CredentialOptions credentials;

    @Mixin
    EndpointOptions endpoints;

    @Option(names = "--api", paramLabel = "API", defaultValue = "graph",
            description = "graph (default, ThreatHunting.Read.All), or the retiring mde (AdvancedQuery.Read.All) or xdr"
                    + " (AdvancedHunting.Read.All)")
    String api;

    @Option(names = "--timespan", paramLabel = "ISO8601",
            description = "Graph only: the time range, e.g. P7D or 2025-03-01T00:00:00Z/2025-03-02T00:00:00Z (Graph's default: 30 days)")
    String timespan;

    @Option(names = "--ndjson", description = "Print one JSON object per row instead of a table")
    boolean ndjson;

    @Option(names = "--max-width", paramLabel = "N", defaultValue = "48",
            description = "Widest table column; longer values are cut (default: ${DEFAULT-VALUE})")
    int maxWidth;

    @Parameters(index = "0", paramLabel = "KQL", description = "The query; '-' reads it from standard input")
    String query;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;
    private final InputStream in;

    public HuntCommand() {
        this(System.out, System.err, System::getenv, System.in);
    }

    /** For tests: where to print, how to read environment variables, and standard input. */
    HuntCommand(PrintStream out, PrintStream err, Function<String, String> environment, InputStream in) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.in = in;
    }

    @Override
    public Integer call() {
        HuntingApi huntingApi;
        ClientCredential credential;
        Endpoints resolved;
        TlsTrust tls;
        String kql;
        try {
            huntingApi = HuntingApi.parse(api);
            if (timespan != null && !huntingApi.acceptsTimespan()) {
                throw new IllegalArgumentException("--timespan is a Graph option; the " + huntingApi.id()
                        + " API always reads the last 30 days (narrow the query with a where clause instead)");
            }
            if (maxWidth < 4) {
                throw new IllegalArgumentException("--max-width must be at least 4");
            }
            kql = query.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() : query.strip();
            if (kql.isEmpty()) {
                throw new IllegalArgumentException("the query is empty");
            }
            credential = credentials.credential(environment);
            resolved = endpoints.endpoints();
            tls = endpoints.tls();
        } catch (IllegalArgumentException | IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "hunt: " + e.getMessage());
        }
        TokenSource tokens = TokenSource.create(resolved, tls, clientId, credential);
        Api audience = switch (huntingApi) {
            case GRAPH -> Api.GRAPH;
            case MDE -> Api.DEFENDER_ENDPOINT;
            case XDR -> Api.DEFENDER_XDR;
        };
        ApiEndpoints apiEndpoints = new ApiEndpoints(resolved.baseUrl(Api.DEFENDER_ENDPOINT),
                resolved.baseUrl(Api.DEFENDER_XDR), resolved.baseUrl(Api.GRAPH));
        try (ApiClient client = new ApiClient(tls.sslContext(), RateBudget.documented(tenant))) {
            HuntingClient hunting = new HuntingClient(client, huntingApi, huntingApi.uri(apiEndpoints),
                    new TokenSourceAccess(tokens, tenant, audience), HuntingClient.DEFAULT_MAX_RESPONSE_BYTES);
            HuntingResult result = hunting.run(kql, timespan);
            if (ndjson) {
                ResultTable.ndjson(result, out);
            } else {
                ResultTable.text(result, out, maxWidth);
            }
            out.flush();
            err.printf("%d row%s in %.1f s (%s)%n", result.rows().size(), result.rows().size() == 1 ? "" : "s",
                    result.executionTime().toMillis() / 1000.0, result.reported() != null ? "reported" : "measured");
            if (result.rows().size() >= HuntingOptions.SERVICE_ROW_CAP) {
                err.println("warning: the service returns at most " + HuntingOptions.SERVICE_ROW_CAP + " rows; the result"
                        + " may be cut short. Narrow it with a time filter or take.");
            }
            if (huntingApi.legacy()) {
                err.println("note: the " + huntingApi.id() + " advanced hunting API is being retired by Microsoft"
                        + " (MC1220762); use --api graph with ThreatHunting.Read.All");
            }
            return 0;
        } catch (ApiException e) {
            err.println("hunt failed: " + e.getMessage());
            if (e.fix() != null) {
                err.println("fix: " + e.fix());
            }
            return e.kind() == ApiException.Kind.TRANSPORT ? 3 : 1;
        }
    }
}
