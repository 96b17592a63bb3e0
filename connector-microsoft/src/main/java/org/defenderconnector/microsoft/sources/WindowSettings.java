package org.defenderconnector.microsoft.sources;

import java.time.Duration;

/**
 * How a time-window source reads.
 *
 * @param pageSize           $top of every query (at most the API's documented maximum)
 * @param overlap            how far before the watermark each sweep starts again, for records that
 *                           become visible late; records already emitted there are dropped
 * @param backfill           how far back the first sweep starts
 * @param lag                the sweep end is now minus this, so the newest second is read once it settled
 * @param windowAttempts     failed polls of one window before it is split (and, when smallest, skipped)
 * @param minWindow          the smallest window that is split on failures; a failing window of this size is skipped
 * @param maxRequestsPerPoll requests one poll may make before it returns (with more = true)
 */
public record WindowSettings(int pageSize, Duration overlap, Duration backfill, Duration lag, int windowAttempts,
                             Duration minWindow, int maxRequestsPerPoll) {
    public WindowSettings {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        if (windowAttempts < 1) {
            throw new IllegalArgumentException("windowAttempts must be at least 1");
        }
    }
}
