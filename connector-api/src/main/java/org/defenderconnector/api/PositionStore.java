package org.defenderconnector.api;

import java.util.Optional;

/** Keeps each stream's committed position (the embedded store, or Kafka Connect's offsets). */
public interface PositionStore {
    Optional<Position> load(StreamId id);

    void commit(StreamId id, Position position);
}
