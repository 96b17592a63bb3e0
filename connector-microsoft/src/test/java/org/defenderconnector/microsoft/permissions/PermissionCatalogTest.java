package org.defenderconnector.microsoft.permissions;

import org.defenderconnector.microsoft.cloud.Api;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermissionCatalogTest {
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void everyStreamHasAnEntryWithAProbe() {
        EnumSet<DefenderStream> covered = EnumSet.noneOf(DefenderStream.class);
        for (StreamRequirement r : PermissionCatalog.all()) {
            covered.add(r.stream());
            assertThat(r.probe().pathAndQuery()).startsWith("/");
            assertThat(r.acceptedPermissions()).first().isEqualTo(r.leastPrivileged());
        }
        assertThat(covered).containsExactlyInAnyOrder(DefenderStream.values());
    }

    @Test
    void catalogMatchesMicrosoftsPermissionPages() {
        assertThat(PermissionCatalog.requirement(DefenderStream.ALERTS))
                .extracting(StreamRequirement::api, StreamRequirement::leastPrivileged)
                .containsExactly(Api.DEFENDER_ENDPOINT, "Alert.Read.All");
        assertThat(PermissionCatalog.requirement(DefenderStream.MACHINES).probe().notFoundMeansEmpty()).isTrue();
        assertThat(PermissionCatalog.requirement(DefenderStream.INCIDENTS).api()).isEqualTo(Api.GRAPH);
        assertThat(PermissionCatalog.requirement(DefenderStream.INCIDENTS).leastPrivileged()).isEqualTo("SecurityIncident.Read.All");
        assertThat(PermissionCatalog.requirement(DefenderStream.XDR_INCIDENTS).api()).isEqualTo(Api.DEFENDER_XDR);
        assertThat(PermissionCatalog.requirement(DefenderStream.HUNTING).probe().method()).isEqualTo("POST");
        assertThat(PermissionCatalog.requirement(DefenderStream.HUNTING).probe().body()).contains("{\"Query\":\"DeviceInfo | take 1\"}");
        assertThat(PermissionCatalog.requirement(DefenderStream.GRAPH_ALERTS).acceptedPermissions())
                .containsExactly("SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All");
        assertThat(PermissionCatalog.responsePermissions()).extracting(ResponsePermission::permission)
                .containsExactly("Alert.ReadWrite.All", "Machine.Isolate", "Machine.Scan", "Machine.ReadWrite.All", "Ti.ReadWrite.All");
    }

    @Test
    void satisfiedByAnyAcceptedRoleCaseInsensitively() {
        StreamRequirement alerts = PermissionCatalog.requirement(DefenderStream.ALERTS);
        assertThat(alerts.satisfiedBy(List.of("alert.readwrite.all"))).isTrue();
        assertThat(alerts.satisfiedBy(List.of("Machine.Read.All"))).isFalse();
        assertThat(alerts.satisfiedBy(List.of())).isFalse();
    }

    @Test
    void planIsTheMinimalSetPerApi() {
        PermissionPlan plan = PermissionCatalog.plan(DefenderStream.parseList("alerts, machines,machine-actions incidents,hunting"));
        assertThat(plan.apis()).containsExactly(Api.DEFENDER_ENDPOINT, Api.GRAPH);
        assertThat(plan.permissionsFor(Api.DEFENDER_ENDPOINT)).containsExactly("Alert.Read.All", "Machine.Read.All");
        assertThat(plan.permissionsFor(Api.GRAPH)).containsExactly("SecurityIncident.Read.All", "ThreatHunting.Read.All");
        assertThat(plan.permissionsFor(Api.DEFENDER_XDR)).isEmpty();
    }

    @Test
    void responsePermissionsReplaceTheirReadOnlyCounterparts() {
        PermissionPlan plan = PermissionCatalog.plan(List.of(DefenderStream.ALERTS, DefenderStream.MACHINES), true);
        assertThat(plan.permissionsFor(Api.DEFENDER_ENDPOINT)).containsExactly(
                "Alert.ReadWrite.All", "Machine.Isolate", "Machine.ReadWrite.All", "Machine.Scan", "Ti.ReadWrite.All");
    }

    @Test
    void streamListParsing() {
        assertThat(DefenderStream.parseList("all")).containsExactly(DefenderStream.values());
        assertThat(DefenderStream.parseList("alerts,alerts")).containsExactly(DefenderStream.ALERTS);
        assertThatThrownBy(() -> DefenderStream.parseList("alerts,bogus")).hasMessageContaining("bogus").hasMessageContaining("machine-actions");
        assertThatThrownBy(() -> DefenderStream.parseList(" , ")).hasMessageContaining("No stream");
    }

    @Test
    void azCliUsesDocumentedGraphIdsAndLooksUpDefenderIds() {
        String az = PermissionScripts.azCli(PermissionCatalog.plan(DefenderStream.parseList("alerts,incidents,hunting,graph-alerts")));
        assertThat(az).contains("az ad app permission add --id \"$APP_ID\" --api 00000003-0000-0000-c000-000000000000"
                + " --api-permissions 45cc0394-e837-488b-a098-1918f48d186c=Role");
        assertThat(az).contains("dd98c7f5-2d42-42d3-a0e4-633161547251=Role");
        assertThat(az).contains("472e4a4d-bb4a-4026-98d1-0b0d74cb74a5=Role");
        assertThat(az).contains("az ad sp show --id fc780465-2017-40d4-a0c5-307022471b92 --query \"appRoles[?value=='Alert.Read.All'].id\" -o tsv");
        assertThat(az).contains("--api fc780465-2017-40d4-a0c5-307022471b92 --api-permissions \"${ROLE_ALERT_READ_ALL}=Role\"");
        assertThat(az).contains("az ad app permission admin-consent --id \"$APP_ID\"");
        assertThat(guids(az)).containsOnly("00000003-0000-0000-c000-000000000000", "fc780465-2017-40d4-a0c5-307022471b92",
                "45cc0394-e837-488b-a098-1918f48d186c", "dd98c7f5-2d42-42d3-a0e4-633161547251", "472e4a4d-bb4a-4026-98d1-0b0d74cb74a5");
    }

    @Test
    void terraformCreatesAppSecretPermissionsAndConsentWithoutInventedIds() {
        String tf = PermissionScripts.terraform(PermissionCatalog.plan(DefenderStream.parseList("alerts,machines,xdr-incidents,incidents")));
        assertThat(tf).contains("source  = \"hashicorp/azuread\"")
                .contains("resource \"azuread_application\" \"defender_connector\"")
                .contains("resource \"azuread_application_password\" \"defender_connector\"")
                .contains("resource \"azuread_service_principal\" \"defender_connector\"")
                .contains("data \"azuread_service_principal\" \"windows_defender_atp\"")
                .contains("client_id = \"fc780465-2017-40d4-a0c5-307022471b92\"")
                .contains("data.azuread_service_principal.windows_defender_atp.app_role_ids[\"Alert.Read.All\"]")
                .contains("data.azuread_service_principal.microsoft_threat_protection.app_role_ids[\"Incident.Read.All\"]")
                .contains("\"45cc0394-e837-488b-a098-1918f48d186c\" # SecurityIncident.Read.All")
                .contains("resource \"azuread_app_role_assignment\" \"windows_defender_atp_machine_read_all\"")
                .contains("sensitive = true");
        assertThat(guids(tf)).containsOnly("00000003-0000-0000-c000-000000000000", "fc780465-2017-40d4-a0c5-307022471b92",
                "8ee8fdad-f234-4243-8f3b-15c294843740", "45cc0394-e837-488b-a098-1918f48d186c");
        assertThat(tf.chars().filter(c -> c == '{').count()).isEqualTo(tf.chars().filter(c -> c == '}').count());
    }

    @Test
    void tableNamesApiPermissionAndStream() {
        String table = PermissionScripts.table(PermissionCatalog.plan(DefenderStream.parseList("machines,machine-actions,hunting"), true));
        assertThat(table).contains("WindowsDefenderATP").contains("Machine.ReadWrite.All")
                .contains("machines, machine-actions, response: add and remove device tags")
                .contains("Microsoft Graph").contains("ThreatHunting.Read.All").contains("hunting")
                .contains("Grant admin consent for <tenant>");
    }

    private static List<String> guids(String text) {
        Matcher m = GUID.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
