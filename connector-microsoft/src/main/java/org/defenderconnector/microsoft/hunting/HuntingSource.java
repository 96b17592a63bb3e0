package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.Pause;
import org.defenderconnector.microsoft.sources.FailingWindow;
import org.defenderconnector.microsoft.sources.ODataTime;
import org.defenderconnector.microsoft.sources.SeenSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one advanced hunting table with time-sliced queries. Hunting has no paging and no change
 * feed, so this is where rows are lost or repeated unless every step is deliberate:
 *
 * <ol>
 *   <li><b>Sweeps behind a lag.</b> A sweep reads [watermark - overlap, now - lag), fixed when it
 *       starts. The lag leaves rows still being ingested for a later sweep; the overlap reads the end
 *       of the previous sweep again, for rows that were ingested late anyway.</li>
 *   <li><b>Windows that fit one answer.</b> A sweep is read as consecutive half-open windows
 *       {@code Timestamp >= from and Timestamp < to}, ordered by Timestamp and capped with
 *       {@code take rowCap}. An answer of rowCap rows may be cut short: it is dropped and the window is
 *       split at the Timestamp of its last row (every row before it was in the answer, so the shorter
 *       window fits) or halved, and asked again, down to a single 100 ns tick. An answer refused or
 *       abandoned for its size is split the same way. Truncation therefore never loses a row.</li>
 *   <li><b>Windows that fit the table.</b> The window length adapts to the table's volume: it doubles
 *       after an answer of less than a quarter of {@code targetRows} (quiet tables cost one query per
 *       sweep) and shrinks in proportion after a larger one, between minWindow and maxWindow.</li>
 *   <li><b>Exactly once.</b> Rows read again (overlap, a poll whose position was not committed) are
 *       recognised by the hashes of (natural key, content) kept in the position for the region the next
 *       sweep reads again, so they are not delivered twice, also across restarts.</li>
 *   <li><b>Quota.</b> Before each query the tenant's {@link HuntingBudget} says whether it fits the
 *       calls and running-time limits; a short wait is slept through, a longer one (or a 429 with its
 *       reset time) ends the poll with what it has, without an error, and a later poll resumes.</li>
 * </ol>
 * Windows that fail with server errors or timeouts are retried by later polls, then halved; they are
 * never skipped.
 */
public final class HuntingSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(HuntingSource.class);
    /** Rows older than retention cannot be queried; a little is kept back so a query never straddles the edge. */
    private static final Duration RETENTION_MARGIN = Duration.ofMinutes(10);

    private final StreamId id;
    private final HuntingTable table;
    private final HuntingClient client;
    private final HuntingBudget budget;
    private final HuntingOptions options;
    private final RowKey key;
    private final Clock clock;
    private final Pause pause;

    /** The window that keeps failing, kept in memory: a failed poll commits nothing. */
    private FailingWindow trouble;

    public HuntingSource(StreamId id, HuntingTable table, HuntingClient client, HuntingBudget budget,
                         HuntingOptions options, RowKey key, Clock clock, Pause pause) {
        this.id = id;
        this.table = table;
        this.client = client;
        this.budget = budget;
        this.options = options;
        this.key = key;
        this.clock = clock;
        this.pause = pause;
    }

    @Override
    public StreamId id() {
        return id;
    }

    public HuntingTable table() {
        return table;
    }

    @Override
    public Batch poll(Position position) throws SourceException {
        Instant now = clock.instant();
        // Whole seconds: readable query bounds, and a first window that does not move between the polls
        // that retry it before anything is committed (whole minutes for its start).
        Instant end = now.minus(options.lag()).truncatedTo(ChronoUnit.SECONDS);
        Instant horizon = now.minus(HuntingOptions.RETENTION).plus(RETENTION_MARGIN).truncatedTo(ChronoUnit.SECONDS);
        HuntingCursor cursor = HuntingCursor.read(position);
        if (cursor == null) {
            Instant start = now.minus(options.backfill()).truncatedTo(ChronoUnit.MINUTES);
            if (start.isBefore(horizon)) {
                start = horizon;
            }
            if (!end.isAfter(start)) {
                return Batch.empty(position);
            }
            cursor = HuntingCursor.start(start, end, ODataTime.ticks(options.initialWindow()));
        } else if (cursor.idle()) {
            if (!end.isAfter(cursor.to)) {
                return Batch.empty(position);
            }
            cursor.startSweep(cursor.to.minus(options.overlap()), end);
        }
        if (cursor.from.isBefore(horizon)) {
            Instant resume = cursor.to.isBefore(horizon) ? cursor.to : horizon;
            LOG.warn("{}: rows from {} to {} are older than advanced hunting keeps ({} days) and cannot be read any more;"
                    + " collection resumes at {}", id, ODataTime.format(cursor.from), ODataTime.format(resume),
                    HuntingOptions.RETENTION.toDays(), ODataTime.format(resume));
            cursor.from = resume;
            if (cursor.idle()) {
                return new Batch(List.of(), cursor.write(), true);
            }
        }
        return read(cursor);
    }

    private Batch read(HuntingCursor cursor) throws SourceException {
        List<SourceRecord> out = new ArrayList<>();
        Instant pollStart = cursor.from;
        int queries = 0;
        while (true) {
            if (cursor.idle()) {
                return batch(out, cursor, false);
            }
            if (queries >= options.maxQueriesPerPoll()) {
                return batch(out, cursor, true);
            }
            if (!awaitQuota()) {
                return batch(out, cursor, false);
            }
            Instant start = cursor.from;
            long span = cursor.span;
            if (trouble != null && trouble.startsAt(start)) {
                span = Math.min(span, trouble.span());
            }
            Instant end = ODataTime.plusTicks(start, span);
            if (end.isAfter(cursor.to)) {
                end = cursor.to;
            }
            long ticks = ODataTime.ticksBetween(start, end);
            HuntingResult result;
            queries++;
            try {
                result = client.run(WindowQuery.kql(table, start, end, options.rowCap()), WindowQuery.timespan(start, end));
            } catch (QueryTooLargeException e) {
                if (ticks <= 1) {
                    throw new SourceException(id + ": the rows of the single instant " + ODataTime.format(start)
                            + " are too large for one answer (" + e.getMessage() + ")", false,
                            "raise the stream's maxResponseBytes (the service refuses results over 124 MB)", e);
                }
                cursor.span = splitSpan(start, ticks, e.lastTimestamp());
                LOG.info("{}: window [{}, {}) is too large for one answer ({}); reading it in windows of {}", id,
                        ODataTime.format(start), ODataTime.format(end), e.getMessage(), describe(cursor.span));
                continue;
            } catch (ApiException e) {
                if (e.kind() == ApiException.Kind.THROTTLED) {
                    Instant now = clock.instant();
                    budget.blockUntil(QuotaReset.of(e.retryAfter(), e.apiMessage() != null ? e.apiMessage() : e.getMessage(),
                            now, now.plus(Duration.ofMinutes(1))));
                    return batch(out, cursor, false);
                }
                if (e.isQueryFault()) {
                    windowFailed(start, ticks, e);
                }
                if (!out.isEmpty() || !cursor.from.equals(pollStart)) {
                    // Keep what this poll achieved; the failing window is tried again by the next poll.
                    LOG.warn("{}: window [{}, {}) failed: {}", id, ODataTime.format(start), ODataTime.format(end),
                            e.getMessage());
                    return batch(out, cursor, false);
                }
                throw e;
            }
            budget.charge(result.executionTime());
            List<ObjectNode> rows = result.rows();
            if (rows.size() >= options.rowCap()) {
                if (ticks > 1) {
                    Instant last = HuntingResultReader.timestamp(rows.get(rows.size() - 1));
                    cursor.span = splitSpan(start, ticks, last);
                    LOG.info("{}: window [{}, {}) reached the row cap of {}; reading it in windows of {}", id,
                            ODataTime.format(start), ODataTime.format(end), options.rowCap(), describe(cursor.span));
                    continue;
                }
                LOG.error("{}: more than {} rows share the instant {}; rows beyond the cap cannot be read by time"
                        + " windows", id, options.rowCap(), ODataTime.format(start));
            }
            for (ObjectNode row : rows) {
                SourceRecord record = HuntingRecords.toRecord(table, row, key, start);
                long hash = SeenSet.hash(record.naturalId(), record.version());
                if (!cursor.seen.contains(hash)) {
                    cursor.seen.add(hash, record.time());
                    out.add(record);
                }
            }
            if (trouble != null && trouble.startsAt(start)) {
                trouble = null;
            }
            cursor.advance(end, nextSpan(cursor.span, ticks, rows.size()));
            if (!out.isEmpty()) {
                return batch(out, cursor, !cursor.idle());
            }
        }
    }

    private Batch batch(List<SourceRecord> out, HuntingCursor cursor, boolean more) {
        // Keep the hashes of rows whose time lies in what is still to be read: the rest of this sweep
        // and the overlap the next sweep starts with.
        Instant nextOverlap = cursor.to.minus(options.overlap());
        cursor.seen.pruneBefore(cursor.from.isBefore(nextOverlap) ? cursor.from : nextOverlap);
        cursor.seen.trimTo(options.maxSeen());
        return new Batch(out, cursor.write(), more);
    }

    /** True when the query may run now (after a short wait); false when the poll should end and resume later. */
    private boolean awaitQuota() throws SourceException {
        Instant now = clock.instant();
        Instant ready = budget.readyAt();
        if (!ready.isAfter(now)) {
            return true;
        }
        Duration wait = Duration.between(now, ready);
        if (wait.compareTo(budget.limits().maxInPlaceWait()) > 0) {
            LOG.info("{}: advanced hunting quota is near its limit; the next query waits until {}", id, ready);
            return false;
        }
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(id + ": interrupted while waiting for hunting quota (the connector is stopping)",
                    true, null, e);
        }
        return true;
    }

    /**
     * Records a failure (5xx, timeout, broken body) of the window [start, start + ticks). The failure
     * goes up and a later poll tries again (the engine backs off in between); after windowAttempts
     * failures that poll tries half the window, down to minWindow.
     */
    private void windowFailed(Instant start, long ticks, ApiException e) {
        if (trouble == null || !trouble.startsAt(start)) {
            trouble = new FailingWindow(start, ticks);
        }
        if (trouble.recordFailure() < options.windowAttempts()) {
            return;
        }
        long minTicks = Math.max(1, ODataTime.ticks(options.minWindow()));
        if (ticks > minTicks) {
            trouble.shrinkTo(Math.max(minTicks, ticks / 2));
            LOG.warn("{}: window starting {} failed {} times ({}); reading it in halves", id, ODataTime.format(start),
                    options.windowAttempts(), e.getMessage());
        }
    }

    /**
     * The window to try after [start, start + ticks) was too much for one answer: up to the last
     * Timestamp the answer reached, when it is inside the window (the rows before it were all in the
     * answer, so that window fits), else half.
     */
    static long splitSpan(Instant start, long ticks, Instant lastTimestamp) {
        if (lastTimestamp != null && lastTimestamp.isAfter(start)) {
            long upTo = ODataTime.ticksBetween(start, ODataTime.truncate(lastTimestamp));
            if (upTo >= 1 && upTo < ticks) {
                return upTo;
            }
        }
        return Math.max(1, ticks / 2);
    }

    /** The next window: longer after a quiet one, shorter after a busy one, within [minWindow, maxWindow]. */
    long nextSpan(long span, long ticks, int rows) {
        long min = ODataTime.ticks(options.minWindow());
        long max = ODataTime.ticks(options.maxWindow());
        int target = options.targetRows();
        if (rows > target) {
            return Math.max(min, Math.min(ticks, (long) ((double) ticks * target / rows)));
        }
        if (rows < target / 4.0) {
            return Math.min(max, Math.max(span, ticks * 2));
        }
        return Math.max(1, Math.min(max, Math.max(span, ticks)));
    }

    private static String describe(long ticks) {
        Duration d = Duration.ofNanos(Math.multiplyExact(ticks, ODataTime.NANOS_PER_TICK));
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return id + " (advanced hunting " + table + " via " + client.api().id() + ")";
    }
}
