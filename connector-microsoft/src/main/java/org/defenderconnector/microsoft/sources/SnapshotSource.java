package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.microsoft.http.JsonRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inventory read as a snapshot every interval (machines, software), emitting only the items whose
 * content changed since the last snapshot: the version of an item is a hash of its JSON, and the
 * hashes of the last snapshot are the baseline.
 *
 * <p>Where the baseline lives: the Position holds only its digest ({@code base}); the per-item hashes
 * are in {@link SnapshotBaselines} (memory, and a small file per stream when a state directory is
 * set). A poll compares against exactly the table the committed position names, so a batch the sink
 * did not take is emitted again, never lost. If that table is unknown (new process without state
 * directory, lost file), the snapshot starts over against an empty baseline and every item is
 * emitted once; the uid (id + content hash) lets the store drop the repeats.
 *
 * <p>Position keys: {@code base}, {@code gen} (snapshot number), {@code at} (when the last snapshot
 * began), and while a snapshot is in progress {@code start} (baseline digest at its start) and
 * {@code skip}/{@code next} (the next page).
 */
public final class SnapshotSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSource.class);

    private final StreamId id;
    private final ODataListQuery query;
    private final int pageSize;
    private final Duration interval;
    private final Clock clock;
    private final SnapshotBaselines baselines;

    SnapshotSource(StreamId id, ODataListQuery query, int pageSize, Duration interval, Clock clock,
                   SnapshotBaselines baselines) {
        this.id = id;
        this.query = query;
        this.pageSize = pageSize;
        this.interval = interval;
        this.clock = clock;
        this.baselines = baselines;
    }

    @Override
    public StreamId id() {
        return id;
    }

    @Override
    public Batch poll(Position position) throws SourceException {
        boolean inProgress = position.string("next").isPresent() || position.number("skip").isPresent();
        int generation = position.number("gen").orElse(0L).intValue();
        Instant at = position.string("at").map(Instant::parse).orElse(null);
        String startDigest;
        PageCursor cursor;
        SnapshotTable table;
        if (!inProgress) {
            Instant now = clock.instant();
            if (at != null && now.isBefore(at.plus(interval))) {
                return Batch.empty(position);
            }
            table = baseline(position.string("base").orElse(null));
            generation++;
            at = now;
            startDigest = table.digest();
            cursor = null;
        } else {
            startDigest = position.string("start").orElse(null);
            table = baselines.find(position.string("base").orElse(null));
            if (table != null) {
                cursor = new PageCursor(position.string("next").orElse(null), position.number("skip").orElse(0L));
            } else {
                // The mid-snapshot table is gone (restart): begin this snapshot again from its start.
                table = baseline(startDigest);
                startDigest = table.digest();
                at = clock.instant();
                cursor = null;
                LOG.info("{}: restarting the snapshot from its first page", id);
            }
        }

        WindowPage page = query.fetch(pageSize, cursor);
        SnapshotTable working = table.copy();
        List<SourceRecord> changed = new ArrayList<>();
        for (JsonRecord json : page.records()) {
            String naturalId = json.firstField(query.spec().idFields().toArray(String[]::new));
            if (naturalId == null) {
                LOG.warn("{}: an item without {} was ignored", id, query.spec().idFields());
                continue;
            }
            long idHash = ContentHash.of(naturalId);
            long content = ContentHash.of(json.json());
            Long before = working.content(idHash);
            if (before == null || before != content) {
                changed.add(new SourceRecord(naturalId, ContentHash.hex(content), recordTime(json, at), json.json(),
                        query.spec().kind()));
            }
            working.put(idHash, content, generation);
        }

        Map<String, Object> next = new LinkedHashMap<>();
        next.put("gen", generation);
        next.put("at", at.toString());
        if (page.next() != null) {
            baselines.remember(working);
            next.put("base", working.digest());
            next.put("start", startDigest);
            next.put("skip", page.next().skip());
            next.put("next", page.next().nextLink());
        } else {
            working.dropOlderThan(generation);
            baselines.persist(working, startDigest);
            next.put("base", working.digest());
            LOG.debug("{}: snapshot {} complete, {} items", id, generation, working.size());
        }
        return new Batch(changed, new Position(next), page.next() != null);
    }

    private SnapshotTable baseline(String digest) {
        SnapshotTable table = baselines.find(digest);
        if (table == null) {
            if (digest != null) {
                LOG.info("{}: the baseline of the last snapshot is not available here; every item is emitted once", id);
            }
            table = SnapshotTable.empty();
        }
        return table;
    }

    /** The item's own time when the collection names one (lastSeen, lastUpdateDateTimeUtc), else the snapshot's. */
    private Instant recordTime(JsonRecord json, Instant at) {
        List<String> fields = query.spec().timeFields();
        String text = fields.isEmpty() ? null : json.firstField(fields.toArray(String[]::new));
        if (text != null) {
            try {
                return ODataTime.parse(text);
            } catch (RuntimeException e) {
                // An unparseable time is not worth losing the record over: use the snapshot time.
            }
        }
        return at;
    }
}
