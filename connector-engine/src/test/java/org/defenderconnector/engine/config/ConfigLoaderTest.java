package org.defenderconnector.engine.config;

import org.defenderconnector.microsoft.cloud.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    private static final String SECRET = "Zq8~s3cr3t-value-that-must-never-show";
    @TempDir
    Path dir;

    private ConfigLoader loader() {
        return new ConfigLoader(new SecretResolver(Map.of("CONTOSO_SECRET", SECRET)::get, dir));
    }

    private static final String VALID = """
            store: {path: data/x.db, retention: 10d}
            sinks: [{type: store}, {type: ndjson, path: out.ndjson}]
            tenants:
              - name: contoso
                tenantId: 11111111-2222-3333-4444-555555555555
                clientId: 66666666-7777-8888-9999-000000000000
                clientSecret: ${env:CONTOSO_SECRET}
                cloud: gcc-high
                interval: 1m
                streams: [alerts, {name: machines, interval: 1h, pageSize: 500}]
            """;

    @Test
    void readsAValidConfiguration() {
        ConnectorConfig config = loader().parse(VALID, dir);
        assertThat(config.store().path()).isEqualTo(dir.resolve("data/x.db"));
        assertThat(config.store().retention()).isEqualTo(Duration.ofDays(10));
        assertThat(config.sinks()).extracting(ConnectorConfig.SinkSettings::type).containsExactly("store", "ndjson");
        ConnectorConfig.TenantSettings tenant = config.tenants().get(0);
        assertThat(tenant.clientSecret().reveal()).isEqualTo(SECRET);
        assertThat(tenant.clientSecret().toString()).doesNotContain(SECRET).contains("env:CONTOSO_SECRET");
        assertThat(tenant.toString()).doesNotContain(SECRET);
        assertThat(tenant.cloud()).isEqualTo("gcc-high");
        assertThat(tenant.streams().get(0).interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(tenant.streams().get(1).interval()).isEqualTo(Duration.ofHours(1));
        assertThat(tenant.streams().get(1).pageSize()).isEqualTo(500);
    }

    @Test
    void errorsNameTheKeyTheValueAndTheFix() {
        assertThatThrownBy(() -> loader().parse(VALID.replace("gcc-high", "azure-china"), dir))
                .hasMessageContaining("tenants[0].cloud").hasMessageContaining("azure-china").hasMessageContaining("global, gcc");
        assertThatThrownBy(() -> loader().parse(VALID.replace("[alerts,", "[alertz,"), dir))
                .hasMessageContaining("tenants[0].streams[0]").hasMessageContaining("alertz").hasMessageContaining("machine-actions");
        assertThatThrownBy(() -> loader().parse(VALID.replace("interval: 1m", "intervall: 1m"), dir))
                .hasMessageContaining("tenants[0].intervall").hasMessageContaining("is not a known setting");
        assertThatThrownBy(() -> loader().parse(VALID.replace("interval: 1m", "interval: soon"), dir))
                .hasMessageContaining("tenants[0].interval").hasMessageContaining("'soon'").hasMessageContaining("5m");
        assertThatThrownBy(() -> loader().parse(VALID.replace("66666666-7777-8888-9999-000000000000", "my-app"), dir))
                .hasMessageContaining("tenants[0].clientId").hasMessageContaining("App registrations");
        assertThatThrownBy(() -> loader().parse(VALID.replace("CONTOSO_SECRET", "MISSING_VAR"), dir))
                .hasMessageContaining("tenants[0].clientSecret").hasMessageContaining("MISSING_VAR, which is not set");
    }

    @Test
    void inlineSecretsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> loader().parse(VALID.replace("${env:CONTOSO_SECRET}", SECRET), dir))
                .hasMessageContaining("tenants[0].clientSecret").hasMessageContaining("${env:NAME}")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void customEndpointsNeedAnExplicitSettingAndHttps() throws Exception {
        String custom = VALID.replace("cloud: gcc-high", "endpoints: {all: \"https://127.0.0.1:8443\"}");
        assertThatThrownBy(() -> loader().parse(custom, dir)).hasMessageContaining("allowCustomEndpoints: true");
        ConnectorConfig config = loader().parse(custom.replace("endpoints:", "allowCustomEndpoints: true\n    endpoints:"), dir);
        assertThat(config.tenants().get(0).endpoints().graph()).isEqualTo("https://127.0.0.1:8443");
        assertThatThrownBy(() -> loader().parse(custom.replace("https://", "http://")
                .replace("endpoints:", "allowCustomEndpoints: true\n    endpoints:"), dir))
                .hasMessageContaining("not an https URL");
        Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");
        ConnectorConfig fromFile = loader().parse(VALID.replace("${env:CONTOSO_SECRET}", "${file:secret.txt}"), dir);
        assertThat(fromFile.tenants().get(0).clientSecret().reveal()).isEqualTo(SECRET);
    }

    @Test
    void tokenAudiencesOverrideTheCloudsPerApiAndNameTheFieldWhenWrong() {
        String gov = VALID.replace("    interval: 1m", "    audiences: {mde: \"https://api-gov.securitycenter.microsoft.us/.default\","
                + " graph: 00000003-0000-0000-c000-000000000000}\n    interval: 1m");
        ConnectorConfig.TenantSettings tenant = loader().parse(gov, dir).tenants().get(0);
        assertThat(tenant.audiences()).containsOnlyKeys(Api.DEFENDER_ENDPOINT, Api.GRAPH)
                .containsEntry(Api.DEFENDER_ENDPOINT, "https://api-gov.securitycenter.microsoft.us/.default");
        assertThat(loader().parse(VALID, dir).tenants().get(0).audiences()).isEmpty();
        assertThatThrownBy(() -> loader().parse(gov.replace("graph: 0000", "defender: 0000"), dir))
                .hasMessageContaining("tenants[0].audiences.defender").hasMessageContaining("is not a known setting");
        assertThatThrownBy(() -> loader().parse(gov.replace("https://api-gov", "http://api-gov"), dir))
                .hasMessageContaining("tenants[0].audiences.mde").hasMessageContaining("App ID URI")
                .hasMessageContaining("https://api-gov.securitycenter.microsoft.us");
    }

    @Test
    void theVulnerabilitiesExportModeIsJsonOrFilesAndBelongsToThatStreamOnly() {
        String files = VALID.replace("{name: machines, interval: 1h, pageSize: 500}", "{name: vulnerabilities, export: files}");
        assertThat(loader().parse(files, dir).tenants().get(0).streams().get(1).options()).containsEntry("export", "files");
        assertThatThrownBy(() -> loader().parse(files.replace("export: files", "export: blobs"), dir))
                .hasMessageContaining("tenants[0].streams[1].export").hasMessageContaining("'blobs'")
                .hasMessageContaining("use json (the default) or files");
        assertThatThrownBy(() -> loader().parse(VALID.replace("pageSize: 500}", "export: files}"), dir))
                .hasMessageContaining("tenants[0].streams[1].export").hasMessageContaining("vulnerabilities stream only");
    }
}
