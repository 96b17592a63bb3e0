package org.defenderconnector.app.onboarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import org.defenderconnector.microsoft.permissions.PermissionCatalog;
import org.defenderconnector.microsoft.permissions.PermissionPlan;
import org.defenderconnector.microsoft.permissions.PermissionScripts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code defender-connector permissions}: the least-privileged application permissions for a set of
 * streams, as a table, Azure CLI commands and a Terraform snippet.
 */
@Command(name = "permissions", mixinStandardHelpOptions = true,
        description = {"Prints the minimal application permissions per API for the given streams:",
                "a table, 'az ad app permission' commands with admin consent, and a Terraform (hashicorp/azuread) snippet."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:printed", "2:usage error"})
public final class PermissionsCommand implements Callable<Integer> {
    @Option(names = "--streams", paramLabel = "a,b", defaultValue = CheckCommand.DEFAULT_STREAMS,
            description = "Streams to collect (default: ${DEFAULT-VALUE}); 'all' for every stream")
    String streams;

    @Option(names = "--include-response", description = "Add the response-action permissions (isolate, scan, tag, update alerts, indicators)")
    boolean includeResponse;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "all",
            description = "table, az, terraform or all (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--json", description = "Print the permission set as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    public PermissionsCommand() {
        this(System.out);
    }

    PermissionsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        PermissionPlan plan;
        try {
            plan = PermissionCatalog.plan(DefenderStream.parseList(streams), includeResponse);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "permissions: " + e.getMessage());
        }
        if (json) {
            out.print(json(plan));
            return 0;
        }
        switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> out.print(PermissionScripts.table(plan));
            case "az" -> out.print(PermissionScripts.azCli(plan));
            case "terraform" -> out.print(PermissionScripts.terraform(plan));
            case "all" -> {
                out.println("== Permissions ==");
                out.println(PermissionScripts.table(plan));
                out.println("== Azure CLI ==");
                out.println(PermissionScripts.azCli(plan));
                out.println("== Terraform ==");
                out.print(PermissionScripts.terraform(plan));
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "permissions: --format must be table, az, terraform or all, not '" + format + "'");
        }
        out.flush();
        return 0;
    }

    private static String json(PermissionPlan plan) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode streams = root.putArray("streams");
        plan.streams().forEach(s -> streams.add(s.id()));
        root.put("includesResponse", plan.includesResponse());
        ArrayNode apis = root.putArray("apis");
        for (Api api : plan.apis()) {
            ObjectNode a = apis.addObject();
            a.put("api", api.entraName());
            a.put("apiAppId", api.appId());
            a.put("apiAppIdDocumented", api.appIdDocumented());
            ArrayNode perms = a.putArray("permissions");
            for (String p : plan.permissionsFor(api)) {
                ObjectNode n = perms.addObject();
                n.put("name", p);
                n.put("type", "Role");
                PermissionCatalog.documentedAppRoleId(api, p).ifPresentOrElse(id -> n.put("appRoleId", id),
                        () -> n.putNull("appRoleId"));
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
