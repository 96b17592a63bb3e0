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

    private final Clock clock;
    private final Map<String, Active> rules = new LinkedHashMap<>();
    private final Map<String, Instant> tokenCutoffs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public Faults(List<FaultRule> configured, Clock clock) {
        this.clock = clock;
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
        tokenCutoffs.merge(ALL_TENANTS, cutoff, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Every token of {@code tenantId} issued before {@code cutoff} is refused with 401 from now on. */
    public void expireTokensIssuedBefore(String tenantId, Instant cutoff) {
        tokenCutoffs.merge(tenantId.toLowerCase(Locale.ROOT), cutoff, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Every token issued so far is refused (as if they all expired now); new tokens work. */
    public void expireTokensNow() {
        expireTokensIssuedBefore(clock.instant());
    }

    public void clearTokenExpiry() {
        tokenCutoffs.clear();
    }

    /** The latest cutoff that applies to a tenant. */
    Optional<Instant> tokenCutoff(String tenantId) {
        Instant all = tokenCutoffs.get(ALL_TENANTS);
        Instant tenant = tenantId == null ? null : tokenCutoffs.get(tenantId.toLowerCase(Locale.ROOT));
        if (all == null) {
            return Optional.ofNullable(tenant);
        }
        return Optional.of(tenant == null || all.isAfter(tenant) ? all : tenant);
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
