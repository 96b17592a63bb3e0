package org.defenderconnector.emulator.limits;

import java.util.Optional;

import org.defenderconnector.emulator.api.ApiFamily;
import org.defenderconnector.emulator.api.ApiPolicy;
import org.defenderconnector.emulator.api.ApiRequest;
import org.defenderconnector.emulator.api.ApiResponse;
import org.defenderconnector.emulator.api.ApiRoute;

/**
 * Answers 429 with {@code Retry-After} (whole seconds, rounded up) once a quota is used up (per application per
 * tenant; advanced hunting per tenant), in the family's
 * error shape: code {@code TooManyRequests}, and a message that says which quota and when it frees up (XDR: "The
 * response body includes the time until the quota you reached is reset").
 */
public final class RateLimitPolicy implements ApiPolicy {

    private final RateLimits limits;

    public RateLimitPolicy(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public ApiResponse before(ApiRequest request, ApiRoute route) {
        LimitBucket bucket = LimitBucket.of(route);
        // Advanced hunting quotas are per tenant ("45 calls per minute per tenant"): every app shares them.
        String client = bucket == LimitBucket.HUNTING ? "*" : request.caller().clientId();
        Optional<RateLimits.Refusal> refusal = limits.acquire(request.caller().tenantId(), client, bucket,
                request.family().name());
        if (refusal.isEmpty()) {
            return null;
        }
        long seconds = Math.max(1, (refusal.get().retryAfter().toMillis() + 999) / 1000);
        String api = request.family() == ApiFamily.GRAPH ? "Microsoft Graph security"
                : request.family() == ApiFamily.XDR ? "Defender XDR" : "Defender for Endpoint";
        return request.error(429, "TooManyRequests", "Rate limit is exceeded: " + api + " allows "
                        + refusal.get().limit() + " calls per " + refusal.get().window()
                        + (bucket == LimitBucket.HUNTING ? " per tenant" : " per application and tenant")
                        + " for this API (" + bucket.key() + "). Try again in " + seconds + " seconds.")
                .withHeader("Retry-After", Long.toString(seconds));
    }
}
