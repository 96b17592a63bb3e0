package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.JsonRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Incremental collection on a last-update watermark, for every collection that can be filtered on
 * one (alerts, machine actions, incidents, Graph alerts). One implementation of the cursor, because
 * this is where connectors lose or repeat data:
 *
 * <ol>
 *   <li><b>Sweeps over a fixed past window.</b> A sweep reads [watermark - overlap, now - lag); its end
 *       is fixed when it starts, so records updated while it runs fall into the next sweep (with a new
 *       version) instead of moving inside the one being read.</li>
 *   <li><b>Windows that fit one page.</b> A sweep is read as consecutive windows [from, from + span).
 *       When a window's first page is full, the window is halved and the page dropped, until the
 *       window fits one page; a one-page answer is a consistent snapshot, so {@code $skip} paging
 *       (which silently skips a record when an earlier one is updated between two page requests)
 *       is only used for a window of one 100 ns timestamp that holds more than a page, and such a
 *       window is then read a second time to catch any record that shifted.</li>
 *   <li><b>Boundaries.</b> Windows are half-open ({@code ge from and lt to}), so a record on a
 *       boundary belongs to exactly one window. The overlap region is read again by the next sweep;
 *       records already emitted there are recognised by the (id, version) hashes kept in the position,
 *       so records sharing a timestamp at a page or poll boundary are neither lost nor repeated.</li>
 *   <li><b>No stalls.</b> A window failing with server errors, timeouts or broken bodies is retried
 *       (the engine backs off between polls), then halved, and when the smallest window still fails
 *       while a neighbouring window can be read, it is skipped and reported to the
 *       {@link SkippedWindowListener} for a later {@link #replay}. If the neighbour fails too, the API
 *       is down: nothing is skipped and the stream retries until it comes back.</li>
 * </ol>
 * The position is only committed by the engine after the sink took the batch; polling again with
 * the same position reads the same records again.
 */
public final class TimeWindowSource implements ReplayableSource {
    private static final Logger LOG = LoggerFactory.getLogger(TimeWindowSource.class);

    private final StreamId id;
    private final WindowQuery query;
    private final CollectionSpec spec;
    private final WindowSettings settings;
    private final Clock clock;
    private final SkippedWindowListener listener;

    /** The window that keeps failing, kept in memory: a failed poll commits nothing. */
    private FailingWindow trouble;
    /** Windows skipped by this process (start to end), so a repeated poll does not report them twice. */
    private final Map<Instant, Instant> skipped = new HashMap<>();
    /**
     * Where the first sweep (no committed position yet) begins, fixed when it is first tried: a failed poll
     * commits nothing, and a start recomputed from the clock at each retry would be a new window every
     * time, so a window that keeps failing would never be counted, halved or skipped.
     */
    private Instant firstSweepStart;

    public TimeWindowSource(StreamId id, WindowQuery query, CollectionSpec spec, WindowSettings settings, Clock clock,
                            SkippedWindowListener listener) {
        this.id = id;
        this.query = query;
        this.spec = spec;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public StreamId id() {
        return id;
    }

    @Override
    public Batch poll(Position position) throws SourceException {
        WindowCursor cursor = WindowCursor.read(position);
        Instant end = ODataTime.truncate(clock.instant().minus(settings.lag()));
        if (cursor == null) {
            Instant start = firstSweepStart != null ? firstSweepStart
                    : ODataTime.truncate(clock.instant().minus(settings.backfill()));
            if (!end.isAfter(start)) {
                return Batch.empty(position);
            }
            firstSweepStart = start;
            Batch batch = read(WindowCursor.start(start, end), false);
            firstSweepStart = null; // the batch's position now names the sweep
            return batch;
        } else if (cursor.idle()) {
            if (!end.isAfter(cursor.to)) {
                return Batch.empty(position);
            }
            cursor.startSweep(cursor.to.minus(settings.overlap()), end);
        }
        skipped.keySet().removeIf(start -> start.isBefore(position.string("from").map(Instant::parse).orElse(Instant.MIN)));
        return read(cursor, false);
    }

    @Override
    public Batch replay(Instant start, Instant end, Position replayPosition) throws SourceException {
        WindowCursor cursor = WindowCursor.read(replayPosition);
        if (cursor == null) {
            // The end is rounded up to the next tick so the whole recorded window is covered.
            Instant to = ODataTime.truncate(end).equals(end) ? end : ODataTime.plusTicks(ODataTime.truncate(end), 1);
            cursor = WindowCursor.start(ODataTime.truncate(start), to);
        }
        if (cursor.idle()) {
            return new Batch(List.of(), cursor.write(), false);
        }
        return read(cursor, true);
    }

    private Batch read(WindowCursor cursor, boolean replay) throws SourceException {
        List<SourceRecord> out = new ArrayList<>();
        int requests = 0;
        Instant pollStart = cursor.from;
        PageCursor pollPage = cursor.page;
        while (true) {
            Instant start = cursor.from;
            if (!replay && cursor.page == null && skipped.containsKey(start)) {
                // Skipped (and reported) by an earlier poll whose position was not committed.
                cursor.advance(skipped.get(start), cursor.span);
                prune(cursor);
                return new Batch(out, cursor.write(), !cursor.idle());
            }
            long span = cursor.span;
            if (!replay && trouble != null && trouble.startsAt(start)) {
                span = Math.min(span, trouble.span());
            }
            Instant end = ODataTime.plusTicks(start, span);
            if (end.isAfter(cursor.to)) {
                end = cursor.to;
            }
            long ticks = ODataTime.ticksBetween(start, end);
            WindowPage page;
            try {
                page = query.fetch(start, end, settings.pageSize(), cursor.page);
                requests++;
            } catch (ApiException e) {
                boolean skippedNow = !replay && skipAfterFailure(cursor, start, end, ticks, e);
                boolean progressed = !out.isEmpty() || !cursor.from.equals(pollStart)
                        || !java.util.Objects.equals(cursor.page, pollPage);
                if (!skippedNow && !progressed) {
                    throw e;
                }
                // Keep what this poll achieved; the failing window is tried again by the next poll.
                prune(cursor);
                return new Batch(out, cursor.write(), !skippedNow || !cursor.idle());
            }
            if (page.full() && cursor.page == null && ticks >= 2) {
                // More than a page in this window: halve it rather than page through a moving result.
                cursor.span = ticks / 2;
                if (requests >= settings.maxRequestsPerPoll()) {
                    return new Batch(out, cursor.write(), true);
                }
                continue;
            }
            for (JsonRecord json : page.records()) {
                SourceRecord record = toRecord(json, start);
                long hash = SeenSet.hash(record.naturalId(), record.version());
                if (!cursor.seen.contains(hash)) {
                    cursor.seen.add(hash, record.time());
                    out.add(record);
                }
            }
            if (page.full()) {
                // One timestamp, more than a page: page through it (nextLink or $skip).
                cursor.page = page.next();
            } else if (cursor.page != null && cursor.pass == 0) {
                // Paged through one timestamp: read it once more, from the top, to catch records that
                // moved up past a page boundary while we paged. Records already emitted are dropped.
                cursor.page = PageCursor.skip(0);
                cursor.pass = 1;
            } else {
                cursor.advance(end, nextSpan(ticks, page.records().size()));
                if (trouble != null && trouble.startsAt(start)) {
                    trouble = null;
                }
            }
            prune(cursor);
            if (!out.isEmpty() || cursor.idle() || requests >= settings.maxRequestsPerPoll()) {
                return new Batch(out, cursor.write(), !cursor.idle());
            }
        }
    }

    /** Keeps the hashes of records whose time is in what is still to be read: this sweep and the next overlap. */
    private void prune(WindowCursor cursor) {
        Instant nextOverlap = cursor.to.minus(settings.overlap());
        cursor.seen.pruneBefore(cursor.from.isBefore(nextOverlap) ? cursor.from : nextOverlap);
    }

    /** Grows the window when the last one was sparse, so quiet streams cost one call per sweep. */
    private long nextSpan(long ticks, int records) {
        if (records <= settings.pageSize() / 4) {
            return Math.min(ticks * 2, 1L << 55);
        }
        return ticks;
    }

    /**
     * Records a failure of the window [start, end). Returns true when the window was skipped (the
     * cursor then stands after it); false when the failure must go up (the engine backs off).
     */
    private boolean skipAfterFailure(WindowCursor cursor, Instant start, Instant end, long ticks, ApiException e) {
        if (!e.isQueryFault()) {
            return false; // credentials, permissions, throttling: nothing to do with this window
        }
        if (trouble == null || !trouble.startsAt(start)) {
            trouble = new FailingWindow(start, ticks);
        }
        if (trouble.recordFailure() < settings.windowAttempts()) {
            LOG.warn("{}: window [{}, {}) failed ({} of {}): {}", id, ODataTime.format(start), ODataTime.format(end),
                    trouble.failures(), settings.windowAttempts(), e.getMessage());
            return false;
        }
        long minTicks = Math.max(1, ODataTime.ticks(settings.minWindow()));
        if (ticks > minTicks) {
            trouble.shrinkTo(Math.max(1, ticks / 2));
            LOG.warn("{}: window [{}, {}) failed {} times; reading it in halves next", id, ODataTime.format(start),
                    ODataTime.format(end), settings.windowAttempts());
            return false;
        }
        if (!neighbourReadable(start, ticks)) {
            LOG.warn("{}: window [{}, {}) keeps failing, and so does the window before it: the API is failing,"
                    + " not this window; nothing is skipped", id, ODataTime.format(start), ODataTime.format(end));
            return false;
        }
        LOG.error("{}: skipping window [{}, {}) after it failed {} times, also in halves: {}. It is recorded for replay.",
                id, ODataTime.format(start), ODataTime.format(end), settings.windowAttempts(), e.getMessage());
        listener.skipped(id, start, end, e.getMessage());
        skipped.put(start, end);
        trouble = null;
        cursor.advance(end, ticks);
        return true;
    }

    private boolean neighbourReadable(Instant start, long ticks) {
        try {
            query.fetch(ODataTime.plusTicks(start, -ticks), start, 1, null);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private SourceRecord toRecord(JsonRecord json, Instant windowStart) {
        String naturalId = json.firstField(spec.idFields().toArray(String[]::new));
        if (naturalId == null) {
            naturalId = "sha:" + ContentHash.versionOf(json.json());
            LOG.warn("{}: a record without {} was given the id {}", id, spec.idFields(), naturalId);
        }
        String updated = json.firstField(spec.timeFields().toArray(String[]::new));
        Instant time = ODataTime.parse(updated);
        String version = updated != null ? updated : ContentHash.versionOf(json.json());
        return new SourceRecord(naturalId, version, time != null ? time : windowStart, json.json(), spec.kind());
    }

    @Override
    public String toString() {
        return id + " (" + query.describe() + ")";
    }
}
