package org.defenderconnector.emulator.views;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The timestamp formats Microsoft's APIs use, each where its samples show it. */
public final class JsonTime {

    /** MDE, XDR and Graph entities: ISO-8601 UTC with 7 fractional digits ({@code 2021-01-26T20:33:57.7220239Z}). */
    private static final DateTimeFormatter PRECISE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Vulnerability catalog dates ({@code 2019-10-08T00:00:00Z}). */
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Export API first/last seen: no zone, no fraction ({@code 2020-12-30 14:17:26}). */
    private static final DateTimeFormatter EXPORT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Delta export eventTimestamp: no zone, 7 digits ({@code 2020-11-03 10:13:34.8476880}). */
    private static final DateTimeFormatter EXPORT_PRECISE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS").withZone(ZoneOffset.UTC);

    private JsonTime() {
    }

    public static String precise(Instant instant) {
        return instant == null ? null : PRECISE.format(instant);
    }

    public static String seconds(Instant instant) {
        return instant == null ? null : SECONDS.format(instant);
    }

    public static String export(Instant instant) {
        return instant == null ? null : EXPORT.format(instant);
    }

    public static String exportPrecise(Instant instant) {
        return instant == null ? null : EXPORT_PRECISE.format(instant);
    }
}
