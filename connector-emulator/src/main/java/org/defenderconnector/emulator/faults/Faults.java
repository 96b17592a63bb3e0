package org.defenderconnector.emulator.faults;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.defenderconnector.emulator.entra.IssuedTokenLedger;

/**
 * The faults in force: rules from the config and the admin API, and token invalidations. Thread-safe; changes
 * apply to requests received afterwards.
 */
public final class Faults {

    /** A rule with how often it has fired so far. */
    public record Status(FaultRule rule, long injected, Long remaining) {
    }

    /** A rule and its running state. */
    static final class Active {
        final FaultRule rule;
        private final SplittableRandom random;
        private long injected;
        private long seen;

        Active(FaultRule rule) {
            this.rule = rule;
            this.random = new SplittableRandom(rule.seed() == null ? 1 : rule.seed());
        }

        /** Whether this matching request is hit (probability, then the count budget); counts it if so. */
        synchronized boolean hit() {
            if (rule.count() != null && injected >= rule.count()) {
                return false;
            }
            if (rule.probability() != null && random.nextDouble() >= rule.probability()) {
                return false;
            }
            injected++;
            return true;
        }

        /** Counts a matching request and says how many were seen, this one included. */
        synchronized long seen() {
            return ++seen;
        }

        synchronized Status status() {
            return new Status(rule, injected, rule.count() == null ? null : Math.max(0, rule.count() - injected));
        }
    }

    private static final String ALL_TENANTS = "*";

    /** Tokens issued before {@code before} (may be null) or up to issue number {@code upTo} are refused. */
    record Cutoff(Instant before, long upTo) {
        Cutoff merge(Cutoff other) {
            Instant later = before == null ? other.before : other.before == null ? before
                    : before.isAfter(other.before) ? before : other.before;
            return new Cutoff(later, Math.max(upTo, other.upTo));
        }

        boolean refuses(IssuedTokenLedger.Issue issue) {
            return issue.sequence() <= upTo || (before != null && issue.issued().isBefore(before));
        }
    }

    private final Clock clock;
    private final IssuedTokenLedger ledger;
    private final Map<String, Active> rules = new LinkedHashMap<>();
    private final Map<String, Cutoff> tokenCutoffs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public Faults(List<FaultRule> configured, Clock clock, IssuedTokenLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
        configured.forEach(this::add);
    }

    /** Adds a rule; returns its id (the rule's own, or a generated {@code fault-N}). */
    public synchronized String add(FaultRule rule) {
        List<String> problems = rule.problems("fault");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String id = rule.id() == null || rule.id().isBlank() ? "fault-" + ids.incrementAndGet() : rule.id();
        if (rules.containsKey(id)) {
            throw new IllegalArgumentException("a fault with id '" + id + "' already exists");
        }
        rules.put(id, new Active(rule.withId(id)));
        return id;
    }

    public synchronized boolean remove(String id) {
        return rules.remove(id) != null;
    }

    /** Removes every rule and token invalidation. */
    public synchronized void clear() {
        rules.clear();
        tokenCutoffs.clear();
    }

    public synchronized List<Status> rules() {
        List<Status> statuses = new ArrayList<>();
        rules.values().forEach(active -> statuses.add(active.status()));
        return statuses;
    }

    /** How many requests a rule has hit so far. */
    public synchronized long injected(String id) {
        Active active = rules.get(id);
        if (active == null) {
            throw new IllegalArgumentException("no fault with id '" + id + "'");
        }
        return active.status().injected();
    }

    /** Every token issued before {@code cutoff}, in any tenant, is refused with 401 from now on. */
    public void expireTokensIssuedBefore(Instant cutoff) {
        tokenCutoffs.merge(ALL_TENANTS, new Cutoff(cutoff, 0), Cutoff::merge);
    }

    /** Every token of {@code tenantId} issued before {@code cutoff} is refused with 401 from now on. */
    public void expireTokensIssuedBefore(String tenantId, Instant cutoff) {
        tokenCutoffs.merge(tenantId.toLowerCase(Locale.ROOT), new Cutoff(cutoff, 0), Cutoff::merge);
    }

    /** Every token issued so far, in any tenant, is refused (as if they all expired now); new tokens work. */
    public void expireTokensNow() {
        tokenCutoffs.merge(ALL_TENANTS, new Cutoff(null, ledger.lastSequence()), Cutoff::merge);
    }

    /** Every token of {@code tenantId} issued so far is refused; new tokens work. */
    public void expireTokensNow(String tenantId) {
        tokenCutoffs.merge(tenantId.toLowerCase(Locale.ROOT), new Cutoff(null, ledger.lastSequence()),
                Cutoff::merge);
    }

    public void clearTokenExpiry() {
        tokenCutoffs.clear();
    }

    /** Whether a token (by {@code uti}) of a tenant has been invalidated. */
    boolean refused(String tenantId, String tokenId) {
        Cutoff all = tokenCutoffs.get(ALL_TENANTS);
        Cutoff tenant = tenantId == null ? null : tokenCutoffs.get(tenantId.toLowerCase(Locale.ROOT));
        if (all == null && tenant == null) {
            return false;
        }
        Optional<IssuedTokenLedger.Issue> issue = ledger.issue(tokenId);
        return issue.isPresent() && ((all != null && all.refuses(issue.get()))
                || (tenant != null && tenant.refuses(issue.get())));
    }

    synchronized List<Active> matching(String path, String tenantId) {
        List<Active> matching = new ArrayList<>();
        for (Active active : rules.values()) {
            if (active.rule.matches(path, tenantId)) {
                matching.add(active);
            }
        }
        return matching;
    }

    Clock clock() {
        return clock;
    }
}
