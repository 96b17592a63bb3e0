package org.defenderconnector.streaming;

import java.util.ArrayList;
import java.util.List;

/** Keeps dead letters in memory, bounded: past {@code capacity} the oldest are dropped and counted. */
public final class InMemoryDeadLetters implements DeadLetterListener {
    private final int capacity;
    private final List<DeadLetter> letters = new ArrayList<>();
    private long dropped;

    public InMemoryDeadLetters(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public InMemoryDeadLetters() {
        this(10_000);
    }

    @Override
    public synchronized void deadLetter(DeadLetter letter) {
        if (letters.size() == capacity) {
            letters.remove(0);
            dropped++;
        }
        letters.add(letter);
    }

    public synchronized List<DeadLetter> letters() {
        return List.copyOf(letters);
    }

    /** How many letters were pushed out because the capacity was reached. */
    public synchronized long dropped() {
        return dropped;
    }
}
