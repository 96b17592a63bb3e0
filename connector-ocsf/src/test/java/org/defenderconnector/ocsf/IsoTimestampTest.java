package org.defenderconnector.ocsf;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written timestamp reader and writer against the {@code java.time} code they replace on the hot path. */
class IsoTimestampTest {
    /** DefenderTime as it was before the fast path: only {@code java.time}. */
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private static Optional<Long> formatterOnly(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            boolean zoned = value.endsWith("Z") || value.endsWith("z");
            int t = Math.max(value.indexOf('T'), value.indexOf(' '));
            zoned |= t > 0 && (value.indexOf('+', t) > 0 || value.indexOf('-', t) > 0);
            if (zoned) {
                return Optional.of(OffsetDateTime.parse(value.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant().toEpochMilli());
            }
            return Optional.of(LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Test
    void defenderTimeGivesWhatTheFormattersGaveForEverySpelling() {
        List<String> spellings = TimeSpellings.all();
        assertThat(spellings).hasSizeGreaterThan(30_000);
        for (String text : spellings) {
            assertThat(DefenderTime.toEpochMillis(text)).as(text).isEqualTo(formatterOnly(text));
        }
    }

    @Test
    void fastPathTakesDefendersShapesAndAgreesWithTheIsoParser() {
        int taken = 0;
        for (String text : TimeSpellings.all()) {
            Instant fast = IsoTimestamp.parseCommonShape(text);
            if (fast == null) {
                continue;
            }
            taken++;
            String iso = text.replace(' ', 'T');
            boolean zoned = iso.endsWith("Z") || "+-".indexOf(iso.charAt(iso.length() - 6)) >= 0;
            Instant reference = zoned ? OffsetDateTime.parse(iso).toInstant() : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            assertThat(fast).as(text).isEqualTo(reference);
        }
        assertThat(taken).isGreaterThan(15_000);
        assertThat(IsoTimestamp.parseCommonShape("2021-01-26T20:33:57.7220239Z"))
                .isEqualTo(Instant.parse("2021-01-26T20:33:57.722023900Z"));
        assertThat(IsoTimestamp.parseCommonShape("2021-01-11 20:36:32.7400000"))
                .isEqualTo(Instant.parse("2021-01-11T20:36:32.740Z"));
        assertThat(IsoTimestamp.parseCommonShape("2021-01-26T20:33+01:00")).isEqualTo(Instant.parse("2021-01-26T19:33:00Z"));
        assertThat(IsoTimestamp.parseCommonShape("2021-02-30T10:00:00")).isNull();
        assertThat(IsoTimestamp.parseCommonShape(" 2021-01-26T20:33:57Z")).isNull();
        assertThat(IsoTimestamp.parseCommonShape("2021-01-26T20:33:57z")).isNull();
    }

    @Test
    void formatWritesWhatInstantToStringWrites() {
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(0, 1),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2000-02-29T12:00:00.100Z"), Instant.parse("2021-01-26T20:33:57.722023900Z")));
        for (int i = 0; i < 20_000; i++) {
            long second = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond()
                    + (long) (random.nextDouble() * 315_537_897_600L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant instant : instants) {
            assertThat(IsoTimestamp.format(instant)).isEqualTo(instant.toString());
        }
    }
}
