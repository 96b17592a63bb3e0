package org.defenderconnector.ocsf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Parses the date-time spellings Defender uses: ISO-8601 with 0 to 7 fraction digits and a Z or
 * offset ({@code 2021-01-26T20:33:57.7220239Z}), ISO without a zone (stream envelopes'
 * {@code _TimeReceivedBySvc}), and the export API's {@code yyyy-MM-dd HH:mm:ss[.fffffff]}.
 * Values without a zone are UTC, as Defender documents all its times in UTC. The common shapes are read
 * by {@link IsoTimestamp}; the formatters below handle the rest.
 */
public final class DefenderTime {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private DefenderTime() {
    }

    public static Optional<Long> toEpochMillis(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Instant common = IsoTimestamp.parseCommonShape(text);
        if (common != null) {
            return Optional.of(common.toEpochMilli());
        }
        if (text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            if (hasZone(value)) {
                return Optional.of(OffsetDateTime.parse(value.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant().toEpochMilli());
            }
            return Optional.of(LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean hasZone(String value) {
        if (value.endsWith("Z") || value.endsWith("z")) {
            return true;
        }
        int t = Math.max(value.indexOf('T'), value.indexOf(' '));
        return t > 0 && (value.indexOf('+', t) > 0 || value.indexOf('-', t) > 0);
    }
}
