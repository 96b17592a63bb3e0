package org.defenderconnector.engine.collection;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.defenderconnector.engine.StreamStatus;
import org.defenderconnector.engine.config.ConfigLoader;
import org.defenderconnector.engine.config.ConnectorConfig;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.store.StoredEvent;
import org.defenderconnector.streaming.InMemoryDeadLetters;
import org.defenderconnector.streaming.storage.StorageAccount;
import org.defenderconnector.streaming.storage.StorageAuth;
import org.defenderconnector.streaming.storage.StorageStreamingConfig;
import org.defenderconnector.streaming.storage.StorageStreamingSource;
import org.defenderconnector.api.Position;
import org.defenderconnector.streaming.testing.AzuriteExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code storage: auth: entra} end to end: the connector signs in to a storage account with the tenant's app
 * registration (client secret or certificate) at the emulator's Entra ID, and reads the Streaming API from
 * an Azurite that serves HTTPS and accepts bearer tokens (Azurite checks their issuer, audience and lifetime).
 * Both servers' certificates are trusted through the tenant's {@code caCertificate}, the product's own path.
 */
class StreamingEntraCollectionTest {
    @RegisterExtension
    static final AzuriteExtension AZURITE = AzuriteExtension.withOAuth();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DNE = "DeviceNetworkEvents";
    private static final String STORAGE = "https://storage.azure.com";

    static Emulator emulator;

    @TempDir
    Path dir;

    private String queue;
    private StreamingEmulator streaming;
    private final StreamId stream = new StreamId("contoso", ConnectorConfig.STREAMING_STORAGE);

    @BeforeAll
    static void startEntra() throws Exception {
        emulator = Emulator.start(EmulatorConfig.demo(), EmulatorOptions.defaults());
    }

    @AfterAll
    static void stopEntra() {
        emulator.close();
    }

    @BeforeEach
    void setUp() {
        queue = "entra-" + UUID.randomUUID().toString().substring(0, 8);
        // Blob paths start with the tenant: a tenant of its own gives each test its own blobs, so that the first
        // append of an hour creates the blob and announces it in this test's queue.
        streaming = StreamingEmulator.start(StreamingEmulatorConfig.forAzurite(AZURITE.azurite()).withQueue(queue)
                .withTenant(UUID.randomUUID().toString()).withSeed(queue.hashCode()));
    }

    @AfterEach
    void tearDown() {
        streaming.close();
    }

    @Test
    void withAClientSecretTheStreamIsReadAndTheQueueMessageDeletedOnceItsBlobCloses() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), DemoCredentials.SECRET_VALUE + "\n");
        collectsAClosedHourAndDeletesItsMessage("clientSecret: ${file:secret.txt}");
    }

    @Test
    void withACertificateTheStreamIsReadAndTheQueueMessageDeletedOnceItsBlobCloses() throws Exception {
        DemoCredentials.WrittenFiles files = DemoCredentials.write(dir.resolve("app"));
        Files.writeString(dir.resolve("p12-password.txt"), DemoCredentials.PKCS12_PASSWORD + "\n");
        collectsAClosedHourAndDeletesItsMessage("certificate: {path: \"" + files.pkcs12()
                + "\", password: \"${file:p12-password.txt}\"}");
    }

    /**
     * A blob of an hour long past (grace 0s: it is complete) is announced by its BlobCreated message. One
     * collection reads its lines and closes it; the next deletes the message, and only then.
     */
    private void collectsAClosedHourAndDeletesItsMessage(String credential) throws Exception {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(2));
        List<String> lines = streaming.records(DNE, 25, hourAgo);
        streaming.appendLines(DNE, hourAgo, lines);
        long tokensBefore = storageTokenRequests();

        try (Collector collector = Collector.open(ConfigLoader.load(config(credential)))) {
            Map<String, StreamStatus.Snapshot> first = collector.collectOnce(100);
            StreamStatus.Snapshot status = first.get(stream.toString());
            assertThat(status.state()).as("%s %s", status.lastError(), status.fix()).isEqualTo(StreamStatus.State.OK);
            assertThat(status.records()).isEqualTo(25);
            List<StoredEvent> events = collector.store().queries().events("contoso", ConnectorConfig.STREAMING_STORAGE, 100);
            assertThat(events).hasSize(25).allSatisfy(e -> assertThat(e.kind()).isEqualTo(DNE));
            // The blob is closed in the committed position, but its message is only deleted by the next poll.
            assertThat(messagesInQueue()).isEqualTo(1);

            collector.collectOnce(3);
            assertThat(messagesInQueue()).isZero();
            assertThat(collector.store().queries().count("contoso", ConnectorConfig.STREAMING_STORAGE)).isEqualTo(25);
        }
        // The tokens came from the emulator's Entra ID, asked for Azure Storage (and cached between requests).
        assertThat(storageTokenRequests() - tokensBefore).isEqualTo(1);
    }

    @Test
    void theStorageTokenCarriesWhatAzureStorageChecks() {
        TokenSource tokens = tokens();
        JsonNode claims = claims(tokens.accessToken(DemoCredentials.TENANT_ID, STORAGE).value());

        assertThat(claims.path("aud").asText()).isEqualTo(STORAGE);
        assertThat(claims.path("iss").asText()).isEqualTo("https://sts.windows.net/" + DemoCredentials.TENANT_ID + "/");
        assertThat(claims.path("appid").asText()).isEqualTo(DemoCredentials.CLIENT_ID);
        assertThat(claims.has("roles")).as("storage access is Azure RBAC, not app roles").isFalse();
    }

    /**
     * A token the account refuses — here one for Microsoft Graph, the audience Azurite can check; in Azure a
     * missing role assignment is refused the same way — stops the stream with the setting and the roles to
     * assign, and neither the token nor the secret in the error.
     */
    @Test
    void aTokenTheAccountRefusesFailsWithTheSettingAndTheRolesToAssign() {
        TokenSource tokens = tokens();
        EntraTokenCredential credential = new EntraTokenCredential(tokens, DemoCredentials.TENANT_ID);
        StorageAuth.Entra wrongAudience = new StorageAuth.Entra(new com.azure.core.credential.TokenCredential() {
            private final TokenRequestContext graph = new TokenRequestContext().addScopes("https://graph.microsoft.com/.default");

            @Override
            public reactor.core.publisher.Mono<com.azure.core.credential.AccessToken> getToken(TokenRequestContext request) {
                return credential.getToken(graph);
            }

            @Override
            public com.azure.core.credential.AccessToken getTokenSync(TokenRequestContext request) {
                return credential.getTokenSync(graph);
            }
        });
        String graphToken = tokens.accessToken(DemoCredentials.TENANT_ID, "https://graph.microsoft.com").value();
        AzuriteProcess azurite = AZURITE.azurite();
        StorageAccount account = new StorageAccount(URI.create(azurite.blobEndpoint()), URI.create(azurite.queueEndpoint()),
                wrongAudience).withTls(trust().sslContext());
        streaming.emit(DNE, 3);

        try (StorageStreamingSource source = StorageStreamingSource.open(StorageStreamingConfig.defaults(stream, account,
                queue).withContinuous(false), new InMemoryDeadLetters())) {
            SourceException failure = catchThrowableOfType(SourceException.class, () -> source.poll(Position.START));

            assertThat(failure.retryable()).as(failure.getMessage()).isFalse();
            assertThat(failure.getMessage()).contains("HTTP 403").contains("AuthenticationFailed")
                    .contains("Invalid token audience").contains("queue '" + queue + "'");
            assertThat(failure.fix()).contains("storage: auth: entra").contains("Storage Blob Data Reader")
                    .contains("Storage Queue Data Contributor").contains("https://storage.azure.com");
            for (String text : new String[] {failure.getMessage(), failure.fix()}) {
                assertThat(text).doesNotContain(graphToken).doesNotContain(DemoCredentials.SECRET_VALUE);
            }
        }
    }

    /** A wrong client secret: Entra's refusal, named as a sign-in failure of storage: auth: entra, secret-free. */
    @Test
    void aSecretEntraRefusesIsReportedAsTheSignInThatFailedWithoutTheSecret() throws Exception {
        String wrong = "Wr0ng~secret-for-the-storage-sign-in";
        Files.writeString(dir.resolve("secret.txt"), wrong + "\n");
        streaming.emit(DNE, 3);

        try (Collector collector = Collector.open(ConfigLoader.load(config("clientSecret: ${file:secret.txt}")))) {
            StreamStatus.Snapshot status = collector.collectOnce(3).get(stream.toString());

            assertThat(status.state()).isNotEqualTo(StreamStatus.State.OK);
            assertThat(status.lastError()).contains("no Entra ID token for Azure Storage").contains("AADSTS7000215");
            assertThat(status.fix()).contains("storage: auth: entra").contains("clientSecret or certificate");
            assertThat(status.lastError() + status.fix()).doesNotContain(wrong);
        }
        assertThat(messagesInQueue()).isEqualTo(1);
    }

    /** A user's configuration: the emulator as the tenant's endpoints, Azurite as the storage account. */
    private Path config(String credential) throws Exception {
        AzuriteProcess azurite = AZURITE.azurite();
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
                    streams: [%s]
                    storage:
                      auth: entra
                      account: %s
                      blobEndpoint: %s
                      queueEndpoint: %s
                      queue: %s
                      grace: 0s
                """.formatted(DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID, credential, emulator.baseUrl(),
                caBundle(), ConnectorConfig.STREAMING_STORAGE, AzuriteProcess.ACCOUNT, azurite.blobEndpoint(),
                azurite.queueEndpoint(), queue));
        return yaml;
    }

    /** One PEM file with both self-signed certificates: the emulator's and Azurite's. */
    private Path caBundle() throws Exception {
        Path bundle = dir.resolve("trusted-cas.pem");
        Files.writeString(bundle, Files.readString(emulator.caCertificatePath()) + "\n"
                + Files.readString(AZURITE.azurite().caCertificatePath().orElseThrow()));
        return bundle;
    }

    private TlsTrust trust() {
        try {
            return TlsTrust.withExtraCa(caBundle());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TokenSource tokens() {
        TlsTrust tls = trust();
        ConnectorConfig.TenantSettings tenant = new ConnectorConfig.TenantSettings("contoso", DemoCredentials.TENANT_ID,
                DemoCredentials.CLIENT_ID, null, null, "global", null,
                new ConnectorConfig.CustomEndpoints(emulator.baseUrl(), emulator.baseUrl(), emulator.baseUrl(),
                        emulator.baseUrl()), true, null, List.of());
        return TokenSource.create(TenantCollection.endpoints(tenant), tls, DemoCredentials.CLIENT_ID,
                ClientSecret.of(DemoCredentials.SECRET_VALUE));
    }

    private long storageTokenRequests() {
        return emulator.admin().tokenRequestCount(DemoCredentials.TENANT_ID, DemoCredentials.CLIENT_ID, STORAGE);
    }

    /** Messages in the queue, visible or held invisible, read with the account key as an operator would. */
    private int messagesInQueue() {
        AzuriteProcess azurite = AZURITE.azurite();
        QueueClient client = new QueueClientBuilder().endpoint(azurite.queueEndpoint()).queueName(queue)
                .credential(new StorageSharedKeyCredential(AzuriteProcess.ACCOUNT, AzuriteProcess.ACCOUNT_KEY))
                .httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                        .sslContext(trust().sslContext())).build())
                .buildClient();
        return client.getProperties().getApproximateMessagesCount();
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
