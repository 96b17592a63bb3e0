package org.defenderconnector.ocsf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Date-time strings for comparing the {@link IsoTimestamp} fast path with the {@code java.time}
 * parsing it stands in for: every combination of separator, seconds, 0–10 fraction digits and zone
 * on random dates of years 1–9999, plus near misses (impossible dates, out-of-range fields and
 * offsets, odd case, blanks, truncations) that must be left to the slow path.
 */
public final class TimeSpellings {
    private static final String[] ZONES = {"", "Z", "z", "+00:00", "-00:00", "+01:00", "-05:30", "+14:00", "-12:45",
            "+18:00", "-18:00", "+18:01", "+19:00", "+05", "+0530", "+05:3", "+5:30", "+05:60", "+05:30:15", "UTC", "Z "};
    private static final String[] ODD = {"", " ", "not a time", "2021-01-26", "2021-01-26T", "2021-01-26T20",
            "2021-01-26T20:3", "2021-01-26T20:33:5", "2021-01-26T20:33:57.", "2021-01-26T20:33:57.Z",
            "2021-02-29T10:00:00Z", "2020-02-29T10:00:00Z", "2021-02-30T10:00:00", "2021-04-31 10:00:00",
            "2021-13-01T00:00:00Z", "2021-00-10T00:00:00Z", "2021-01-00T00:00:00Z", "2021-01-26T24:00:00",
            "2021-01-26T24:00:00Z", "2021-01-26T23:60:00Z", "2021-01-26T23:59:60Z", "0000-01-01T00:00:00Z",
            "0000-01-01T00:00:00", "0001-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59-01:00", "10000-01-01T00:00:00Z", "+2021-01-26T20:33:57Z", "2021-01-26t20:33:57Z",
            "2021-01-26T20:33:57z", " 2021-01-26T20:33:57Z", "2021-01-26T20:33:57Z ", "\t2021-01-26 20:33:57\n",
            "2021-01-26  20:33:57", "2021-01-26T 20:33:57", "2021-01-26T20:33.5", "2021-01-26T20:33:57,123Z",
            "2021-1-26T20:33:57Z", "21-01-26T20:33:57Z", "2021/01/26 20:33:57", "2021-01-26T20:33:57.1234567890Z",
            "2021-01-26T2a:33:57Z", "2021-01-26T20:33:57+01:00Z", "2021-01-26T20:33:57-", "2021-01-26T20:33:57+",
            "2021-01-26 20:33:57 +01:00", "2021-01-26T20:33:57.7220239Z", "2021-01-11 20:36:32.7400000",
            "2026-07-22T10:43:05.0000000", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "1600-02-29T12:00:00Z",
            "1700-02-29T12:00:00Z", "2000-02-29T12:00:00Z", "2100-02-29T12:00:00Z", "١٩٧٠-01-01T00:00:00Z"};

    private TimeSpellings() {
    }

    /** About 30,000 spellings, the same on every run. */
    public static List<String> all() {
        List<String> spellings = new ArrayList<>(List.of(ODD));
        Random random = new Random(20_261_101);
        for (int i = 0; i < 1500; i++) {
            int year = i % 10 == 0 ? 1 + random.nextInt(9999) : 1900 + random.nextInt(250);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(i % 7 == 0 ? 31 : 28);
            String date = String.format("%04d-%02d-%02d", year, month, day);
            String time = String.format("%02d:%02d", random.nextInt(24), random.nextInt(60));
            String seconds = String.format(":%02d", random.nextInt(60));
            for (String separator : new String[]{"T", " "}) {
                spellings.add(date + separator + time + ZONES[random.nextInt(ZONES.length)]);
                for (int digits = 0; digits <= 10; digits++) {
                    StringBuilder fraction = new StringBuilder(digits == 0 ? "" : ".");
                    for (int d = 0; d < digits; d++) {
                        fraction.append(random.nextInt(10));
                    }
                    String zone = digits % 3 == 0 ? "Z" : ZONES[random.nextInt(ZONES.length)];
                    spellings.add(date + separator + time + seconds + fraction + zone);
                }
            }
        }
        return spellings;
    }
}
