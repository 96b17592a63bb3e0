package org.defenderconnector.ocsf;

import java.time.Instant;

/**
 * A hand-written reader and writer for the one timestamp shape that nearly every Defender row uses,
 * {@code yyyy-MM-dd('T'|' ')HH:mm[:ss[.f{1,9}]][Z|±HH:mm]}, because the {@code java.time} formatters
 * cost more than the rest of a row's mapping. It only accepts values that are unambiguous and valid
 * (year 0001–9999, real calendar dates, hours 0–23, no surrounding blanks); everything else is left to
 * the callers' {@code java.time} fallback, so both paths always agree (a unit test compares them).
 */
public final class IsoTimestamp {
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private IsoTimestamp() {
    }

    /**
     * The instant written in {@code text} when it has the common shape; null when it does not (which
     * says nothing about whether a full ISO-8601 parser would accept it). No zone means UTC.
     */
    public static Instant parseCommonShape(String text) {
        int length = text.length();
        if (length < 16 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':') {
            return null;
        }
        char separator = text.charAt(10);
        if (separator != 'T' && separator != ' ') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int position = 16;
        int second = 0;
        int nano = 0;
        if (position < length && text.charAt(position) == ':') {
            second = position + 3 <= length ? digits(text, position + 1, 2) : -1;
            if (second < 0 || second > 59) {
                return null;
            }
            position += 3;
            if (position < length && text.charAt(position) == '.') {
                int start = ++position;
                while (position < length && position - start < 10 && isDigit(text.charAt(position))) {
                    nano = nano * 10 + (text.charAt(position) - '0');
                    position++;
                }
                int fractionDigits = position - start;
                if (fractionDigits == 0 || fractionDigits > 9) {
                    return null;
                }
                for (int i = fractionDigits; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        int offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    /** The same text as {@link Instant#toString()} (ISO-8601 UTC, fraction in groups of three digits). */
    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        long civil = civilFromEpochDay(epochDay);
        int year = (int) (civil >> 9);
        if (year < 1 || year > 9999) {
            return instant.toString();
        }
        char[] out = new char[30];
        int length = 0;
        length = put(out, length, year, 4);
        out[length++] = '-';
        length = put(out, length, (int) (civil >> 5) & 0xF, 2);
        out[length++] = '-';
        length = put(out, length, (int) civil & 0x1F, 2);
        out[length++] = 'T';
        length = put(out, length, secondOfDay / 3600, 2);
        out[length++] = ':';
        length = put(out, length, secondOfDay / 60 % 60, 2);
        out[length++] = ':';
        length = put(out, length, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano > 0) {
            out[length++] = '.';
            if (nano % 1_000_000 == 0) {
                length = put(out, length, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                length = put(out, length, nano / 1000, 6);
            } else {
                length = put(out, length, nano, 9);
            }
        }
        out[length++] = 'Z';
        return new String(out, 0, length);
    }

    /** Seconds east of UTC for "", "Z" or "±HH:MM" ending the text at {@code position}; MIN_VALUE otherwise. */
    private static int offsetSeconds(String text, int position) {
        int rest = text.length() - position;
        if (rest == 0) {
            return 0;
        }
        if (rest == 1 && text.charAt(position) == 'Z') {
            return 0;
        }
        char sign = rest == 6 ? text.charAt(position) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '-' ? -seconds : seconds;
    }

    /** The decimal number in {@code count} characters from {@code start}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the usual civil-calendar arithmetic). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The date of an epoch day packed as {@code year << 9 | month << 5 | day}; the inverse of {@link #epochDay}. */
    private static long civilFromEpochDay(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year << 9 | month << 5 | day;
    }

    private static int put(char[] out, int at, int value, int width) {
        int remaining = value;
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + remaining % 10);
            remaining /= 10;
        }
        return at + width;
    }
}
