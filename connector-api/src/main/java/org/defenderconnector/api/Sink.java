package org.defenderconnector.api;

import java.util.List;

/**
 * Takes events for delivery. {@link #write} returns only once the events are durable (committed
 * to disk, flushed, acknowledged by the broker): the engine commits the source position after it,
 * which is what makes delivery at-least-once. Sinks that can upsert by uid make it exactly-once in effect.
 */
public interface Sink extends AutoCloseable {
    String name();

    /** Durably takes the events; throws when it could not, in which case nothing is committed. */
    void write(List<Event> events) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
