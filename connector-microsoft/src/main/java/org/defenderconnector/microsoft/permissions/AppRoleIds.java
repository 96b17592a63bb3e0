package org.defenderconnector.microsoft.permissions;

import org.defenderconnector.microsoft.cloud.Api;

import java.util.Map;
import java.util.Optional;

/**
 * App-role ids (the GUIDs {@code requiredResourceAccess} needs) of the permissions we use.
 *
 * <p>Microsoft Graph: from the Microsoft Graph permissions reference, "All permissions and IDs"
 * (microsoftgraph/microsoft-graph-docs-contrib, concepts/includes/permissions-ids.md, commit
 * 0fcd5cbe2910cde47ccadfc740b8df07f57244d7; https://learn.microsoft.com/graph/permissions-reference),
 * rows of type "Application".
 *
 * <p>WindowsDefenderATP and Microsoft Threat Protection: Microsoft does not document their app-role
 * ids, so none are hard-coded here; generated scripts look them up from the API's service principal
 * in the tenant ({@code az ad sp show ... appRoles}, Terraform {@code app_role_ids}).
 */
final class AppRoleIds {
    private static final Map<String, String> GRAPH_APPLICATION_ROLES = Map.of(
            "SecurityAlert.Read.All", "472e4a4d-bb4a-4026-98d1-0b0d74cb74a5",
            "SecurityAlert.ReadWrite.All", "ed4fca05-be46-441f-9803-1873825f8fdb",
            "SecurityIncident.Read.All", "45cc0394-e837-488b-a098-1918f48d186c",
            "SecurityIncident.ReadWrite.All", "34bf0e97-1971-4929-b999-9e2442d941d7",
            "ThreatHunting.Read.All", "dd98c7f5-2d42-42d3-a0e4-633161547251");

    private AppRoleIds() {
    }

    static Optional<String> documented(Api api, String permission) {
        if (api != Api.GRAPH) {
            return Optional.empty();
        }
        return Optional.ofNullable(GRAPH_APPLICATION_ROLES.get(permission));
    }
}
