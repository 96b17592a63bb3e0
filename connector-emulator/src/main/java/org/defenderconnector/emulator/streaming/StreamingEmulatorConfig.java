package org.defenderconnector.emulator.streaming;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the streaming emulator writes and where.
 *
 * @param blobEndpoint     Azurite's blob endpoint, e.g. {@code http://127.0.0.1:10000/devstoreaccount1}
 * @param queueEndpoint    Azurite's queue endpoint
 * @param accountName      the storage account (Azurite: devstoreaccount1)
 * @param accountKey       its key (Azurite's is public)
 * @param queueName        the queue the BlobCreated events go to (created if missing)
 * @param tenantId         the Entra tenant GUID written in paths and records
 * @param seed             generated data depends only on this (and the calls made)
 * @param devices          how many devices the events come from
 * @param eventsPerSecond  rate of {@link StreamingEmulator#startGenerating()}, over all tables
 * @param tables           the advanced hunting tables to generate
 * @param encoding         how the queue message is encoded
 * @param kafkaBootstrap   Kafka bootstrap servers for Event Hub style publishing, or null
 * @param recordsPerMessage records per {@code {"records":[...]}} Event Hub message
 * @param caCertificate    a PEM certificate to trust for Azurite's HTTPS endpoints (Azurite started with
 *                         OAuth), or null for HTTP endpoints or publicly trusted ones
 */
public record StreamingEmulatorConfig(String blobEndpoint, String queueEndpoint, String accountName, String accountKey,
                                      String queueName, String tenantId, long seed, int devices,
                                      double eventsPerSecond, List<String> tables, NotificationEncoding encoding,
                                      String kafkaBootstrap, int recordsPerMessage, Path caCertificate) {
    public StreamingEmulatorConfig {
        Objects.requireNonNull(blobEndpoint, "blobEndpoint");
        Objects.requireNonNull(queueEndpoint, "queueEndpoint");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(tenantId, "tenantId");
        tables = List.copyOf(tables);
        for (String table : tables) {
            if (!DefenderRowGenerator.TABLES.contains(table)) {
                throw new IllegalArgumentException("unsupported table " + table + "; one of " + DefenderRowGenerator.TABLES);
            }
        }
        Objects.requireNonNull(encoding, "encoding");
        if (eventsPerSecond < 0 || recordsPerMessage < 1 || devices < 1) {
            throw new IllegalArgumentException("eventsPerSecond >= 0, recordsPerMessage >= 1 and devices >= 1");
        }
    }

    /** Azurite's development account, queue {@code defender-streaming}, seed 1, 50 devices, 100 events/s. */
    public static StreamingEmulatorConfig forAzurite(AzuriteProcess azurite) {
        return new StreamingEmulatorConfig(azurite.blobEndpoint(), azurite.queueEndpoint(), AzuriteProcess.ACCOUNT,
                AzuriteProcess.ACCOUNT_KEY, "defender-streaming", "00000000-0000-0000-0000-0000000000aa", 1, 50, 100,
                DefenderRowGenerator.TABLES, NotificationEncoding.BASE64, null, 50, azurite.caCertificatePath().orElse(null));
    }

    public StreamingEmulatorConfig withQueue(String name) {
        return new StreamingEmulatorConfig(blobEndpoint, queueEndpoint, accountName, accountKey, name, tenantId, seed,
                devices, eventsPerSecond, tables, encoding, kafkaBootstrap, recordsPerMessage, caCertificate);
    }

    public StreamingEmulatorConfig withTenant(String value) {
        return new StreamingEmulatorConfig(blobEndpoint, queueEndpoint, accountName, accountKey, queueName, value, seed,
                devices, eventsPerSecond, tables, encoding, kafkaBootstrap, recordsPerMessage, caCertificate);
    }

    public StreamingEmulatorConfig withEncoding(NotificationEncoding value) {
        return new StreamingEmulatorConfig(blobEndpoint, queueEndpoint, accountName, accountKey, queueName, tenantId,
                seed, devices, eventsPerSecond, tables, value, kafkaBootstrap, recordsPerMessage, caCertificate);
    }

    public StreamingEmulatorConfig withRate(double perSecond) {
        return new StreamingEmulatorConfig(blobEndpoint, queueEndpoint, accountName, accountKey, queueName, tenantId,
                seed, devices, perSecond, tables, encoding, kafkaBootstrap, recordsPerMessage, caCertificate);
    }

    public StreamingEmulatorConfig withSeed(long value) {
        return new StreamingEmulatorConfig(blobEndpoint, queueEndpoint, accountName, accountKey, queueName, tenantId,
                value, devices, eventsPerSecond, tables, encoding, kafkaBootstrap, recordsPerMessage, caCertificate);
    }

    public StreamingEmulatorConfig withTables(List<String> value) {
        return new StreamingEmulatorConfig(blobEndpoint, queueEndpoint, accountName, accountKey, queueName, tenantId,
                seed, devices, eventsPerSecond, value, encoding, kafkaBootstrap, recordsPerMessage, caCertificate);
    }

    public StreamingEmulatorConfig withKafka(String bootstrap, int perMessage) {
        return new StreamingEmulatorConfig(blobEndpoint, queueEndpoint, accountName, accountKey, queueName, tenantId,
                seed, devices, eventsPerSecond, tables, encoding, bootstrap, perMessage, caCertificate);
    }

    @Override
    public String toString() {
        return "StreamingEmulatorConfig[blob=" + blobEndpoint + ", queue=" + queueEndpoint + "/" + queueName
                + ", account=" + accountName + ", key=***, tenant=" + tenantId + ", seed=" + seed + ", tables=" + tables
                + ", rate=" + eventsPerSecond + "/s, encoding=" + encoding + ", kafka=" + kafkaBootstrap + "]";
    }
}
