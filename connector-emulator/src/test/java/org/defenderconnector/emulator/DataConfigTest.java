package org.defenderconnector.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.defenderconnector.emulator.faults.FaultKind;
import org.defenderconnector.emulator.limits.LimitBucket;
import org.defenderconnector.emulator.limits.RateLimits;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.defenderconnector.emulator.support.TestCertificates;
import org.defenderconnector.emulator.support.TestDirectory;
import org.junit.jupiter.api.Test;

/** The data:, limits:, hunting: and faults: sections of the YAML config. */
class DataConfigTest {

    private static final String SECTIONS = """
            limits:
              enabled: true
              buckets:
                mde: {perMinute: 10, perHour: 100}
                graphSecurity: {perMinute: 20}
            hunting:
              rowCap: 500
              cpuSecondsPer15Minutes: 30
            faults:
              - kind: throttle
                paths: [/api/alerts]
                count: 2
                retryAfterSeconds: 3
              - id: window
                kind: failWindow
                time: 2025-03-04T06:30:00Z
            """;

    @Test
    void everySectionIsReadFromYaml() {
        String yaml = TestDirectory.yaml(TestCertificates.generate("config").certificatePem())
                .replace("    domains: [contoso.onmicrosoft.com]\n", """
                            domains: [contoso.onmicrosoft.com]
                            data:
                              seed: 99
                              machines: 3
                              alertsPerHour: 1
                              historyDays: 2
                              live: false
                        """) + SECTIONS;

        EmulatorConfig config = EmulatorConfig.parse(yaml);

        EmulatorConfig.Tenant contoso = config.tenants().get(0);
        assertThat(contoso.data().seed()).isEqualTo(99);
        assertThat(contoso.data().machines()).isEqualTo(3);
        assertThat(contoso.data().live()).isFalse();
        assertThat(contoso.data().vulnerabilitiesPerMachine()).isEqualTo(20);
        assertThat(config.tenants().get(1).data()).isNull();
        assertThat(config.limits().buckets().get("mde").perMinute()).isEqualTo(10);
        assertThat(config.hunting().rowCap()).isEqualTo(500);
        assertThat(config.hunting().maxResultBytes()).isEqualTo(124L * 1024 * 1024);
        assertThat(config.faults()).hasSize(2);
        assertThat(config.faults().get(0).kind()).isEqualTo(FaultKind.THROTTLE);
        assertThat(config.faults().get(1).time()).isEqualTo(Instant.parse("2025-03-04T06:30:00Z"));
        assertThat(EmulatorConfig.parse(config.toYaml()).faults()).hasSize(2);
    }

    @Test
    void configuredSectionsTakeEffect() throws Exception {
        EmulatorConfig config = EmulatorConfig.parse(TestDirectory.yaml(TestCertificates.generate("config")
                .certificatePem()) + SECTIONS);
        try (Emulator emulator = Emulator.start(config, EmulatorOptions.defaults())) {
            EmulatorClient client = new EmulatorClient(emulator.baseUrl(), emulator.caCertificatePath());
            String token = client.accessToken(TestDirectory.CONTOSO, TestDirectory.APP, TestDirectory.SECRET,
                    TestDirectory.WDATP);
            RateLimits limits = emulator.admin().limits();

            EmulatorClient.Response throttled = client.get("/api/alerts", token);

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(limits.limit(LimitBucket.MDE).perHour()).isEqualTo(100);
            assertThat(limits.limit(LimitBucket.XDR_INCIDENTS).perMinute()).isEqualTo(50);
            assertThat(emulator.admin().hunting().settings().rowCap()).isEqualTo(500);
            assertThat(emulator.admin().faults().rules()).extracting(status -> status.rule().id())
                    .containsExactly("fault-1", "window");
        }
    }

    @Test
    void invalidSectionsAreReportedByKey() {
        String yaml = TestDirectory.yaml(TestCertificates.generate("config").certificatePem())
                .replace("    domains: [contoso.onmicrosoft.com]\n", """
                            domains: [contoso.onmicrosoft.com]
                            data:
                              machines: -1
                              alertsPerIncident: 0
                        """) + """
                limits:
                  buckets:
                    mdee: {perMinute: 0}
                hunting:
                  rowCap: 0
                faults:
                  - kind: serverError
                    status: 404
                  - kind: failWindow
                """;

        assertThatThrownBy(() -> EmulatorConfig.parse(yaml)).isInstanceOf(EmulatorConfigException.class)
                .hasMessageContaining("tenants[0].data.machines must be between 0 and 200000")
                .hasMessageContaining("tenants[0].data.alertsPerIncident")
                .hasMessageContaining("unknown rate limit bucket 'mdee'")
                .hasMessageContaining("hunting.rowCap")
                .hasMessageContaining("faults[0].status must be 500 or 503")
                .hasMessageContaining("faults[1].time is required");
        assertThatThrownBy(() -> EmulatorConfig.parse("faults:\n  - kind: explode\n"))
                .isInstanceOf(EmulatorConfigException.class).hasMessageContaining("explode");
    }
}
