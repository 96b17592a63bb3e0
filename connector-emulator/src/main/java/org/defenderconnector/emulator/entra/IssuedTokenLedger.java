package org.defenderconnector.emulator.entra;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When and in which order each access token was issued. A token's {@code iat} has whole seconds only, and a
 * test clock may stand still: the issue sequence lets fault injection invalidate "every token issued so far"
 * without also invalidating a token fetched a moment later.
 */
public final class IssuedTokenLedger {

    private static final int PRUNE_ABOVE = 20_000;

    /** When a token was issued, and its place in the issue order (1 for the first token of this run). */
    public record Issue(Instant issued, long sequence, Instant expires) {
    }

    private final Map<String, Issue> tokens = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    void record(String tokenId, Instant issued, Instant expires) {
        if (tokens.size() > PRUNE_ABOVE) {
            tokens.values().removeIf(entry -> entry.expires().isBefore(issued));
        }
        tokens.put(tokenId, new Issue(issued, sequence.incrementAndGet(), expires));
    }

    /** The sequence number of the latest token issued (0 before the first). */
    public long lastSequence() {
        return sequence.get();
    }

    /** How a token by its {@code uti} was issued; empty for tokens this emulator run did not issue. */
    public Optional<Issue> issue(String tokenId) {
        return tokenId == null ? Optional.empty() : Optional.ofNullable(tokens.get(tokenId));
    }

    /** The exact issue time of a token by its {@code uti}; empty for tokens this emulator run did not issue. */
    public Optional<Instant> issuedAt(String tokenId) {
        Issue entry = tokenId == null ? null : tokens.get(tokenId);
        return entry == null ? Optional.empty() : Optional.of(entry.issued());
    }
}
