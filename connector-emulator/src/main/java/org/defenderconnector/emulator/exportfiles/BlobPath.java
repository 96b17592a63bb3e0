package org.defenderconnector.emulator.exportfiles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one export file lives, spelled like the paths in Microsoft's sample
 * ({@code /tvm-export/2021-01-11/1101/VaExport/json/OrgId=<org>/part-00393-<guid>.c000.json.gz}): the snapshot's
 * date and time, the organisation, and the file's number in the {@code cNNN} suffix. The GUID names the file
 * layout (rows per file) the listing was made with, so a file of an abandoned layout no longer exists.
 *
 * @param tenantId the organisation (tenant) the export belongs to
 * @param snapshot the export's generatedTime
 * @param layout   the layout's GUID
 * @param index    the file's number, from 0
 */
record BlobPath(String tenantId, Instant snapshot, String layout, int index) {

    static final String CONTAINER = "/tvm-export/";
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd/HHmm").withZone(ZoneOffset.UTC);
    private static final Pattern PATH = Pattern.compile("^/tvm-export/(\\d{4}-\\d{2}-\\d{2}/\\d{4})/VaExport/json/"
            + "OrgId=([^/]+)/part-00000-([0-9a-f-]{36})\\.c(\\d{3,})\\.json\\.gz$");

    /** The GUID of a layout: the same for the same organisation, snapshot and rows per file. */
    static String layoutOf(String tenantId, Instant snapshot, int rowsPerFile) {
        String name = tenantId.toLowerCase(Locale.ROOT) + "|" + snapshot + "|" + rowsPerFile;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static boolean isExportPath(String path) {
        return path.startsWith(CONTAINER);
    }

    /** The path of a request, or empty when it names no export file. */
    static Optional<BlobPath> parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant snapshot = DAY_AND_TIME.parse(m.group(1), Instant::from);
            return Optional.of(new BlobPath(m.group(2), snapshot, m.group(3), Integer.parseInt(m.group(4))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    String path() {
        return CONTAINER + DAY_AND_TIME.format(snapshot) + "/VaExport/json/OrgId=" + tenantId + "/part-00000-" + layout
                + ".c" + String.format(Locale.ROOT, "%03d", index) + ".json.gz";
    }
}
