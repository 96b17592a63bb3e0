package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.ApiRequest;
import org.defenderconnector.microsoft.http.JsonLinesReader;
import org.defenderconnector.microsoft.http.JsonRecord;
import org.defenderconnector.microsoft.http.SignedUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full vulnerability export read through {@code SoftwareVulnerabilitiesExport}: one call lists the
 * export's GZIP files and their SAS URLs, then each file is downloaded (without any token: see
 * {@link org.defenderconnector.microsoft.http.SignedDownloads}) and streamed line by line, at most
 * {@code batchSize} records a poll, the download kept open between polls. Records are those of the JSON
 * export, same kind, ids and versions.
 *
 * <p>The position ({@link FileCursor}) names the export by its generatedTime, the file by number and blob
 * path, and the records of it already emitted. The URLs stay in memory only, so after a restart the export
 * is listed again (one call of the 20 an hour): the same generatedTime continues at the same file and line
 * (the file is downloaded again and that many records read past); a newer one means the export was
 * regenerated meanwhile, and the new one is read from its first file. URLs that expire while the export is
 * read (or are refused by Storage) are replaced the same way, once per poll.
 */
final class FileExport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileExport.class);
    static final String PATH = "/api/machines/SoftwareVulnerabilitiesExport";
    /**
     * The longest validity the API grants ("Maximum is 6 hours"): reading a large organisation's files
     * takes a while, and each expiry costs a listing call.
     */
    static final int SAS_VALID_HOURS = 6;
    /** A URL this close to its expiry is not opened: the download could be refused halfway through a retry. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);
    private static final Set<ApiException.Kind> REFUSED = EnumSet.of(ApiException.Kind.UNAUTHORIZED,
            ApiException.Kind.FORBIDDEN, ApiException.Kind.NOT_FOUND, ApiException.Kind.BAD_REQUEST);

    private final StreamId id;
    private final ApiClient client;
    private final CollectionSpec spec;
    private final CollectionSpec records;
    private final int batchSize;
    private final Clock clock;

    /** The last listing: its URLs are credentials and never leave this object. */
    private ExportFileListing listing;
    private OpenFile open;

    /** A file being streamed, kept open between polls. */
    private static final class OpenFile {
        final String generated;
        final String blob;
        final JsonLinesReader reader;
        /** Records of the file read so far. */
        long line;

        OpenFile(String generated, String blob, JsonLinesReader reader, long line) {
            this.generated = generated;
            this.blob = blob;
            this.reader = reader;
            this.line = line;
        }
    }

    /** Storage refused a URL, or it is about to expire: a new listing is needed. */
    private static final class UrlRefused extends Exception {
        UrlRefused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param spec    the listing endpoint (family MDE_EXPORT_FILES)
     * @param records how records are identified and timed (the JSON export's spec)
     */
    FileExport(StreamId id, ApiClient client, CollectionSpec spec, CollectionSpec records, int batchSize, Clock clock) {
        this.id = id;
        this.client = client;
        this.spec = spec;
        this.records = records;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /**
     * One poll: up to {@code batchSize} records from {@code at}. The batch's position continues the export,
     * or, once its last file is read, holds only {@code since} = when it started.
     */
    Batch poll(FileCursor at, Instant since) throws SourceException {
        boolean relisted = false;
        if (listing == null || at.generated() == null || !at.generated().equals(listing.generated())) {
            listing = list();
            relisted = true;
        }
        FileCursor cursor = align(at, listing);
        List<SourceRecord> out = new ArrayList<>();
        int broken = 0;
        while (out.size() < batchSize) {
            if (cursor.file() >= listing.count()) {
                closeOpenFile();
                LOG.info("{}: full export via files complete ({} files, generated {})", id, listing.count(),
                        listing.generated());
                listing = null;
                Map<String, Object> done = new LinkedHashMap<>();
                done.put("since", cursor.started().toString());
                return new Batch(out, new Position(done), false);
            }
            SignedUrl url = listing.files().get(cursor.file());
            JsonRecord json;
            try {
                OpenFile file = openAt(url, cursor);
                json = file.reader.next();
                if (json == null) {
                    closeOpenFile();
                    cursor = cursor.atFile(cursor.file() + 1, listing);
                    continue;
                }
                cursor = cursor.withLine(cursor.line() + 1);
                file.line = cursor.line();
            } catch (UrlRefused refused) {
                closeOpenFile();
                if (relisted) {
                    throw new ApiException(ApiException.Kind.FORBIDDEN, 403, id + ": export file " + (cursor.file() + 1)
                            + " of " + listing.count() + " was refused with URLs just listed (" + refused.getMessage()
                            + ")", true, "Azure Storage must accept the URLs the export API gives; check that the"
                            + " connector's clock is right and that a proxy does not alter the URLs", null, null);
                }
                LOG.info("{}: listing the export files again: {}", id, refused.getMessage());
                listing = list();
                relisted = true;
                cursor = align(cursor, listing);
                continue;
            } catch (IOException e) {
                closeOpenFile();
                broken++;
                String reason = url.redact(e.getMessage());
                LOG.warn("{}: export file {} broke at record {} ({}), attempt {}", id, url, cursor.line(), reason, broken);
                if (broken >= client.retryPolicy().maxAttempts()) {
                    throw new ApiException(ApiException.Kind.MALFORMED_BODY, 200, id + ": export file " + url
                            + " was broken " + broken + " time(s) in a row (" + reason + ")", true, null, null, null);
                }
                // The listing request stands for the download in messages: it holds no signature.
                client.backOff(spec.request(spec.uri(Map.of())), broken);
                continue;
            }
            out.add(ExportRecords.of(records, json, cursor.started()));
        }
        return new Batch(out, cursor.toPosition(since), true);
    }

    /**
     * The cursor to read from with {@code current}: as it is when the listing is of its export (found by blob
     * path, should the files be listed in another order); the first file of {@code current} when it is
     * another export, or the export's own first listing.
     */
    private FileCursor align(FileCursor cursor, ExportFileListing current) {
        if (cursor.generated() == null) {
            return FileCursor.first(current, cursor.started());
        }
        if (!cursor.generated().equals(current.generated())) {
            LOG.warn("{}: the export being read (generated {}) was replaced by a newer one (generated {}) before it"
                            + " was read to the end: reading the new one from its first file; records already delivered"
                            + " come again with the same uid unless they changed", id, cursor.generated(),
                    current.generated());
            closeOpenFile();
            return FileCursor.first(current, clock.instant());
        }
        if (cursor.blob() == null) {
            return cursor.file() >= current.count() ? cursor : cursor.atFile(cursor.file(), current);
        }
        int index = current.indexOf(cursor.blob());
        if (index < 0) {
            LOG.warn("{}: export generated {} no longer lists file {}: reading it again from its first file", id,
                    cursor.generated(), cursor.blob());
            closeOpenFile();
            return FileCursor.first(current, clock.instant());
        }
        return index == cursor.file() ? cursor : cursor.movedTo(index);
    }

    private ExportFileListing list() throws ApiException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sasValidHours", Integer.toString(SAS_VALID_HOURS));
        ApiRequest request = spec.request(spec.uri(params));
        ExportFileListing listed = client.get(request, ExportFileListing::read);
        LOG.info("{}: export generated {} lists {} file(s); download URLs valid until {}", id, listed.generated(),
                listed.count(), listed.expiry().map(Instant::toString).orElse("(not stated)"));
        return listed;
    }

    /** The open download when it stands exactly at the cursor; else the file downloaded again and read past. */
    private OpenFile openAt(SignedUrl url, FileCursor cursor) throws UrlRefused, IOException, ApiException {
        if (open != null && open.generated.equals(cursor.generated()) && open.blob.equals(cursor.blob())
                && open.line == cursor.line()) {
            return open;
        }
        closeOpenFile();
        Instant expiry = url.expiry().orElse(null);
        if (expiry != null && !clock.instant().plus(EXPIRY_MARGIN).isBefore(expiry)) {
            throw new UrlRefused("the download URLs expire at " + expiry);
        }
        InputStream body;
        try {
            body = client.downloads().open(url);
        } catch (ApiException e) {
            if (REFUSED.contains(e.kind())) {
                throw new UrlRefused(e.getMessage());
            }
            throw e;
        }
        JsonLinesReader reader;
        try {
            reader = new JsonLinesReader(body, records.wantedFields());
            if (cursor.line() > 0) {
                long skipped = reader.skip(cursor.line());
                if (skipped < cursor.line()) {
                    LOG.warn("{}: export file {} has {} records now, fewer than the {} already emitted", id, url, skipped,
                            cursor.line());
                }
            }
        } catch (IOException e) {
            body.close();
            throw e;
        }
        LOG.debug("{}: reading export file {} ({} of {}) from record {}", id, url, cursor.file() + 1, listing.count(),
                cursor.line());
        open = new OpenFile(cursor.generated(), cursor.blob(), reader, cursor.line());
        return open;
    }

    private void closeOpenFile() {
        if (open != null) {
            try {
                open.reader.close();
            } catch (IOException ignored) {
                // Abandoning a download: nothing useful to do with a failure to close it.
            }
            open = null;
        }
    }

    @Override
    public void close() {
        closeOpenFile();
        listing = null;
    }
}
