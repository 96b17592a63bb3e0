package org.defenderconnector.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The eventHubs: section's sign-in choice: a connection string (the default) or the tenant's app registration. */
class EventHubsEntraConfigTest {
    private static final String HUBS_CS = "Endpoint=sb://contoso-streaming.servicebus.windows.net/;"
            + "SharedAccessKeyName=listen;SharedAccessKey=hub-key-that-must-never-show";

    @TempDir
    Path dir;

    private ConnectorConfig.EventHubsSettings parse(String section) {
        return new ConfigLoader(new SecretResolver(Map.of("CONTOSO_SECRET", "app-secret", "HUBS_CS", HUBS_CS)::get, dir))
                .parse("""
                        tenants:
                          - name: contoso
                            tenantId: 11111111-2222-3333-4444-555555555555
                            clientId: 66666666-7777-8888-9999-000000000000
                            clientSecret: ${env:CONTOSO_SECRET}
                            streams: [streaming-eventhubs]
                        %s""".formatted(section.indent(4)), dir).tenants().get(0).eventHubs();
    }

    @Test
    void entraNamesTheNamespaceHostAndNeedsNoSecret() {
        ConnectorConfig.EventHubsSettings settings = parse("""
                eventHubs:
                  auth: entra
                  namespace: Contoso-Streaming.servicebus.windows.net
                  hubs: [insights-logs-advancedhunting-devicenetworkevents]
                  consumerGroup: defender-connector
                """);

        assertThat(settings.auth()).isEqualTo(ConnectorConfig.EventHubsAuthKind.ENTRA);
        assertThat(settings.namespace()).isEqualTo("contoso-streaming.servicebus.windows.net");
        assertThat(settings.connectionString()).isNull();
        assertThat(settings.hubs()).containsExactly("insights-logs-advancedhunting-devicenetworkevents");
        assertThat(parse("eventHubs: {auth: entra, namespace: contoso-gov.servicebus.usgovcloudapi.net, consumerGroup: g}")
                .hubs()).isEmpty();
    }

    @Test
    void aConnectionStringStaysTheDefaultSignIn() {
        ConnectorConfig.EventHubsSettings settings = parse(
                "eventHubs: {connectionString: \"${env:HUBS_CS}\", consumerGroup: g}");

        assertThat(settings.auth()).isEqualTo(ConnectorConfig.EventHubsAuthKind.CONNECTION_STRING);
        assertThat(settings.namespace()).isNull();
        assertThat(settings.connectionString().reveal()).isEqualTo(HUBS_CS);
        assertThat(parse("eventHubs: {auth: connectionString, connectionString: \"${env:HUBS_CS}\", consumerGroup: g}")
                .auth()).isEqualTo(ConnectorConfig.EventHubsAuthKind.CONNECTION_STRING);
    }

    @Test
    void mistakesNameTheKeyAndTheFix() {
        assertError("eventHubs: {auth: token, namespace: contoso-streaming.servicebus.windows.net, consumerGroup: g}",
                "tenants[0].eventHubs.auth", "'token' is not an Event Hubs sign-in", "connectionString, entra");
        assertError("eventHubs: {auth: entra, consumerGroup: g}",
                "tenants[0].eventHubs.namespace", "is missing (auth is entra)", "<name>.servicebus.windows.net");
        assertError("eventHubs: {auth: entra, namespace: contoso-streaming, consumerGroup: g}",
                "tenants[0].eventHubs.namespace", "is a namespace name, not its host name",
                "contoso-streaming.servicebus.windows.net");
        assertError("eventHubs: {auth: entra, namespace: \"sb://contoso-streaming.servicebus.windows.net/\", consumerGroup: g}",
                "tenants[0].eventHubs.namespace", "is not a bare host name", "e.g. contoso-streaming.servicebus.windows.net");
        assertError("eventHubs: {auth: entra, namespace: \"contoso-streaming.servicebus.windows.net:9093\", consumerGroup: g}",
                "tenants[0].eventHubs.namespace", "is not a bare host name", "without scheme, port or path");
        assertError("eventHubs: {auth: entra, namespace: contoso-streaming.blob.core.windows.net, consumerGroup: g}",
                "tenants[0].eventHubs.namespace", "is not an Event Hubs namespace host name", "Overview page");
        assertError("eventHubs: {auth: entra, namespace: abc.servicebus.windows.net, consumerGroup: g}",
                "tenants[0].eventHubs.namespace", "is not an Event Hubs namespace host name", "6 to 50");
        assertError("eventHubs: {namespace: contoso-streaming.servicebus.windows.net, consumerGroup: g}",
                "tenants[0].eventHubs.auth", "is missing: namespace is set but no connectionString", "auth: entra");
        assertError("eventHubs: {auth: entra, namespace: contoso-streaming.servicebus.windows.net,"
                        + " connectionString: \"${env:HUBS_CS}\", consumerGroup: g}",
                "tenants[0].eventHubs.connectionString", "is set but auth is entra", "auth: connectionString");
        assertError("eventHubs: {connectionString: \"${env:HUBS_CS}\","
                        + " namespace: contoso-streaming.servicebus.windows.net, consumerGroup: g}",
                "tenants[0].eventHubs.namespace", "is set but auth is connectionString", "auth: entra");
        assertError("eventHubs: {consumerGroup: g}",
                "tenants[0].eventHubs.connectionString", "is missing", "auth: entra and namespace:");
    }

    private void assertError(String section, String key, String problem, String fix) {
        assertThatThrownBy(() -> parse(section))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(key + ":")
                .hasMessageContaining(problem)
                .hasMessageContaining(fix)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hub-key-that").doesNotContain("app-secret"));
    }
}
