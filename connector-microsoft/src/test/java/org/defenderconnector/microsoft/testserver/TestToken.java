package org.defenderconnector.microsoft.testserver;

import org.defenderconnector.microsoft.http.AccessToken;

import java.util.concurrent.atomic.AtomicInteger;

/** Hands out "secret-token-N"; each invalidate makes the next bearer a new token. */
public final class TestToken implements AccessToken {
    private final AtomicInteger generation = new AtomicInteger(1);
    private final AtomicInteger invalidations = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();

    @Override
    public String bearer() {
        issued.incrementAndGet();
        return "secret-token-" + generation.get();
    }

    @Override
    public void invalidate() {
        invalidations.incrementAndGet();
        generation.incrementAndGet();
    }

    public String current() {
        return "secret-token-" + generation.get();
    }

    public int invalidations() {
        return invalidations.get();
    }
}
