package org.defenderconnector.emulator.exportfiles;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

import org.defenderconnector.emulator.data.EmulatorData;

/**
 * The files of the vulnerability export via files ({@code GET /api/machines/SoftwareVulnerabilitiesExport},
 * get-assessment-software-vulnerabilities.md §2): issues SAS URLs for the files of a snapshot and serves them,
 * over the emulator's own HTTPS, as Azure Storage would: GZIP-compressed, one JSON object (a row of the JSON
 * export, byte for byte) per line. A URL works without any Authorization header until its {@code se}; an expired,
 * unsigned or altered URL is refused with 403 in Storage's XML error shape.
 *
 * <p>Every request for a file is recorded (path, header names, status) so tests can prove a client never sends
 * its API token to the storage host.
 */
public final class ExportFiles {

    /** The doc gives no file size; 50,000 rows (~50 MB before compression) per file is a plausible shape. */
    public static final int DEFAULT_ROWS_PER_FILE = 50_000;
    /** "The download URLs are valid for 1 hour unless the sasValidHours parameter is used." */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(1);
    /** "sasValidHours: ... Maximum is 6 hours." */
    public static final int MAX_SAS_VALID_HOURS = 6;
    private static final int KEPT_REQUESTS = 1_000;

    private final Clock clock;
    private final SharedAccessSignature sas = new SharedAccessSignature();
    private final ExportFileServer server;
    private final Deque<FileRequest> requests = new ArrayDeque<>();
    private volatile int rowsPerFile = DEFAULT_ROWS_PER_FILE;
    private final AtomicLong breakAfterLines = new AtomicLong(-1);

    public ExportFiles(EmulatorData data, Clock clock) {
        this.clock = clock;
        this.server = new ExportFileServer(data, this, sas, clock);
    }

    /**
     * The download URLs of the export of {@code tenantId} made at {@code snapshot}, holding {@code rows} rows,
     * valid from now for {@code validity}.
     */
    public List<String> issue(String baseUrl, String tenantId, Instant snapshot, long rows, Duration validity) {
        int perFile = rowsPerFile;
        String layout = BlobPath.layoutOf(tenantId, snapshot, perFile);
        Instant start = clock.instant();
        Instant expiry = start.plus(validity);
        long files = (rows + perFile - 1) / perFile;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String path = new BlobPath(tenantId, snapshot, layout, i).path();
            urls.add(baseUrl + path + "?" + sas.query(path, start, expiry));
        }
        return urls;
    }

    /** Rows per file in listings made from now on (files of earlier listings then no longer exist). */
    public void setRowsPerFile(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows per file must be at least 1");
        }
        rowsPerFile = rows;
    }

    public int rowsPerFile() {
        return rowsPerFile;
    }

    /**
     * Fault injection: the next file download is cut (the connection dropped mid-body) after {@code lines} lines.
     * Once.
     */
    public void breakNextDownloadAfter(long lines) {
        breakAfterLines.set(lines);
    }

    /** The most recent file requests (up to 1,000), oldest first. */
    public synchronized List<FileRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    /** True for paths under the export container, which {@link #handle} serves. */
    public boolean handles(String path) {
        return BlobPath.isExportPath(path);
    }

    /** Serves one request for an export file. */
    public void handle(HttpExchange exchange) throws IOException {
        server.handle(exchange);
    }

    /** The layout files of a snapshot are served with (the current rows per file). */
    String currentLayout(String tenantId, Instant snapshot) {
        return BlobPath.layoutOf(tenantId, snapshot, rowsPerFile);
    }

    /** Takes the one-shot cut, if armed: the number of lines to send before dropping the connection, else -1. */
    long takeBreak() {
        return breakAfterLines.getAndSet(-1);
    }

    synchronized void record(FileRequest request) {
        requests.addLast(request);
        while (requests.size() > KEPT_REQUESTS) {
            requests.removeFirst();
        }
    }
}
