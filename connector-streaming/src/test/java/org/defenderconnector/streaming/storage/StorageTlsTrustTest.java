package org.defenderconnector.streaming.storage;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.emulator.streaming.AzuriteProcess;
import org.defenderconnector.emulator.streaming.StreamingEmulator;
import org.defenderconnector.emulator.streaming.StreamingEmulatorConfig;
import org.defenderconnector.streaming.InMemoryDeadLetters;
import org.defenderconnector.streaming.testing.AzuriteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The account's endpoints are reached with the trust the account carries: an HTTPS Azurite with a
 * self-signed certificate is refused under the JDK's default trust, with the setting that fixes it, and read
 * once its certificate is trusted.
 */
class StorageTlsTrustTest {
    @RegisterExtension
    static final AzuriteExtension AZURITE = AzuriteExtension.withOAuth();
    private static final String DNE = "DeviceNetworkEvents";

    private final StreamId streamId = new StreamId("contoso", "streaming-storage");

    private StorageStreamingConfig config(String queue, SSLContext trust) {
        AzuriteProcess azurite = AZURITE.azurite();
        StorageAccount account = new StorageAccount(URI.create(azurite.blobEndpoint()), URI.create(azurite.queueEndpoint()),
                new StorageAuth.SharedKey(AzuriteProcess.ACCOUNT, AzuriteProcess.ACCOUNT_KEY)).withTls(trust);
        return StorageStreamingConfig.defaults(streamId, account, queue).withContinuous(false);
    }

    @Test
    void anUntrustedCertificateNamesCaCertificateAndATrustedOneIsRead() throws Exception {
        String queue = "tls-" + UUID.randomUUID().toString().substring(0, 8);
        try (StreamingEmulator emulator = StreamingEmulator.start(StreamingEmulatorConfig.forAzurite(AZURITE.azurite())
                .withQueue(queue).withTenant(UUID.randomUUID().toString()))) {
            assertThat(AZURITE.azurite().blobEndpoint()).startsWith("https://");
            emulator.emit(DNE, 7);

            try (StorageStreamingSource untrusted = StorageStreamingSource.open(config(queue, null), new InMemoryDeadLetters())) {
                SourceException failure = catchThrowableOfType(SourceException.class, () -> untrusted.poll(Position.START));
                assertThat(failure.getMessage()).contains("TLS certificate is not trusted");
                assertThat(failure.retryable()).isTrue();
                assertThat(failure.fix()).contains("caCertificate");
            }

            try (StorageStreamingSource trusted = StorageStreamingSource.open(config(queue, trusting()),
                    new InMemoryDeadLetters())) {
                Batch batch = trusted.poll(Position.START);
                assertThat(batch.records()).hasSize(7);
            }
        }
    }

    /** Trusts Azurite's certificate, as the tenant's caCertificate does in the product. */
    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream pem = Files.newInputStream(AZURITE.azurite().caCertificatePath().orElseThrow())) {
            store.setCertificateEntry("azurite", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
