package org.defenderconnector.microsoft.testserver;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.EventUid;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine's StreamRunner does, for tests in this module (connector-engine depends on this
 * module, so it cannot be used here): load the committed position, poll, deliver, and commit
 * batch.next() only after delivery. Deliveries are counted per uid, as a uid-upserting store keeps them.
 */
public final class DeliveryLoop {
    private final Source source;
    private Position committed = Position.START;
    private final List<SourceRecord> delivered = new ArrayList<>();
    private final Map<String, Integer> deliveriesByUid = new LinkedHashMap<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private int polls;

    public DeliveryLoop(Source source) {
        this.source = source;
    }

    /** One cycle: poll, deliver, commit. Returns the batch. */
    public Batch cycle() throws SourceException {
        Batch batch = source.poll(committed);
        polls++;
        deliver(batch);
        committed = batch.next();
        return batch;
    }

    /** A cycle whose sink fails (or whose process dies) after delivery: nothing is committed. */
    public Batch cycleWithoutCommit() throws SourceException {
        Batch batch = source.poll(committed);
        polls++;
        deliver(batch);
        return batch;
    }

    /** Cycles while the source says there is more, like the engine; returns the records delivered. */
    public int drain(int maxPolls) throws SourceException {
        int total = 0;
        for (int i = 0; i < maxPolls; i++) {
            Batch batch = cycle();
            total += batch.records().size();
            if (!batch.more()) {
                return total;
            }
        }
        throw new AssertionError("the source still had more after " + maxPolls + " polls");
    }

    private void deliver(Batch batch) {
        batchSizes.add(batch.records().size());
        for (SourceRecord record : batch.records()) {
            delivered.add(record);
            deliveriesByUid.merge(EventUid.of(source.id(), record), 1, Integer::sum);
        }
    }

    public Position committed() {
        return committed;
    }

    public void commit(Position position) {
        committed = position;
    }

    public List<SourceRecord> delivered() {
        return List.copyOf(delivered);
    }

    /** "id@version" of every delivery, in order. */
    public List<String> deliveredKeys() {
        return delivered.stream().map(r -> r.naturalId() + "@" + r.version()).toList();
    }

    /** Uids delivered more than once. */
    public List<String> repeatedUids() {
        return deliveriesByUid.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    public int polls() {
        return polls;
    }
}
