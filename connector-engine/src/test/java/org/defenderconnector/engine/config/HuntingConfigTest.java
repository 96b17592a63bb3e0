package org.defenderconnector.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hunting entries in a tenant's streams: every form, expansion to one stream per table, and the errors. */
class HuntingConfigTest {
    @TempDir
    Path dir;

    private static String config(String streams, String tenantExtra) {
        return """
                tenants:
                  - name: contoso
                    tenantId: 11111111-2222-3333-4444-555555555555
                    clientId: 66666666-7777-8888-9999-000000000000
                    clientSecret: ${env:S}
                %s    streams: %s
                """.formatted(tenantExtra, streams);
    }

    private List<ConnectorConfig.StreamSettings> streams(String streams, String tenantExtra) {
        return new ConfigLoader(new SecretResolver(Map.of("S", "x")::get, dir)).parse(config(streams, tenantExtra), dir)
                .tenants().get(0).streams();
    }

    @Test
    void theShortFormsExpandToOneStreamPerTable() {
        List<ConnectorConfig.StreamSettings> all = streams("[alerts, hunting]", "");
        List<ConnectorConfig.StreamSettings> one = streams("[hunting:deviceprocessevents]", "");

        assertThat(all).hasSize(21);
        assertThat(all.get(1).name()).isEqualTo("hunting:AlertInfo");
        assertThat(all).extracting(ConnectorConfig.StreamSettings::name).contains("hunting:UrlClickEvents",
                "hunting:DeviceFileCertificateInfo");
        assertThat(one).extracting(ConnectorConfig.StreamSettings::name).containsExactly("hunting:DeviceProcessEvents");
        assertThat(one.get(0).options()).isEmpty();
        assertThat(one.get(0).overlap()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theMappingFormCarriesTablesAndSettings() {
        List<ConnectorConfig.StreamSettings> streams = streams("""
                [{name: hunting, tables: [DeviceProcessEvents, CloudAppEvents], api: xdr, interval: 2m, lag: 3m,
                      overlap: 15m, rowCap: 50000}]""", "    backfill: 2d\n");

        assertThat(streams).extracting(ConnectorConfig.StreamSettings::name)
                .containsExactly("hunting:DeviceProcessEvents", "hunting:CloudAppEvents");
        ConnectorConfig.StreamSettings s = streams.get(0);
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.overlap()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.backfill()).isEqualTo(Duration.ofDays(2));
        assertThat(s.options()).containsEntry("api", "xdr").containsEntry("lag", "PT3M").containsEntry("rowCap", "50000")
                .containsEntry("backfill", "PT48H");
    }

    @Test
    void mistakesNameTheKey() {
        assertThatThrownBy(() -> streams("[\"hunting:DeviceInfo | take 1\"]", ""))
                .hasMessageContaining("tenants[0].streams[0]").hasMessageContaining("letters and digits");
        assertThatThrownBy(() -> streams("[{name: hunting, tables: [DeviceInfo, \"Device-Events\"]}]", ""))
                .hasMessageContaining("tenants[0].streams[0].tables[1]");
        assertThatThrownBy(() -> streams("[{name: hunting, rowcap: 5}]", ""))
                .hasMessageContaining("tenants[0].streams[0].rowcap").hasMessageContaining("is not a known setting");
        assertThatThrownBy(() -> streams("[{name: hunting, api: splunk}]", ""))
                .hasMessageContaining("tenants[0].streams[0]").hasMessageContaining("graph, mde or xdr");
        assertThatThrownBy(() -> streams("[{name: hunting, lag: soon}]", ""))
                .hasMessageContaining("tenants[0].streams[0].lag");
        assertThatThrownBy(() -> streams("[hunting:DeviceInfo, {name: hunting, tables: [deviceinfo]}]", ""))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> streams("[{name: \"hunting:DeviceInfo\", tables: [DeviceEvents]}]", ""))
                .hasMessageContaining("tables").hasMessageContaining("goes with name: hunting");
    }
}
