package org.defenderconnector.ocsf.hunting;

import org.defenderconnector.ocsf.TimeSpellings;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;

/** The natural key's timestamp part is the same with the fast path as with {@code java.time} alone. */
class HuntingKeysTimeTest {
    private static String javaTimeOnly(String text) {
        String value = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException again) {
                return text;
            }
        }
    }

    @Test
    void normalisedTimeIsUnchangedForEverySpelling() {
        for (String text : TimeSpellings.all()) {
            assertThat(HuntingKeys.normalisedTime(text)).as(text).isEqualTo(javaTimeOnly(text));
        }
        assertThat(HuntingKeys.normalisedTime("2021-01-26 20:33:57.7220239+01:00")).isEqualTo("2021-01-26T19:33:57.722023900Z");
        assertThat(HuntingKeys.normalisedTime("2021-01-26T20:33:57.000Z")).isEqualTo("2021-01-26T20:33:57Z");
    }
}
