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

    /** Written by hand: the export writes two of these per row, a million rows per page. */
    public static String export(Instant instant) {
        if (instant == null) {
            return null;
        }
        java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0,
                ZoneOffset.UTC);
        char[] text = new char[19];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String exportPrecise(Instant instant) {
        return instant == null ? null : EXPORT_PRECISE.format(instant);
    }
}
