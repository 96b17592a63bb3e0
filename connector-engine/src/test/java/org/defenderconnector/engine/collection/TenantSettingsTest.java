package org.defenderconnector.engine.collection;

import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.engine.config.SecretResolver;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a tenant's configuration sets reaches what its sources use: token audiences, stream options. */
class TenantSettingsTest {
    @TempDir
    Path dir;

    private ConnectorConfig.TenantSettings tenant(String extra) {
        String yaml = """
                tenants:
                  - name: agency
                    tenantId: 11111111-2222-3333-4444-555555555555
                    clientId: 66666666-7777-8888-9999-000000000000
                    clientSecret: ${env:S}
                    cloud: gcc-high
                """ + extra + """
                    streams: [alerts, {name: vulnerabilities, export: files}]
                """;
        return new ConfigLoader(new SecretResolver(Map.of("S", "x")::get, dir)).parse(yaml, dir).tenants().get(0);
    }

    @Test
    void configuredAudiencesReplaceTheCloudsAndLeaveHostsAlone() {
        Endpoints defaults = TenantCollection.endpoints(tenant(""));
        Endpoints overridden = TenantCollection.endpoints(tenant(
                "    audiences: {mde: \"https://api.securitycenter.microsoft.us\"}\n"));

        assertThat(overridden.scope(Api.DEFENDER_ENDPOINT)).isEqualTo("https://api.securitycenter.microsoft.us/.default");
        assertThat(overridden.scope(Api.DEFENDER_XDR)).isEqualTo(defaults.scope(Api.DEFENDER_XDR));
        assertThat(overridden.baseUrl(Api.DEFENDER_ENDPOINT)).isEqualTo(defaults.baseUrl(Api.DEFENDER_ENDPOINT));
        assertThat(overridden.describe()).contains("mde-audience=https://api.securitycenter.microsoft.us");
        assertThat(defaults.describe()).doesNotContain("audience");
    }

    @Test
    void theVulnerabilitiesExportModeReachesTheSourceOptions() {
        ConnectorConfig.TenantSettings tenant = tenant("");
        assertThat(TenantCollection.options(tenant.streams().get(1)).export()).isEqualTo("files");
        assertThat(TenantCollection.options(tenant.streams().get(0)).export()).isNull();
    }
}
