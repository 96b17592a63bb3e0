package org.defenderconnector.emulator.streaming;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Defender's streamed time format: UTC with seven fraction digits, e.g. 2025-03-04T10:15:30.1234567Z. */
final class DefenderTimes {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private DefenderTimes() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
