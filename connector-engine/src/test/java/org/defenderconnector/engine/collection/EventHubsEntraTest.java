package org.defenderconnector.engine.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Event;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.streaming.InMemoryDeadLetters;
import org.defenderconnector.streaming.eventhubs.EventHubsConfig;
import org.defenderconnector.streaming.eventhubs.EventHubsSource;
import org.defenderconnector.streaming.testing.AzuriteExtension;
import org.defenderconnector.streaming.testing.EntraKafkaBroker;
import org.defenderconnector.streaming.testing.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Event Hubs source signed in with Microsoft Entra ID, end to end: the tenant's configuration
 * ({@code eventHubs: {auth: entra, namespace: ...}}), its app registration's TokenSource (msal4j) getting a
 * client-credentials token for {@code https://<namespace>/.default} from the emulator's Entra, the Kafka
 * OAUTHBEARER login, and a real broker that validates every token's signature (the emulator's published JWKS),
 * issuer and audience — and then its role assignment, the way an Event Hubs namespace does, before the records
 * are delivered exactly once.
 */
class EventHubsEntraTest {
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();
    private static final String NAMESPACE = "contoso-streaming.servicebus.windows.net";
    private static final String DPE = "DeviceProcessEvents";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Emulator entra;
    static EntraKafkaBroker namespace;

    @TempDir
    Path dir;
    private final StreamId stream = new StreamId("contoso", ConnectorConfig.STREAMING_EVENT_HUBS);
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
    private final List<EventHubsSource> opened = new ArrayList<>();
    private String hub;
    private String group;
    private StreamingEmulator defender;

    @BeforeAll
    static void start() throws Exception {
        entra = Emulator.start(EmulatorConfig.demo(), EmulatorOptions.defaults().withDirectory(shared));
        DemoCredentials.write(shared);
        Files.writeString(shared.resolve("pkcs12-password.txt"), DemoCredentials.PKCS12_PASSWORD);
        namespace = EntraKafkaBroker.start(entra.baseUrl() + "/" + DemoCredentials.TENANT_ID + "/discovery/v2.0/keys",
                entra.caCertificatePath(), "https://sts.windows.net/" + DemoCredentials.TENANT_ID + "/",
                "https://" + NAMESPACE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (namespace != null) {
            namespace.close();
        }
        if (entra != null) {
            entra.close();
        }
    }

    @BeforeEach
    void setUp() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        hub = "insights-logs-advancedhunting-deviceprocessevents-" + suffix;
        group = "defender-connector-" + suffix;
        namespace.createTopic(hub, 2);
        defender = StreamingEmulator.start(StreamingEmulatorConfig.forAzurite(AZURITE.azurite()).withQueue("eh-" + suffix)
                .withKafka(namespace.plaintextBootstrapServers(), 25).withSeed(suffix.hashCode()));
    }

    @AfterEach
    void tearDown() {
        defender.close();
        opened.forEach(EventHubsSource::close);
    }

    /** The tenant as a user configures it; {@code credential} is its clientSecret or certificate line. */
    private ConnectorConfig.TenantSettings tenant(String credential, String eventHubNamespace) throws Exception {
        Files.writeString(dir.resolve("secret.txt"), DemoCredentials.SECRET_VALUE);
        Path yaml = dir.resolve("connector.yaml");
        Files.writeString(yaml, """
                store: {path: data/connector.db}
                tenants:
                  - name: contoso
                    tenantId: %s
                    clientId: %s
                    %s
                    allowCustomEndpoints: true
                    endpoints: {all: "%s"}
                    caCertificate: "%s"
                    streams: [streaming-eventhubs]
                    eventHubs:
                      auth: entra
                      namespace: %s
                      hub: %s
                      consumerGroup: %s
                """.formatted(DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID, credential, entra.baseUrl(),
                entra.caCertificatePath(), eventHubNamespace, hub, group));
        return ConfigLoader.load(yaml).tenants().get(0);
    }

    private static String secret() {
        return "clientSecret: ${file:secret.txt}";
    }

    private String certificate() {
        return "certificate: {path: \"" + shared.resolve(DemoCredentials.PKCS12_FILE) + "\", password: \"${file:"
                + shared.resolve("pkcs12-password.txt") + "}\"}";
    }

    /** The tenant's TokenSource as the collection builds it: its endpoints, its CA, its credential. */
    private static TokenSource tokens(ConnectorConfig.TenantSettings tenant) {
        return TokenSource.create(TenantCollection.endpoints(tenant),
                TlsTrust.of(Optional.ofNullable(tenant.caCertificate())), tenant.clientId(),
                TenantCollection.credential(tenant));
    }

    /** Assigns the app's service principal (the tokens' {@code sub}) the Data Receiver role on this test's hub. */
    private void grantDataReceiver(TokenSource tokens) throws Exception {
        String token = tokens.accessToken(DemoCredentials.TENANT_ID, "https://" + NAMESPACE).value();
        String sub = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
        namespace.grantDataReceiver(sub, hub, group);
    }

    /**
     * The source the collection would build for the tenant, reaching the test broker's OAUTHBEARER listener
     * instead of {@code <namespace>:9093} and over SASL_PLAINTEXT instead of SASL_SSL (the one TLS difference).
     */
    private EventHubsSource source(ConnectorConfig.TenantSettings tenant, TokenSource tokens) {
        EventHubsConfig config = StreamingSources.eventHubs(stream, tenant.eventHubs(), tokens, tenant.tenantId());
        assertThat(config.bootstrapServers()).isEqualTo(tenant.eventHubs().namespace() + ":9093");
        // A consumer that stops polling leaves the group after 3 s, so a "crashed" one does not block the next.
        EventHubsSource source = EventHubsSource.open(config.withBootstrapServers(namespace.oauthBootstrapServers())
                .withPollTimeout(Duration.ofMillis(200)).withExtraProperties(Map.of(
                        "security.protocol", "SASL_PLAINTEXT", "max.poll.interval.ms", "3000",
                        "session.timeout.ms", "6000", "heartbeat.interval.ms", "1000")), deadLetters);
        opened.add(source);
        return source;
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "certificate"})
    void recordsAreCollectedExactlyOnceAcrossARestartWithTheAppRegistrationsToken(String credential) throws Exception {
        ConnectorConfig.TenantSettings tenant = tenant("secret".equals(credential) ? secret() : certificate(), NAMESPACE);
        assertThat(tenant.eventHubs().auth()).isEqualTo(ConnectorConfig.EventHubsAuthKind.ENTRA);
        List<String> published = new ArrayList<>(defender.publish(hub, DPE, 300));
        grantDataReceiver(tokens(tenant));
        entra.admin().resetCounters();

        try (Pipeline pipeline = new Pipeline(dir.resolve("store.db"))) {
            pipeline.attach(source(tenant, tokens(tenant)));
            pipeline.pollUntil(100, 200);
            assertThat(pipeline.sink.events().size()).isBetween(100, 300);

            // A restart: a new source, a new TokenSource (an empty token cache), the position from the store.
            published.addAll(defender.publish(hub, DPE, 50));
            pipeline.attach(source(tenant, tokens(tenant)));
            pipeline.pollUntil(350, 300);

            List<Event> events = pipeline.sink.events();
            assertThat(events).hasSize(350);
            assertThat(naturalIds(events)).hasSize(350).isEqualTo(naturalIdsOf(published));
            assertThat(pipeline.store.queries().count("contoso", ConnectorConfig.STREAMING_EVENT_HUBS)).isEqualTo(350);
        }
        assertThat(deadLetters.letters()).isEmpty();
        // One token per TokenSource: the login reuses the one fetched before the consumer was built.
        assertThat(entra.admin().tokenRequestCount(DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID,
                "https://" + NAMESPACE)).isEqualTo(2);
    }

    @Test
    void aTokenForAnotherNamespaceIsRefusedWithTheSettingToFix() throws Exception {
        ConnectorConfig.TenantSettings tenant = tenant(secret(), "contoso-archive.servicebus.windows.net");
        defender.publish(hub, DPE, 10);

        SourceException refused = pollUntilFailure(source(tenant, tokens(tenant)));

        assertThat(refused.getMessage()).contains("Event Hubs refused the Entra token for "
                + "https://contoso-archive.servicebus.windows.net");
        assertThat(refused.fix()).contains("eventHubs.namespace");
        assertThat(refused.retryable()).isFalse();
        assertNoSecretIn(refused);
    }

    @Test
    void withoutTheDataReceiverRoleTheFixNamesTheRole() throws Exception {
        ConnectorConfig.TenantSettings tenant = tenant(secret(), NAMESPACE);
        defender.publish(hub, DPE, 10);

        SourceException denied = pollUntilFailure(source(tenant, tokens(tenant)));

        assertThat(denied.getMessage()).contains("Event Hubs denied the app registration access");
        assertThat(denied.fix()).contains("Azure Event Hubs Data Receiver").contains(group);
        assertNoSecretIn(denied);
    }

    @Test
    void aTokenEntraWillNotIssueStopsBeforeKafkaWithEntrasReasonAndTheFix() throws Exception {
        ConnectorConfig.TenantSettings tenant = tenant(secret(), NAMESPACE);
        String wrong = "Wr0ng~Secret.Value_ThatMustNotLeak";
        TokenSource tokens = TokenSource.create(TenantCollection.endpoints(tenant),
                TlsTrust.of(Optional.ofNullable(tenant.caCertificate())), tenant.clientId(), ClientSecret.of(wrong));

        SourceException refused = pollUntilFailure(source(tenant, tokens));

        assertThat(refused.getMessage()).contains("Entra ID issued no token for https://" + NAMESPACE + "/.default")
                .contains("AADSTS7000215");
        assertThat(refused.fix()).contains("clientSecret or certificate").contains("eventHubs.namespace");
        assertThat(refused.getMessage() + refused.fix()).doesNotContain(wrong);
        assertNoSecretIn(refused);
    }

    private static SourceException pollUntilFailure(EventHubsSource source) {
        for (int i = 0; i < 100; i++) {
            try {
                source.poll(Position.START);
            } catch (SourceException e) {
                return e;
            }
        }
        return fail("the source never failed");
    }

    private static void assertNoSecretIn(SourceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(DemoCredentials.SECRET_VALUE).doesNotContain("eyJ");
        }
        assertThat(String.valueOf(e.fix())).doesNotContain(DemoCredentials.SECRET_VALUE);
    }

    private static Set<String> naturalIds(List<Event> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.naturalId()));
        return ids;
    }

    /** The natural ids the source gives these records: table, ReportId, DeviceId and Timestamp. */
    private static Set<String> naturalIdsOf(List<String> records) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String record : records) {
            var p = JSON.readTree(record).get("properties");
            ids.add(DPE + ":" + p.get("ReportId").asText() + ":" + p.get("DeviceId").asText() + ":"
                    + p.get("Timestamp").asText());
        }
        return ids;
    }
}
