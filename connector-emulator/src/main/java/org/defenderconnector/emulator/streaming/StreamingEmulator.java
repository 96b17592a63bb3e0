package org.defenderconnector.emulator.streaming;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Microsoft Defender XDR Streaming API, played into Azurite (and optionally Kafka, standing in for an
 * Event Hubs namespace). Records have the real envelope — {@code time, tenantId, operationName, category,
 * _TimeReceivedBySvc, properties, Tenant} — as compact JSON, one per CRLF-terminated line, appended to hourly
 * append blobs; each new blob raises one Event Grid BlobCreated message in the queue.
 *
 * <p>Entry point of {@code defender-connector emulator --streaming}: {@link #start}, then
 * {@link #startGenerating()} for a steady rate, or {@link #emit} for explicit batches; {@link #close} stops.
 */
public final class StreamingEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingEmulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamingEmulatorConfig config;
    private final Clock clock;
    private final DefenderRowGenerator rows;
    private final HourlyAppendBlobs blobs;
    private final EventHubPublisher eventHub;
    private final AtomicLong emitted = new AtomicLong();
    private ScheduledExecutorService generator;

    private StreamingEmulator(StreamingEmulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.rows = new DefenderRowGenerator(config.seed(), config.devices());
        HttpClient http = httpClient(config.caCertificate());
        StorageSharedKeyCredential key = new StorageSharedKeyCredential(config.accountName(), config.accountKey());
        BlobServiceClient service = new BlobServiceClientBuilder().endpoint(config.blobEndpoint()).credential(key)
                .httpClient(http).buildClient();
        QueueClient queue = new QueueClientBuilder().endpoint(config.queueEndpoint()).credential(key)
                .queueName(config.queueName()).messageEncoding(QueueMessageEncoding.NONE).httpClient(http).buildClient();
        queue.createIfNotExists();
        BlobCreatedNotifier notifier = new BlobCreatedNotifier(queue, config.encoding(), config.accountName(),
                config.blobEndpoint(), config.seed());
        this.blobs = new HourlyAppendBlobs(service, notifier, config.tenantId());
        this.eventHub = config.kafkaBootstrap() == null ? null : new EventHubPublisher(config.kafkaBootstrap());
    }

    /**
     * The Azure SDK's JDK transport; with a CA certificate (Azurite serving HTTPS for OAuth) it trusts that
     * certificate only, since the emulator talks to nothing but the local Azurite.
     */
    private static HttpClient httpClient(Path caCertificate) {
        if (caCertificate == null) {
            return new JdkHttpClientBuilder().build();
        }
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("azurite-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(tls)).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust Azurite's certificate " + caCertificate + ": " + e.getMessage(), e);
        }
    }

    /** Connects to Azurite (and Kafka when configured) and creates the queue if missing. */
    public static StreamingEmulator start(StreamingEmulatorConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(StreamingEmulatorConfig)}; the clock decides record times and therefore blob hours. */
    public static StreamingEmulator start(StreamingEmulatorConfig config, Clock clock) {
        LOG.info("streaming emulator: {}", config);
        return new StreamingEmulator(config, clock);
    }

    /** The container of a table, e.g. {@code insights-logs-advancedhunting-devicenetworkevents}. */
    public static String containerOf(String table) {
        return HourlyAppendBlobs.container(table);
    }

    /** The blob path of the hour that contains {@code time}. */
    public String blobPath(Instant time) {
        return blobs.path(time);
    }

    /**
     * Generates {@code count} records of {@code table} received now (per the clock) and appends them, in one
     * append, to the current hour's blob; the first append of an hour creates the blob and notifies.
     *
     * @return the lines written, without their CRLF
     */
    public List<String> emit(String table, int count) {
        Instant now = clock.instant();
        List<String> lines = records(table, count, now);
        appendLines(table, now, lines);
        return lines;
    }

    /** Generated records (envelope JSON) without writing them anywhere. */
    public synchronized List<String> records(String table, int count, Instant receivedAt) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(envelope(table, rows.row(table, receivedAt.minus(Duration.ofSeconds(1))), receivedAt));
        }
        return lines;
    }

    /** Appends lines as they are (each gets a CRLF) to the blob of {@code table} for the hour of {@code at}. */
    public String appendLines(String table, Instant at, List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(lines.size() * 1400);
        for (String line : lines) {
            bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[] {'\r', '\n'});
        }
        return appendBytes(table, at, bytes.toByteArray());
    }

    /** Appends raw bytes (tests use it to write a line in two halves). Returns {@code container/path}. */
    public String appendBytes(String table, Instant at, byte[] bytes) {
        String key = blobs.append(table, at, bytes);
        emitted.addAndGet(count(bytes));
        return key;
    }

    /**
     * Generates {@code count} records of {@code table} and publishes them to the Kafka topic as Event Hub
     * messages of {@code recordsPerMessage} records. Returns the records.
     */
    public List<String> publish(String topic, String table, int count) {
        List<String> records = records(table, count, clock.instant());
        requireEventHub().publish(topic, records, config.recordsPerMessage());
        return records;
    }

    /** Publishes one message body as it is (for malformed-message tests). */
    public void publishRaw(String topic, String body) {
        try {
            requireEventHub().send(topic, body);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the message: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private EventHubPublisher requireEventHub() {
        if (eventHub == null) {
            throw new IllegalStateException("no Kafka bootstrap configured for Event Hub publishing");
        }
        return eventHub;
    }

    /**
     * Appends {@code eventsPerSecond} records a second, spread over the configured tables, in ten appends a
     * second, until {@link #close}.
     */
    public synchronized void startGenerating() {
        if (generator != null || config.eventsPerSecond() == 0) {
            return;
        }
        generator = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "streaming-emulator");
            t.setDaemon(true);
            return t;
        });
        double perTick = config.eventsPerSecond() / 10.0;
        double[] owed = new double[1];
        int[] table = new int[1];
        generator.scheduleAtFixedRate(() -> {
            try {
                owed[0] += perTick;
                int n = (int) owed[0];
                owed[0] -= n;
                List<String> tables = config.tables();
                for (int i = 0; i < tables.size() && n > 0; i++) {
                    int share = (n + tables.size() - 1 - i) / (tables.size() - i);
                    String t = tables.get((table[0] + i) % tables.size());
                    if (share > 0) {
                        emit(t, share);
                        n -= share;
                    }
                }
                table[0]++;
            } catch (RuntimeException e) {
                if (generator.isShutdown()) {
                    return; // close() interrupted an append in flight: stopping, not a failure
                }
                LOG.warn("streaming emulator: append failed: {}", e.toString());
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Records appended so far (lines, counted by their terminators). */
    public long emitted() {
        return emitted.get();
    }

    private String envelope(String table, ObjectNode properties, Instant receivedAt) {
        ObjectNode record = JSON.createObjectNode();
        record.put("time", DefenderTimes.format(receivedAt));
        record.put("tenantId", config.tenantId());
        record.put("operationName", "Publish");
        record.put("category", "AdvancedHunting-" + table);
        record.put("_TimeReceivedBySvc", DefenderTimes.format(receivedAt.minusMillis(500)));
        record.set("properties", properties);
        record.put("Tenant", "DefaultTenant");
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized void close() {
        if (generator != null) {
            // Let an append in flight finish rather than interrupt it: an interrupted request is cancelled
            // inside the Azure SDK, which logs the cancellation with a stack trace (seen when the demo ends).
            generator.shutdown();
            try {
                if (!generator.awaitTermination(5, TimeUnit.SECONDS)) {
                    generator.shutdownNow();
                }
            } catch (InterruptedException e) {
                generator.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (eventHub != null) {
            eventHub.close();
        }
    }
}
