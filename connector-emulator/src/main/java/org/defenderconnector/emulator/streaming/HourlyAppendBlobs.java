package org.defenderconnector.emulator.streaming;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.AppendBlobClient;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Streaming API's storage layout: a container per table ({@code insights-logs-advancedhunting-<table>}),
 * an append blob per tenant and hour ({@code tenantId=<tid>/y=YYYY/m=MM/d=DD/h=HH/m=00/PT1H.json}) grown by
 * appends during the hour. Creating a blob raises a BlobCreated notification; appending does not.
 */
final class HourlyAppendBlobs {
    static final String CONTAINER_PREFIX = "insights-logs-advancedhunting-";
    /** Azure's limit for one Append Block with older service versions (Azurite keeps it). */
    private static final int MAX_APPEND = 4 * 1024 * 1024;

    private final BlobServiceClient service;
    private final BlobCreatedNotifier notifier;
    private final String tenantId;
    private final Map<String, BlobContainerClient> containers = new HashMap<>();
    private final Map<String, AppendBlobClient> blobs = new HashMap<>();

    HourlyAppendBlobs(BlobServiceClient service, BlobCreatedNotifier notifier, String tenantId) {
        this.service = service;
        this.notifier = notifier;
        this.tenantId = tenantId;
    }

    static String container(String table) {
        return CONTAINER_PREFIX + table.toLowerCase(Locale.ROOT);
    }

    String path(Instant time) {
        ZonedDateTime t = time.atZone(ZoneOffset.UTC);
        return String.format(Locale.ROOT, "tenantId=%s/y=%04d/m=%02d/d=%02d/h=%02d/m=00/PT1H.json", tenantId,
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
    }

    /** Appends bytes (whole CRLF-terminated lines) to the blob of {@code table} for the hour of {@code time}. */
    synchronized String append(String table, Instant time, byte[] bytes) {
        String container = container(table);
        String path = path(time);
        AppendBlobClient blob = blobs.computeIfAbsent(container + "/" + path, key -> create(container, path, time));
        for (int from = 0; from < bytes.length; from += MAX_APPEND) {
            int length = Math.min(MAX_APPEND, bytes.length - from);
            blob.appendBlock(new ByteArrayInputStream(bytes, from, length), length);
        }
        return container + "/" + path;
    }

    private AppendBlobClient create(String container, String path, Instant time) {
        BlobContainerClient c = containers.computeIfAbsent(container, name -> {
            BlobContainerClient client = service.getBlobContainerClient(name);
            client.createIfNotExists();
            return client;
        });
        AppendBlobClient blob = c.getBlobClient(path).getAppendBlobClient();
        try {
            blob.create(false);
            notifier.blobCreated(container, path, time);
        } catch (BlobStorageException e) {
            if (e.getErrorCode() != BlobErrorCode.BLOB_ALREADY_EXISTS) {
                throw e;
            }
            // Created by an earlier run of the emulator: keep appending, as Defender would.
        }
        return blob;
    }
}
