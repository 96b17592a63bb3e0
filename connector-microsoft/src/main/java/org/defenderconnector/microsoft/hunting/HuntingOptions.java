package org.defenderconnector.microsoft.hunting;

import org.defenderconnector.microsoft.sources.StreamOptions;

import java.time.Duration;
import java.util.Map;

/**
 * How a hunting stream reads its table. Every value has a default; configuration overrides some.
 *
 * @param api               graph (default), or the retiring mde / xdr APIs
 * @param lag               windows end this long before now, so rows still being ingested are not read early (5 min)
 * @param overlap           each sweep starts this long before the previous sweep's end, to pick up rows
 *                          that arrived late; rows already delivered there are recognised and dropped (10 min)
 * @param backfill          how far back the first sweep starts (1 day; at most the 30 days hunting keeps)
 * @param initialWindow     the first window length tried (1 h)
 * @param minWindow         windows are not shrunk below this for size reasons (1 s); a truncated
 *                          answer still splits further, down to one 100 ns tick, so nothing is lost
 * @param maxWindow         windows do not grow beyond this (1 day)
 * @param targetRows        the rows one window should return: windows grow when they return less than a
 *                          quarter of it and shrink when they return more (10,000)
 * @param rowCap            rows one query may return ({@code take}); an answer this long is split and
 *                          asked again. Must not exceed the service's cap of 100,000 (default 100,000)
 * @param maxResponseBytes  an answer larger than this is abandoned and its window split (64 MiB; the
 *                          service refuses results over 124 MB)
 * @param maxQueriesPerPoll queries one poll may run before it returns (10)
 * @param windowAttempts    failed polls of one window (server errors, timeouts) before it is halved (2)
 * @param maxSeen           most row hashes kept in the position to recognise rows read twice (50,000);
 *                          beyond it the oldest are forgotten, which can repeat a row, never lose one
 */
public record HuntingOptions(HuntingApi api, Duration lag, Duration overlap, Duration backfill, Duration initialWindow,
                             Duration minWindow, Duration maxWindow, int targetRows, int rowCap, long maxResponseBytes,
                             int maxQueriesPerPoll, int windowAttempts, int maxSeen) {
    /** Advanced hunting keeps 30 days; older rows cannot be queried. */
    public static final Duration RETENTION = Duration.ofDays(30);
    public static final int SERVICE_ROW_CAP = 100_000;

    public static final HuntingOptions DEFAULTS = new HuntingOptions(HuntingApi.GRAPH, Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofDays(1), Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofDays(1),
            10_000, SERVICE_ROW_CAP, HuntingClient.DEFAULT_MAX_RESPONSE_BYTES, 10, 2, 50_000);

    /** The option names {@link #with(String, String)} accepts. */
    public static final String KEYS = "api, lag, overlap, backfill, initialWindow, minWindow, maxWindow, targetRows,"
            + " rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen";

    public HuntingOptions {
        if (api == null) {
            throw new IllegalArgumentException("api is required");
        }
        nonNegative("lag", lag);
        nonNegative("overlap", overlap);
        positive("backfill", backfill);
        positive("initialWindow", initialWindow);
        positive("minWindow", minWindow);
        positive("maxWindow", maxWindow);
        if (minWindow.compareTo(maxWindow) > 0) {
            throw new IllegalArgumentException("minWindow must not be longer than maxWindow");
        }
        if (rowCap < 1 || rowCap > SERVICE_ROW_CAP) {
            throw new IllegalArgumentException("rowCap must be between 1 and " + SERVICE_ROW_CAP
                    + " (the service's own cap: a higher one would hide truncated answers)");
        }
        if (targetRows < 1 || targetRows > rowCap) {
            throw new IllegalArgumentException("targetRows must be between 1 and rowCap (" + rowCap + ")");
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
        }
        if (maxQueriesPerPoll < 1 || windowAttempts < 1 || maxSeen < 0) {
            throw new IllegalArgumentException("maxQueriesPerPoll and windowAttempts must be at least 1, maxSeen at least 0");
        }
    }

    public static HuntingOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults overridden by configuration text: durations as "30s", "5m", "2h", "7d" or ISO-8601,
     * numbers as text. Unknown keys are rejected so that typos do not go unnoticed.
     */
    public static HuntingOptions fromMap(Map<String, String> values) {
        HuntingOptions o = DEFAULTS;
        for (Map.Entry<String, String> e : values.entrySet()) {
            o = o.with(e.getKey(), e.getValue());
        }
        return o;
    }

    /** A copy with one option set from its text. */
    public HuntingOptions with(String key, String text) {
        String v = text == null ? "" : text.trim();
        try {
            return switch (key) {
                case "api" -> new HuntingOptions(HuntingApi.parse(v), lag, overlap, backfill, initialWindow, minWindow,
                        maxWindow, targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                case "lag" -> new HuntingOptions(api, d(v), overlap, backfill, initialWindow, minWindow, maxWindow,
                        targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                case "overlap" -> new HuntingOptions(api, lag, d(v), backfill, initialWindow, minWindow, maxWindow,
                        targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                case "backfill" -> new HuntingOptions(api, lag, overlap, d(v), initialWindow, minWindow, maxWindow,
                        targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                case "initialWindow" -> new HuntingOptions(api, lag, overlap, backfill, d(v), minWindow, maxWindow,
                        targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                case "minWindow" -> new HuntingOptions(api, lag, overlap, backfill, initialWindow, d(v), maxWindow,
                        targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                case "maxWindow" -> new HuntingOptions(api, lag, overlap, backfill, initialWindow, minWindow, d(v),
                        targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                case "targetRows" -> new HuntingOptions(api, lag, overlap, backfill, initialWindow, minWindow, maxWindow,
                        Integer.parseInt(v), rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                case "rowCap" -> {
                    int cap = Integer.parseInt(v);
                    // A cap below the target drags the target down with it rather than failing.
                    yield new HuntingOptions(api, lag, overlap, backfill, initialWindow, minWindow, maxWindow,
                            Math.min(targetRows, cap), cap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, maxSeen);
                }
                case "maxResponseBytes" -> new HuntingOptions(api, lag, overlap, backfill, initialWindow, minWindow,
                        maxWindow, targetRows, rowCap, Long.parseLong(v), maxQueriesPerPoll, windowAttempts, maxSeen);
                case "maxQueriesPerPoll" -> new HuntingOptions(api, lag, overlap, backfill, initialWindow, minWindow,
                        maxWindow, targetRows, rowCap, maxResponseBytes, Integer.parseInt(v), windowAttempts, maxSeen);
                case "windowAttempts" -> new HuntingOptions(api, lag, overlap, backfill, initialWindow, minWindow,
                        maxWindow, targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, Integer.parseInt(v), maxSeen);
                case "maxSeen" -> new HuntingOptions(api, lag, overlap, backfill, initialWindow, minWindow, maxWindow,
                        targetRows, rowCap, maxResponseBytes, maxQueriesPerPoll, windowAttempts, Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown hunting option '" + key + "' (known: " + KEYS + ")");
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("hunting option " + key + ": '" + text + "' is not a valid value");
        }
    }

    private static Duration d(String v) {
        return StreamOptions.duration(v);
    }

    private static void nonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration of zero or more");
        }
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
