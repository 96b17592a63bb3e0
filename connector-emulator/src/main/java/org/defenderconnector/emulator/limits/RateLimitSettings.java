package org.defenderconnector.emulator.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code limits:} section: whether call quotas are enforced, and overrides of the documented numbers per
 * bucket (tests use small ones).
 *
 * @param enabled false turns every quota off (default true)
 * @param buckets bucket key to its limits; a missing bucket keeps the documented numbers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitSettings(Boolean enabled, Map<String, Limit> buckets) {

    /**
     * Calls allowed per sliding minute and per sliding hour; null = no such limit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limit(Integer perMinute, Integer perHour) {
    }

    public RateLimitSettings {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        buckets = buckets == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buckets));
    }

    public static RateLimitSettings documented() {
        return new RateLimitSettings(true, Map.of());
    }

    public List<String> problems(String where) {
        List<String> problems = new ArrayList<>();
        buckets.forEach((key, limit) -> {
            try {
                LimitBucket.byKey(key);
            } catch (IllegalArgumentException e) {
                problems.add(where + ".buckets: " + e.getMessage());
            }
            if (limit == null) {
                problems.add(where + ".buckets." + key + " needs perMinute and/or perHour");
            } else {
                if (limit.perMinute() != null && limit.perMinute() < 1) {
                    problems.add(where + ".buckets." + key + ".perMinute must be at least 1");
                }
                if (limit.perHour() != null && limit.perHour() < 1) {
                    problems.add(where + ".buckets." + key + ".perHour must be at least 1");
                }
            }
        });
        return problems;
    }
}
