package org.defenderconnector.microsoft.permissions;

import org.defenderconnector.microsoft.cloud.Api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a {@link PermissionPlan} for people and tools: a table, Azure CLI commands and a Terraform
 * (hashicorp/azuread) snippet. App-role ids are written literally only where Microsoft documents
 * them (Graph); for WindowsDefenderATP and Microsoft Threat Protection they are looked up from the
 * API's service principal in the tenant, so nothing here is invented.
 */
public final class PermissionScripts {
    private PermissionScripts() {
    }

    /** A fixed-width table: API, permission, why it is needed. */
    public static String table(PermissionPlan plan) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"API", "Application permission", "Needed for"});
        for (Api api : plan.apis()) {
            for (String permission : plan.permissionsFor(api)) {
                rows.add(new String[]{api.entraName(), permission, neededFor(plan, api, permission)});
            }
        }
        int[] width = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            sb.append(pad(r[0], width[0])).append("  ").append(pad(r[1], width[1])).append("  ").append(r[2]).append('\n');
            if (n == 0) {
                sb.append("-".repeat(width[0])).append("  ").append("-".repeat(width[1])).append("  ")
                        .append("-".repeat(width[2])).append('\n');
            }
        }
        sb.append('\n').append("Grant them in the Azure portal: App registrations > <your app> > API permissions > Add a permission >\n")
                .append("  WindowsDefenderATP / Microsoft Threat Protection: APIs my organization uses > <API> > Application permissions\n")
                .append("  Microsoft Graph: Microsoft APIs > Microsoft Graph > Application permissions\n")
                .append("then select each permission > Add permissions > Grant admin consent for <tenant>.\n");
        return sb.toString();
    }

    /** Azure CLI commands adding the permissions to an existing app and granting admin consent. */
    public static String azCli(PermissionPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Application permissions for streams: ").append(streamList(plan)).append('\n');
        sb.append("# APP_ID = Application (client) ID of your app registration.\n");
        sb.append("APP_ID=\"<application-client-id>\"\n");
        for (Api api : plan.apis()) {
            sb.append('\n').append("# ").append(api.entraName()).append(" (API app id ").append(api.appId()).append(')');
            if (!api.appIdDocumented()) {
                sb.append("; app id from third-party sources, not Microsoft docs");
            }
            sb.append('\n');
            boolean anyLookup = plan.permissionsFor(api).stream()
                    .anyMatch(p -> AppRoleIds.documented(api, p).isEmpty());
            if (anyLookup) {
                sb.append("# Microsoft does not document this API's app-role ids: they are read from its service principal in your tenant.\n");
            }
            for (String permission : plan.permissionsFor(api)) {
                Optional<String> documented = AppRoleIds.documented(api, permission);
                if (documented.isPresent()) {
                    sb.append("az ad app permission add --id \"$APP_ID\" --api ").append(api.appId())
                            .append(" --api-permissions ").append(documented.get()).append("=Role")
                            .append("   # ").append(permission).append('\n');
                } else {
                    String var = "ROLE_" + identifier(permission).toUpperCase(Locale.ROOT);
                    sb.append(var).append("=$(az ad sp show --id ").append(api.appId())
                            .append(" --query \"appRoles[?value=='").append(permission).append("'].id\" -o tsv)\n");
                    sb.append("az ad app permission add --id \"$APP_ID\" --api ").append(api.appId())
                            .append(" --api-permissions \"${").append(var).append("}=Role\"")
                            .append("   # ").append(permission).append('\n');
                }
            }
        }
        sb.append('\n').append("# Admin consent (Global Administrator or Privileged Role Administrator). The app needs a service principal first.\n");
        sb.append("az ad sp show --id \"$APP_ID\" >/dev/null 2>&1 || az ad sp create --id \"$APP_ID\"\n");
        sb.append("az ad app permission admin-consent --id \"$APP_ID\"\n");
        return sb.toString();
    }

    /**
     * A Terraform snippet (hashicorp/azuread 3.x) creating the application, its service principal,
     * a client secret, the required permissions and their admin consent (app-role assignments).
     */
    public static String terraform(PermissionPlan plan) {
        Map<Api, String> dataName = new LinkedHashMap<>();
        for (Api api : plan.apis()) {
            dataName.put(api, switch (api) {
                case GRAPH -> "microsoft_graph";
                case DEFENDER_ENDPOINT -> "windows_defender_atp";
                case DEFENDER_XDR -> "microsoft_threat_protection";
            });
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# defender-connector app registration for streams: ").append(streamList(plan)).append('\n');
        sb.append("terraform {\n  required_providers {\n    azuread = {\n      source  = \"hashicorp/azuread\"\n")
                .append("      version = \"~> 3.0\"\n    }\n  }\n}\n\n");
        sb.append("data \"azuread_client_config\" \"current\" {}\n\n");
        for (Api api : plan.apis()) {
            sb.append("# ").append(api.entraName()).append(": ");
            if (api == Api.GRAPH) {
                sb.append("role ids below are from the Microsoft Graph permissions reference (learn.microsoft.com/graph/permissions-reference).\n");
            } else {
                sb.append("app id from third-party sources (not in Microsoft docs); role ids are read from the tenant.\n")
                        .append("# Its service principal exists once the service is provisioned in the tenant.\n");
            }
            sb.append("data \"azuread_service_principal\" \"").append(dataName.get(api)).append("\" {\n")
                    .append("  client_id = \"").append(api.appId()).append("\"\n");
            if (!api.appIdDocumented()) {
                sb.append("  # or: display_name = \"").append(api.entraName()).append("\"\n");
            }
            sb.append("}\n\n");
        }
        sb.append("resource \"azuread_application\" \"defender_connector\" {\n")
                .append("  display_name     = \"defender-connector\"\n")
                .append("  sign_in_audience = \"AzureADMyOrg\" # \"AzureADMultipleOrgs\" for one app serving many tenants\n");
        for (Api api : plan.apis()) {
            String ds = "data.azuread_service_principal." + dataName.get(api);
            sb.append("\n  required_resource_access {\n")
                    .append("    resource_app_id = ").append(ds).append(".client_id # ").append(api.entraName()).append('\n');
            for (String permission : plan.permissionsFor(api)) {
                sb.append("    resource_access {\n")
                        .append("      id   = ").append(roleIdExpression(api, permission, ds)).append('\n')
                        .append("      type = \"Role\"\n")
                        .append("    }\n");
            }
            sb.append("  }\n");
        }
        sb.append("}\n\n");
        sb.append("resource \"azuread_service_principal\" \"defender_connector\" {\n")
                .append("  client_id = azuread_application.defender_connector.client_id\n}\n\n");
        sb.append("resource \"azuread_application_password\" \"defender_connector\" {\n")
                .append("  application_id = azuread_application.defender_connector.id\n")
                .append("  display_name   = \"defender-connector\"\n}\n\n");
        sb.append("# Admin consent: one app-role assignment per application permission.\n");
        for (Api api : plan.apis()) {
            String ds = "data.azuread_service_principal." + dataName.get(api);
            for (String permission : plan.permissionsFor(api)) {
                sb.append("resource \"azuread_app_role_assignment\" \"")
                        .append(dataName.get(api)).append('_').append(identifier(permission)).append("\" {\n")
                        .append("  app_role_id         = ").append(roleIdExpression(api, permission, ds)).append('\n')
                        .append("  principal_object_id = azuread_service_principal.defender_connector.object_id\n")
                        .append("  resource_object_id  = ").append(ds).append(".object_id\n")
                        .append("}\n\n");
            }
        }
        sb.append("output \"tenant_id\" {\n  value = data.azuread_client_config.current.tenant_id\n}\n\n");
        sb.append("output \"client_id\" {\n  value = azuread_application.defender_connector.client_id\n}\n\n");
        sb.append("output \"client_secret\" {\n  value     = azuread_application_password.defender_connector.value\n")
                .append("  sensitive = true\n}\n");
        return sb.toString();
    }

    private static String roleIdExpression(Api api, String permission, String dataSource) {
        return AppRoleIds.documented(api, permission)
                .map(id -> "\"" + id + "\" # " + permission)
                .orElse(dataSource + ".app_role_ids[\"" + permission + "\"]");
    }

    private static String neededFor(PermissionPlan plan, Api api, String permission) {
        List<String> uses = new ArrayList<>();
        for (DefenderStream s : plan.streams()) {
            StreamRequirement r = PermissionCatalog.requirement(s);
            if (r.api() == api && r.acceptedPermissions().contains(permission)) {
                uses.add(s.id());
            }
        }
        if (plan.includesResponse()) {
            for (ResponsePermission r : PermissionCatalog.responsePermissions()) {
                if (r.api() == api && r.permission().equals(permission)) {
                    uses.add("response: " + r.usedFor());
                }
            }
        }
        return String.join(", ", uses);
    }

    private static String streamList(PermissionPlan plan) {
        return plan.streams().isEmpty() ? "(none)"
                : plan.streams().stream().map(DefenderStream::id).collect(Collectors.joining(", "));
    }

    private static String identifier(String permission) {
        return permission.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
