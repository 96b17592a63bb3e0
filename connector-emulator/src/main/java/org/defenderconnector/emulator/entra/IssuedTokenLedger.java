package org.defenderconnector.emulator.entra;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each access token was issued, to the clock's full precision (a token's {@code iat} has whole seconds
 * only). Lets fault injection invalidate "every token issued before now" without also invalidating a token
 * fetched a moment later in the same second.
 */
public final class IssuedTokenLedger {

    private static final int PRUNE_ABOVE = 20_000;

    private record Entry(Instant issued, Instant expires) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

    void record(String tokenId, Instant issued, Instant expires) {
        if (tokens.size() > PRUNE_ABOVE) {
            tokens.values().removeIf(entry -> entry.expires().isBefore(issued));
        }
        tokens.put(tokenId, new Entry(issued, expires));
    }

    /** The exact issue time of a token by its {@code uti}; empty for tokens this emulator run did not issue. */
    public Optional<Instant> issuedAt(String tokenId) {
        Entry entry = tokenId == null ? null : tokens.get(tokenId);
        return entry == null ? Optional.empty() : Optional.of(entry.issued());
    }
}
