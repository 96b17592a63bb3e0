package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Position;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a full export via files stands: which export (its generatedTime), which file (its number and its
 * blob path, which stays the same when the URLs are issued again) and how many of its records were emitted.
 * Never the URLs: their query strings are credentials, and a position is stored and shown.
 *
 * @param generated the export's generatedTime, null until the first listing
 * @param file      the file being read, from 0
 * @param blob      that file's blob path (null before the first listing or past the last file)
 * @param line      records of that file already emitted
 * @param started   when this export began (the next delta's sinceTime once it completes)
 */
record FileCursor(String generated, int file, String blob, long line, Instant started) {
    static final String EXPORT = "files";

    static FileCursor start(Instant now) {
        return new FileCursor(null, 0, null, 0, now);
    }

    /** True for a position written by a full export via files. */
    static boolean isFilePosition(Position position) {
        return "full".equals(position.string("phase").orElse(null))
                && EXPORT.equals(position.string("export").orElse(null));
    }

    static FileCursor of(Position position) {
        return new FileCursor(position.string("generated").orElse(null),
                position.number("file").orElse(0L).intValue(), position.string("blob").orElse(null),
                position.number("line").orElse(0L), Instant.parse(position.string("started").orElseThrow()));
    }

    /** The first file of the export {@code listing} describes, which began at {@code started}. */
    static FileCursor first(ExportFileListing listing, Instant started) {
        return new FileCursor(listing.generated(), 0, listing.path(0), 0, started);
    }

    FileCursor withLine(long next) {
        return new FileCursor(generated, file, blob, next, started);
    }

    /** The start of file {@code index} of {@code listing}. */
    FileCursor atFile(int index, ExportFileListing listing) {
        return new FileCursor(generated, index, listing.path(index), 0, started);
    }

    /** The same file and line, found at {@code index} of a new listing of the same export. */
    FileCursor movedTo(int index) {
        return new FileCursor(generated, index, blob, line, started);
    }

    Position toPosition(Instant since) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("phase", "full");
        values.put("export", EXPORT);
        if (generated != null) {
            values.put("generated", generated);
        }
        values.put("file", (long) file);
        if (blob != null) {
            values.put("blob", blob);
        }
        values.put("line", line);
        values.put("started", started.toString());
        if (since != null) {
            values.put("since", since.toString());
        }
        return new Position(values);
    }
}
