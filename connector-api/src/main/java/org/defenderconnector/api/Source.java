package org.defenderconnector.api;

/**
 * Reads one stream of one tenant. A source is stateless between polls: everything it needs to
 * resume is in the {@link Position} it is given, which the engine (or Kafka Connect) keeps.
 * A source never holds a whole result set in memory; each poll returns at most one page.
 */
public interface Source extends AutoCloseable {
    StreamId id();

    /**
     * Reads the next batch after {@code position}. Throws {@link SourceException} with a cause and
     * a fix when the stream cannot be read; the position is then left where it was.
     */
    Batch poll(Position position) throws SourceException;

    @Override
    default void close() {
    }
}
