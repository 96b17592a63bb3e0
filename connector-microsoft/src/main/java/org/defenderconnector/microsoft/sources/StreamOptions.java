package org.defenderconnector.microsoft.sources;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Per-stream settings from the configuration. Every field is optional (null = the stream's default,
 * see {@link RestSources}): tests shrink pages and windows, operators mostly set intervals.
 *
 * @param pageSize           $top / pageSize of each request (capped at the API's documented maximum)
 * @param overlap            time-window streams: how far before the watermark a sweep starts again (default 5 min)
 * @param backfill           time-window streams: how far back the first sweep reaches (default 7 days)
 * @param interval           how often the engine polls once caught up; snapshot and export streams also
 *                           start at most one snapshot/export per interval
 * @param lag                time-window streams: the sweep ends this long before now (default 30 s)
 * @param api                incidents: "graph" (default) or "xdr"
 * @param windowAttempts     failed polls of a window before it is split or skipped (default 2)
 * @param minWindow          a failing window this short is skipped rather than split (default 1 min)
 * @param batchSize          vulnerabilities: records per poll (default 5,000)
 * @param maxRequestsPerPoll time-window streams: requests one poll may make (default 20)
 * @param export             vulnerabilities: how the full export is read, "json" (default: the paged JSON API)
 *                           or "files" (the file-based export Microsoft recommends above 100,000 devices)
 */
public record StreamOptions(Integer pageSize, Duration overlap, Duration backfill, Duration interval, Duration lag,
                            String api, Integer windowAttempts, Duration minWindow, Integer batchSize,
                            Integer maxRequestsPerPoll, String export) {
    public static StreamOptions defaults() {
        return new StreamOptions(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Reads options from configuration text: durations as ISO-8601 ("PT5M") or short form ("30s",
     * "5m", "2h", "7d"), numbers as text. Unknown keys are rejected so typos do not go unnoticed.
     */
    public static StreamOptions fromMap(Map<String, String> values) {
        StreamOptions o = defaults();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue().trim();
            o = switch (e.getKey()) {
                case "pageSize" -> o.withPageSize(Integer.parseInt(v));
                case "overlap" -> o.withOverlap(duration(v));
                case "backfill" -> o.withBackfill(duration(v));
                case "interval" -> o.withInterval(duration(v));
                case "lag" -> o.withLag(duration(v));
                case "api" -> o.withApi(v);
                case "windowAttempts" -> o.withWindowAttempts(Integer.parseInt(v));
                case "minWindow" -> o.withMinWindow(duration(v));
                case "batchSize" -> o.withBatchSize(Integer.parseInt(v));
                case "maxRequestsPerPoll" -> o.withMaxRequestsPerPoll(Integer.parseInt(v));
                case "export" -> o.withExport(ExportMode.parse(v).name().toLowerCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown stream option '" + e.getKey() + "' (known: pageSize,"
                        + " overlap, backfill, interval, lag, api, windowAttempts, minWindow, batchSize, maxRequestsPerPoll,"
                        + " export)");
            };
        }
        return o;
    }

    /** "30s", "5m", "2h", "7d" or ISO-8601 ("PT5M"). */
    public static Duration duration(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 30s, 5m, 2h, 7d or PT5M)");
        };
    }

    public StreamOptions withPageSize(int v) {
        return new StreamOptions(v, overlap, backfill, interval, lag, api, windowAttempts, minWindow, batchSize,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withOverlap(Duration v) {
        return new StreamOptions(pageSize, v, backfill, interval, lag, api, windowAttempts, minWindow, batchSize,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withBackfill(Duration v) {
        return new StreamOptions(pageSize, overlap, v, interval, lag, api, windowAttempts, minWindow, batchSize,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withInterval(Duration v) {
        return new StreamOptions(pageSize, overlap, backfill, v, lag, api, windowAttempts, minWindow, batchSize,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withLag(Duration v) {
        return new StreamOptions(pageSize, overlap, backfill, interval, v, api, windowAttempts, minWindow, batchSize,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withApi(String v) {
        return new StreamOptions(pageSize, overlap, backfill, interval, lag, v, windowAttempts, minWindow, batchSize,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withWindowAttempts(int v) {
        return new StreamOptions(pageSize, overlap, backfill, interval, lag, api, v, minWindow, batchSize,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withMinWindow(Duration v) {
        return new StreamOptions(pageSize, overlap, backfill, interval, lag, api, windowAttempts, v, batchSize,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withBatchSize(int v) {
        return new StreamOptions(pageSize, overlap, backfill, interval, lag, api, windowAttempts, minWindow, v,
                maxRequestsPerPoll, export);
    }

    public StreamOptions withMaxRequestsPerPoll(int v) {
        return new StreamOptions(pageSize, overlap, backfill, interval, lag, api, windowAttempts, minWindow, batchSize, v,
                export);
    }

    public StreamOptions withExport(String v) {
        return new StreamOptions(pageSize, overlap, backfill, interval, lag, api, windowAttempts, minWindow, batchSize,
                maxRequestsPerPoll, v);
    }
}
