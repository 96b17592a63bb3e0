package org.defenderconnector.emulator.exportfiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;

import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.data.Vulnerabilities;
import org.defenderconnector.emulator.http.ConnectionAbort;
import org.defenderconnector.emulator.http.Exchanges;
import org.defenderconnector.emulator.views.MdeViews;

/**
 * Answers a GET of an export file the way Azure Storage answers a blob read with a SAS: a bearer token is
 * authenticated first (and refused: it is not a Storage token), then the SAS, then the blob must exist. The body
 * is generated while it is written and compressed, so a file costs no memory whatever its size.
 */
final class ExportFileServer {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final EmulatorData data;
    private final ExportFiles files;
    private final SharedAccessSignature sas;
    private final Clock clock;

    ExportFileServer(EmulatorData data, ExportFiles files, SharedAccessSignature sas, Clock clock) {
        this.data = data;
        this.files = files;
        this.sas = sas;
        this.clock = clock;
    }

    void handle(HttpExchange exchange) throws IOException {
        Instant now = clock.instant();
        String requestId = UUID.randomUUID().toString();
        String path = exchange.getRequestURI().getPath();
        List<String> headerNames = new ArrayList<>();
        exchange.getRequestHeaders().keySet().forEach(name -> headerNames.add(name.toLowerCase(Locale.ROOT)));
        boolean authorization = exchange.getRequestHeaders().containsKey("Authorization");
        Optional<BlobPath> blob = BlobPath.parse(path);
        StorageError error = refusal(exchange, path, authorization, blob, now);
        if (error != null) {
            files.record(new FileRequest(path, headerNames, authorization, error.status(), now));
            sendError(exchange, error, requestId, now, blob);
            return;
        }
        files.record(new FileRequest(path, headerNames, authorization, 200, now));
        send(exchange, blob.orElseThrow(), requestId);
    }

    private StorageError refusal(HttpExchange exchange, String path, boolean authorization, Optional<BlobPath> blob,
                                 Instant now) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return new StorageError(405, "UnsupportedHttpVerb", "The resource doesn't support specified Http Verb.",
                    null);
        }
        if (authorization) {
            return StorageError.foreignBearerToken();
        }
        Optional<StorageError> denied = sas.refusal(path, Exchanges.parseQuery(exchange.getRequestURI().getRawQuery()),
                now);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (blob.isEmpty() || !blob.get().layout().equals(files.currentLayout(blob.get().tenantId(),
                blob.get().snapshot())) || firstRow(blob.get()) >= rowCount(blob.get())) {
            return StorageError.blobNotFound();
        }
        return null;
    }

    private void send(HttpExchange exchange, BlobPath blob, String requestId) throws IOException {
        TenantData tenant = data.tenant(blob.tenantId());
        Vulnerabilities vulnerabilities = tenant.vulnerabilities();
        long from = firstRow(blob);
        long to = Math.min(from + files.rowsPerFile(), rowCount(blob));
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("x-ms-blob-type", "BlockBlob");
        exchange.getResponseHeaders().set("x-ms-version", SharedAccessSignature.VERSION);
        exchange.getResponseHeaders().set("x-ms-request-id", requestId);
        exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(blob.snapshot()));
        exchange.getResponseHeaders().set("ETag", "\"0x" + Long.toHexString(blob.path().hashCode() & 0xffffffffL)
                .toUpperCase(Locale.ROOT) + "\"");
        exchange.sendResponseHeaders(200, 0);
        long cutAfter = files.takeBreak();
        OutputStream raw = exchange.getResponseBody();
        // Sync flush: a cut connection still delivers every line written before it.
        GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(raw, 64 * 1024), 8 * 1024, true);
        JsonGenerator generator = Exchanges.JSON.getFactory().createGenerator(gzip);
        // Multiline JSON: one object per line, nothing between them but the newline.
        generator.setRootValueSeparator(null);
        long written = 0;
        for (long line = from; line < to; line++) {
            if (written == cutAfter) {
                generator.flush();
                gzip.flush();
                throw new ConnectionAbort("fault injection: export file cut after " + cutAfter + " lines");
            }
            MdeViews.writeExportRow(generator, vulnerabilities.row(line, blob.snapshot()), null);
            generator.writeRaw('\n');
            written++;
        }
        generator.close();
        exchange.close();
    }

    private long firstRow(BlobPath blob) {
        return (long) blob.index() * files.rowsPerFile();
    }

    private long rowCount(BlobPath blob) {
        TenantData tenant = data.tenant(blob.tenantId());
        return tenant.provisioned() ? tenant.vulnerabilities().rowCount() : 0;
    }

    private static void sendError(HttpExchange exchange, StorageError error, String requestId, Instant now,
                                  Optional<BlobPath> blob) throws IOException {
        exchange.getResponseHeaders().set("x-ms-request-id", requestId);
        exchange.getResponseHeaders().set("x-ms-error-code", error.code());
        if (error.status() == 401) {
            String tenant = blob.map(BlobPath::tenantId).orElse("common");
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline"
                    + ".com/" + tenant + "/oauth2/authorize resource_id=https://storage.azure.com");
        }
        byte[] body = error.xml(requestId, now).getBytes(StandardCharsets.UTF_8);
        Exchanges.send(exchange, error.status(), "application/xml", body, java.util.Map.of());
    }
}
