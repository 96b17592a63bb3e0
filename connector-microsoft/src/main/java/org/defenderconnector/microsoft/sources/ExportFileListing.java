package org.defenderconnector.microsoft.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.microsoft.http.ODataPageReader;
import org.defenderconnector.microsoft.http.SignedUrl;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code SoftwareVulnerabilitiesExport}: the export's {@code generatedTime} and the SAS URLs
 * of its files. Held in memory only: the URLs are credentials.
 *
 * @param generated the {@code generatedTime} as the API spelled it (compared as text across listings)
 * @param files     the download URLs, in the order the API listed them
 */
record ExportFileListing(String generated, List<SignedUrl> files) {
    private static final ObjectMapper JSON = new ObjectMapper();

    ExportFileListing {
        files = List.copyOf(files);
    }

    /** Reads the listing; a body that is not the documented shape is a broken body (asked for again). */
    static ExportFileListing read(InputStream body) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The parser's message may quote the text around the fault: part of a signed URL.
            throw new ODataPageReader.MalformedPageException("the export listing is not JSON (at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        JsonNode urls = root == null ? null : root.get("exportFiles");
        JsonNode generated = root == null ? null : root.get("generatedTime");
        if (urls == null || !urls.isArray() || generated == null || !generated.isTextual()) {
            throw new ODataPageReader.MalformedPageException("the export listing has no 'exportFiles' array or no"
                    + " 'generatedTime'");
        }
        List<SignedUrl> files = new ArrayList<>();
        for (JsonNode url : urls) {
            try {
                files.add(SignedUrl.parse(url.asText()));
            } catch (IllegalArgumentException e) {
                // The message would quote the URL, signature and all.
                throw new ODataPageReader.MalformedPageException("an 'exportFiles' entry is not an https URL");
            }
        }
        return new ExportFileListing(generated.asText(), files);
    }

    int count() {
        return files.size();
    }

    /** The blob path of file {@code index} (no host, no query), or null past the last file. */
    String path(int index) {
        return index < files.size() ? files.get(index).path() : null;
    }

    /** Where the file with this blob path is in this listing, or -1. */
    int indexOf(String path) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }

    /** The earliest expiry among the URLs, if they say. */
    Optional<Instant> expiry() {
        return files.stream().map(SignedUrl::expiry).flatMap(Optional::stream).min(Instant::compareTo);
    }
}
