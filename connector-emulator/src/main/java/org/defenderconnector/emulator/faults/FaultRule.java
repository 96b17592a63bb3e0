package org.defenderconnector.emulator.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fault to inject, from the {@code faults:} config list or the admin API. Unset fields take the defaults
 * named below; a rule applies to API requests (never to the token endpoint).
 *
 * @param id                name used by the admin API; generated when absent
 * @param kind              what to do
 * @param paths             path prefixes it applies to, case-insensitive (e.g. {@code /api/alerts}); all when empty
 * @param tenants           tenant ids it applies to; all when empty
 * @param probability       chance that a matching request is hit (default 1), drawn from {@code seed}
 * @param count             how many requests to hit at most; unlimited when absent
 * @param status            serverError / failWindow: 500 (default) or 503
 * @param retryAfterSeconds throttle (default 1) and 503: the Retry-After header
 * @param latencyMillis     latency: the added delay (default 1000)
 * @param afterBytes        truncate: bytes sent before the connection drops (default half the body, or 1024
 *                          for streamed bodies)
 * @param afterRequests     expireTokens: matching requests served before tokens become invalid (default 0)
 * @param time              failWindow: the time whose windows fail
 * @param seed              seed for {@code probability} (default 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(String id, FaultKind kind, List<String> paths, List<String> tenants, Double probability,
                        Integer count, Integer status, Integer retryAfterSeconds, Long latencyMillis,
                        Integer afterBytes, Integer afterRequests, Instant time, Long seed) {

    public FaultRule {
        paths = paths == null ? List.of() : List.copyOf(paths);
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    public static FaultRule serverErrors(int status, Integer count, String... paths) {
        return new FaultRule(null, FaultKind.SERVER_ERROR, List.of(paths), null, null, count, status, null, null,
                null, null, null, null);
    }

    public static FaultRule serverErrorRate(double probability, int status, long seed, String... paths) {
        return new FaultRule(null, FaultKind.SERVER_ERROR, List.of(paths), null, probability, null, status, null,
                null, null, null, null, seed);
    }

    public static FaultRule throttleStorm(int count, int retryAfterSeconds, String... paths) {
        return new FaultRule(null, FaultKind.THROTTLE, List.of(paths), null, null, count, null, retryAfterSeconds,
                null, null, null, null, null);
    }

    public static FaultRule latency(long millis, Integer count, String... paths) {
        return new FaultRule(null, FaultKind.LATENCY, List.of(paths), null, null, count, null, null, millis, null,
                null, null, null);
    }

    public static FaultRule truncate(Integer afterBytes, int count, String... paths) {
        return new FaultRule(null, FaultKind.TRUNCATE, List.of(paths), null, null, count, null, null, null,
                afterBytes, null, null, null);
    }

    public static FaultRule expireTokensAfter(int requests, String... paths) {
        return new FaultRule(null, FaultKind.EXPIRE_TOKENS, List.of(paths), null, null, 1, null, null, null, null,
                requests, null, null);
    }

    public static FaultRule failWindowsContaining(Instant time, String... paths) {
        return new FaultRule(null, FaultKind.FAIL_WINDOW, List.of(paths), null, null, null, null, null, null, null,
                null, time, null);
    }

    public FaultRule withId(String newId) {
        return new FaultRule(newId, kind, paths, tenants, probability, count, status, retryAfterSeconds,
                latencyMillis, afterBytes, afterRequests, time, seed);
    }

    public FaultRule forTenants(String... tenantIds) {
        return new FaultRule(id, kind, paths, List.of(tenantIds), probability, count, status, retryAfterSeconds,
                latencyMillis, afterBytes, afterRequests, time, seed);
    }

    boolean matches(String path, String tenantId) {
        String lower = path.toLowerCase(Locale.ROOT);
        boolean pathMatches = paths.isEmpty() || paths.stream().anyMatch(p -> lower.startsWith(p.toLowerCase(Locale.ROOT)));
        boolean tenantMatches = tenants.isEmpty() || tenants.stream().anyMatch(t -> t.equalsIgnoreCase(tenantId));
        return pathMatches && tenantMatches;
    }

    /** Problems with this rule ({@code where} names it). */
    public List<String> problems(String where) {
        List<String> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(where + ".kind is required (serverError, throttle, latency, truncate, expireTokens, "
                    + "failWindow)");
            return problems;
        }
        if (probability != null && (probability < 0 || probability > 1)) {
            problems.add(where + ".probability must be between 0 and 1");
        }
        if (count != null && count < 0) {
            problems.add(where + ".count must not be negative");
        }
        if (status != null && status != 500 && status != 503) {
            problems.add(where + ".status must be 500 or 503");
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            problems.add(where + ".retryAfterSeconds must not be negative");
        }
        if (latencyMillis != null && (latencyMillis < 0 || latencyMillis > 600_000)) {
            problems.add(where + ".latencyMillis must be between 0 and 600000");
        }
        if (afterBytes != null && afterBytes < 0) {
            problems.add(where + ".afterBytes must not be negative");
        }
        if (afterRequests != null && afterRequests < 0) {
            problems.add(where + ".afterRequests must not be negative");
        }
        if (kind == FaultKind.FAIL_WINDOW && time == null) {
            problems.add(where + ".time is required for failWindow");
        }
        for (String path : paths) {
            if (path == null || !path.startsWith("/")) {
                problems.add(where + ".paths: '" + path + "' must start with '/'");
            }
        }
        return problems;
    }
}
