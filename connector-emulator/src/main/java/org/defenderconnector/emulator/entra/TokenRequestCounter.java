package org.defenderconnector.emulator.entra;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.defenderconnector.emulator.directory.ResourceApi;

/**
 * Counts token requests per (tenant, client, resource), successful or not, so that tests can prove that a
 * client caches its tokens instead of asking for one per API call (Entra throttles that: AADSTS50196).
 */
public final class TokenRequestCounter {

    /** Tenant id (or the unresolved path segment), client id and resource, all normalized. */
    public record Key(String tenant, String clientId, String resource) {
        public static Key of(String tenant, String clientId, String resource) {
            return new Key(lower(tenant), lower(clientId), resource == null ? "" : normalizeResource(resource));
        }

        @Override
        public String toString() {
            return tenant + " " + clientId + " " + resource;
        }
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public void record(Key key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public long count(Key key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }

    /** Every counter, ordered by key. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> copy = new TreeMap<>(java.util.Comparator.comparing(Key::toString));
        counts.forEach((key, adder) -> copy.put(key, adder.sum()));
        return copy;
    }

    public void reset() {
        counts.clear();
    }

    /** "https://graph.microsoft.com/.default", "https://Graph.microsoft.com/" and the bare URI count as one. */
    static String normalizeResource(String resource) {
        String trimmed = resource.trim();
        if (trimmed.endsWith("/.default")) {
            trimmed = trimmed.substring(0, trimmed.length() - "/.default".length());
        }
        return ResourceApi.normalize(trimmed);
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
