package org.defenderconnector.streaming;

/**
 * Receives records a streaming source could not read. Called on the polling thread before the batch
 * is delivered; a batch that is then not committed is read again, so a letter may be reported twice.
 * An implementation must not throw for an ordinary failure to keep a letter: it logs and goes on,
 * because a dead letter must never stop the stream.
 */
@FunctionalInterface
public interface DeadLetterListener {
    void deadLetter(DeadLetter letter);

    /** Drops letters; only for callers that really do not care (benchmarks). */
    DeadLetterListener IGNORE = letter -> {
    };
}
