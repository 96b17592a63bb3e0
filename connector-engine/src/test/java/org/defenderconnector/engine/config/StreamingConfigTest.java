package org.defenderconnector.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tenant's storage: and eventHubs: sections and their streams. */
class StreamingConfigTest {
    private static final String ACCOUNT_KEY = "c3RvcmFnZS1rZXktdGhhdC1tdXN0LW5ldmVyLXNob3c=";
    private static final String STORAGE_CS = "DefaultEndpointsProtocol=https;AccountName=contosostreaming;AccountKey="
            + ACCOUNT_KEY + ";EndpointSuffix=core.windows.net";
    private static final String HUBS_CS = "Endpoint=sb://contoso-streaming.servicebus.windows.net/;"
            + "SharedAccessKeyName=listen;SharedAccessKey=hub-key-that-must-never-show";

    @TempDir
    Path dir;

    private ConfigLoader loader() {
        return new ConfigLoader(new SecretResolver(Map.of("CONTOSO_SECRET", "app-secret", "STORAGE_KEY", ACCOUNT_KEY,
                "STORAGE_CS", STORAGE_CS, "HUBS_CS", HUBS_CS, "BAD_CS", "AccountName=contosostreaming;Foo=bar",
                "BAD_HUBS", "SharedAccessKey=only-a-key")::get, dir));
    }

    private static String tenant(String streams, String sections) {
        return """
                tenants:
                  - name: contoso
                    tenantId: 11111111-2222-3333-4444-555555555555
                    clientId: 66666666-7777-8888-9999-000000000000
                    clientSecret: ${env:CONTOSO_SECRET}
                    cloud: %s
                    streams: [%s]
                %s""".formatted("global", streams, sections.indent(4));
    }

    private static final String STORAGE_KEY_SECTION = """
            storage:
              account: contosostreaming
              accountKey: ${env:STORAGE_KEY}
              queue: defender-streaming
            """;

    @Test
    void storageWithAnAccountKeyUsesTheDefaultsAndHidesTheKey() {
        ConnectorConfig.TenantSettings tenant = loader().parse(tenant("alerts, streaming-storage", STORAGE_KEY_SECTION), dir)
                .tenants().get(0);
        ConnectorConfig.StreamingStorageSettings storage = tenant.storage();
        assertThat(storage.auth()).isEqualTo(ConnectorConfig.StorageAuthKind.ACCOUNT_KEY);
        assertThat(storage.accountName()).isEqualTo("contosostreaming");
        assertThat(storage.endpointSuffix()).isEqualTo("core.windows.net");
        assertThat(storage.accountKey().reveal()).isEqualTo(ACCOUNT_KEY);
        assertThat(storage.connectionString()).isNull();
        assertThat(storage.queue()).isEqualTo("defender-streaming");
        assertThat(storage.listAtStart()).isFalse();
        assertThat(storage.grace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(storage.visibility()).isEqualTo(Duration.ofMinutes(5));
        assertThat(tenant.eventHubs()).isNull();
        assertThat(tenant.toString()).doesNotContain(ACCOUNT_KEY);
    }

    @Test
    void storageFromAConnectionStringFileWithOptionsAndEntraForTheUsGovernmentCloud() throws Exception {
        Files.writeString(dir.resolve("storage.txt"), STORAGE_CS + "\n");
        ConnectorConfig.StreamingStorageSettings fromFile = loader().parse(tenant("streaming-storage", """
                storage:
                  connectionString: ${file:storage.txt}
                  queue: q-1
                  listAtStart: true
                  grace: 0s
                  visibility: 45m
                """), dir).tenants().get(0).storage();
        assertThat(fromFile.auth()).isEqualTo(ConnectorConfig.StorageAuthKind.CONNECTION_STRING);
        assertThat(fromFile.connectionString().reveal()).isEqualTo(STORAGE_CS);
        assertThat(fromFile.connectionString().toString()).doesNotContain(ACCOUNT_KEY);
        assertThat(fromFile.accountName()).isNull();
        assertThat(fromFile.listAtStart()).isTrue();
        assertThat(fromFile.grace()).isZero();
        assertThat(fromFile.visibility()).isEqualTo(Duration.ofMinutes(45));

        ConnectorConfig.StreamingStorageSettings entra = loader().parse(tenant("streaming-storage", """
                storage: {account: contosogov, auth: entra, queue: defender-streaming}
                """).replace("cloud: global", "cloud: gcc-high"), dir).tenants().get(0).storage();
        assertThat(entra.auth()).isEqualTo(ConnectorConfig.StorageAuthKind.ENTRA);
        assertThat(entra.endpointSuffix()).isEqualTo("core.usgovcloudapi.net");
        assertThat(entra.accountKey()).isNull();
        assertThat(entra.sas()).isNull();
    }

    @Test
    void eventHubsWithOneHubOrSeveral() {
        ConnectorConfig.EventHubsSettings one = loader().parse(tenant("streaming-eventhubs", """
                eventHubs: {connectionString: "${env:HUBS_CS}", hub: defender-all, consumerGroup: defender-connector}
                """), dir).tenants().get(0).eventHubs();
        assertThat(one.hubs()).containsExactly("defender-all");
        assertThat(one.consumerGroup()).isEqualTo("defender-connector");
        assertThat(one.connectionString().reveal()).isEqualTo(HUBS_CS);
        ConnectorConfig.EventHubsSettings several = loader().parse(tenant("streaming-eventhubs", """
                eventHubs:
                  connectionString: ${env:HUBS_CS}
                  hubs: [insights-logs-advancedhunting-devicenetworkevents, insights-logs-advancedhunting-deviceevents]
                  consumerGroup: defender-connector
                """), dir).tenants().get(0).eventHubs();
        assertThat(several.hubs()).hasSize(2);
        ConnectorConfig.EventHubsSettings all = loader().parse(tenant("streaming-eventhubs", """
                eventHubs: {connectionString: "${env:HUBS_CS}", consumerGroup: defender-connector}
                """), dir).tenants().get(0).eventHubs();
        assertThat(all.hubs()).isEmpty();
        // Kafka consumer groups are created on first use and span the namespace: the tenant gets its own.
        ConnectorConfig.EventHubsSettings ownGroup = loader().parse(tenant("streaming-eventhubs", """
                eventHubs: {connectionString: "${env:HUBS_CS}"}
                """), dir).tenants().get(0).eventHubs();
        assertThat(ownGroup.consumerGroup()).isEqualTo("defender-connector-contoso");
    }

    @Test
    void storageErrorsNameTheKeyTheValueAndTheFix() {
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION.replace("contosostreaming", "Contoso_Streaming")),
                "tenants[0].storage.account", "'Contoso_Streaming' is not a storage account name", "lower-case letters and digits");
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION.replace("defender-streaming", "Defender--Q")),
                "tenants[0].storage.queue", "'Defender--Q'", "Event Grid subscription");
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION.replace("  queue: defender-streaming\n", "")),
                "tenants[0].storage.queue", "is missing", "docs/configuration.md");
        assertError(tenant("streaming-storage", "storage: {account: contosostreaming, queue: q-1}"),
                "tenants[0].storage.auth", "no storage credential", "auth: entra");
        assertError(tenant("streaming-storage", "storage: {account: contosostreaming, auth: sas, queue: q-1}"),
                "tenants[0].storage.sas", "is missing (auth is sas)", "${env:NAME}");
        assertError(tenant("streaming-storage", "storage: {account: contosostreaming, auth: token, queue: q-1}"),
                "tenants[0].storage.auth", "'token'", "connectionString, accountKey, sas, entra");
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION + "  sas: ${env:STORAGE_KEY}\n"),
                "tenants[0].storage", "more than one of connectionString, accountKey, sas", "keep the one");
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION + "  auth: entra\n"),
                "tenants[0].storage.accountKey", "is set but auth is entra", "remove it");
        assertError(tenant("streaming-storage", "storage: {account: contosostreaming, connectionString: \"${env:STORAGE_CS}\", queue: q-1}"),
                "tenants[0].storage.account", "already names the account", "remove account");
        assertError(tenant("streaming-storage", "storage: {connectionString: \"${env:BAD_CS}\", queue: q-1}"),
                "tenants[0].storage.connectionString", "has no AccountKey= or SharedAccessSignature=", "env:BAD_CS");
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION + "  visibility: 8d\n"),
                "tenants[0].storage.visibility", "'8d' is out of range", "1s to 7d");
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION + "  grace: later\n"),
                "tenants[0].storage.grace", "'later' is not a duration", "5m");
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION + "  listAtStart: yes please\n"),
                "tenants[0].storage.listAtStart", "'yes please' is not true or false", "listAtStart: true");
        assertError(tenant("streaming-storage", STORAGE_KEY_SECTION + "  container: x\n"),
                "tenants[0].storage.container", "is not a known setting", "accountKey");
    }

    private static final String ENTRA_AT_ENDPOINTS = """
            storage:
              auth: entra
              account: devstoreaccount1
              blobEndpoint: https://127.0.0.1:10000/devstoreaccount1/
              queueEndpoint: https://127.0.0.1:10001/devstoreaccount1
              queue: defender-streaming
            """;

    @Test
    void storageEndpointsOtherThanTheAccountsUsualOnesAreHttpsAndNeedAllowCustomEndpoints() {
        String allowed = tenant("streaming-storage", ENTRA_AT_ENDPOINTS)
                .replace("    streams:", "    allowCustomEndpoints: true\n    streams:");
        ConnectorConfig.StreamingStorageSettings storage = loader().parse(allowed, dir).tenants().get(0).storage();
        assertThat(storage.auth()).isEqualTo(ConnectorConfig.StorageAuthKind.ENTRA);
        assertThat(storage.blobEndpoint()).hasToString("https://127.0.0.1:10000/devstoreaccount1");
        assertThat(storage.queueEndpoint()).hasToString("https://127.0.0.1:10001/devstoreaccount1");
        assertThat(loader().parse(tenant("streaming-storage", STORAGE_KEY_SECTION), dir).tenants().get(0).storage()
                .blobEndpoint()).as("the usual endpoints come from the account name").isNull();

        assertError(tenant("streaming-storage", ENTRA_AT_ENDPOINTS), "tenants[0].storage.blobEndpoint",
                "custom storage endpoints are set but not allowed", "allowCustomEndpoints: true");
        assertError(allowed.replace("https://127.0.0.1:10001", "http://127.0.0.1:10001"),
                "tenants[0].storage.queueEndpoint", "is not an https URL", "TLS is required");
        assertError(allowed.replace("      queueEndpoint: https://127.0.0.1:10001/devstoreaccount1\n", ""),
                "tenants[0].storage.queueEndpoint", "is missing", "together");
        String withSas = allowed.replace("/devstoreaccount1/\n", "/devstoreaccount1?sv=2024&sig=c2VjcmV0\n");
        assertThatThrownBy(() -> loader().parse(withSas, dir)).hasMessageContaining("tenants[0].storage.blobEndpoint")
                .hasMessageContaining("has a query part").satisfies(e -> assertThat(e.getMessage()).doesNotContain("sig="));
        assertError(tenant("streaming-storage", "storage: {connectionString: \"${env:STORAGE_CS}\", queue: q-1,"
                        + " blobEndpoint: \"https://example.test\"}").replace("    streams:", "    allowCustomEndpoints: true\n    streams:"),
                "tenants[0].storage.blobEndpoint", "connection string already names the endpoints", "BlobEndpoint=");
    }

    @Test
    void aStreamNeedsItsSectionAndASectionNeedsItsStream() {
        assertError(tenant("alerts, streaming-storage", ""), "tenants[0].streams[1]",
                "'streaming-storage' needs the tenant's storage: section", "queue:");
        assertError(tenant("alerts", STORAGE_KEY_SECTION), "tenants[0].storage", "is set but no stream reads it",
                "add streaming-storage to streams");
        assertError(tenant("streaming-eventhubs", ""), "tenants[0].streams[0]",
                "'streaming-eventhubs' needs the tenant's eventHubs: section", "eventHubs: {connectionString:");
        assertError(tenant("alerts", "eventHubs: {connectionString: \"${env:HUBS_CS}\", consumerGroup: g}"),
                "tenants[0].eventHubs", "is set but no stream reads it", "add streaming-eventhubs");
        assertError(tenant("streaming-blob", ""), "tenants[0].streams[0]", "'streaming-blob' is not a stream",
                "streaming-storage, streaming-eventhubs");
    }

    @Test
    void eventHubsErrorsNameTheKeyAndTheFixWithoutEchoingTheConnectionString() {
        assertError(tenant("streaming-eventhubs", "eventHubs: {consumerGroup: g}"),
                "tenants[0].eventHubs.connectionString", "is missing", "Listen rights");
        assertError(tenant("streaming-eventhubs", "eventHubs: {connectionString: \"${env:BAD_HUBS}\", consumerGroup: g}"),
                "tenants[0].eventHubs.connectionString", "no Endpoint=sb://", "env:BAD_HUBS");
        assertError(tenant("streaming-eventhubs",
                        "eventHubs: {connectionString: \"${env:HUBS_CS}\", hub: a, hubs: [b], consumerGroup: g}"),
                "tenants[0].eventHubs.hub", "together with hubs", "hub: NAME");
        assertError(tenant("streaming-eventhubs",
                        "eventHubs: {connectionString: \"${env:HUBS_CS}\", hubs: [ok, -bad], consumerGroup: g}"),
                "tenants[0].eventHubs.hubs[1]", "'-bad' is not an Event Hub name", "letters, digits");
        assertError(tenant("streaming-eventhubs", "eventHubs: {connectionString: \"${env:HUBS_CS}\", hubs: [], consumerGroup: g}"),
                "tenants[0].eventHubs.hubs", "non-empty list", "EntityPath");
    }

    @Test
    void streamingSecretsMustBeReferencesAndAreNeverEchoed() {
        assertThatThrownBy(() -> loader().parse(tenant("streaming-storage",
                STORAGE_KEY_SECTION.replace("${env:STORAGE_KEY}", ACCOUNT_KEY)), dir))
                .hasMessageContaining("tenants[0].storage.accountKey").hasMessageContaining("must be references")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ACCOUNT_KEY));
        assertThatThrownBy(() -> loader().parse(tenant("streaming-eventhubs",
                "eventHubs: {connectionString: \"" + HUBS_CS + "\", consumerGroup: g}"), dir))
                .hasMessageContaining("tenants[0].eventHubs.connectionString").hasMessageContaining("must be references")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hub-key-that-must-never-show"));
    }

    private void assertError(String yaml, String key, String problem, String fix) {
        assertThatThrownBy(() -> loader().parse(yaml, dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(key + ":")
                .hasMessageContaining(problem)
                .hasMessageContaining(fix)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ACCOUNT_KEY).doesNotContain("hub-key-that"));
    }
}
