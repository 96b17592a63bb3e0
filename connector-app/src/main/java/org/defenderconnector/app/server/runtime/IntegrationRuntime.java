package org.defenderconnector.app.server.runtime;

import org.defenderconnector.app.server.integrations.ResolvedIntegration;

import java.util.List;
import java.util.Optional;

/**
 * Where activated integrations collect: the server starts and stops an integration's streams through
 * this, while it keeps running.
 */
public interface IntegrationRuntime extends AutoCloseable {
    /** Starts collecting every stream of the integration; replaces a running activation of the same name. */
    void activate(ResolvedIntegration integration);

    /** Stops the integration's streams; a batch in flight is finished and committed first. */
    void deactivate(String name);

    boolean isActive(String name);

    /** Live figures of the integration's streams; empty when it is not active. */
    List<StreamFigures> status(String name);

    /** How much of the tenant's API rate budget is used, when the sources report it. */
    default List<BudgetUse> budget(String name) {
        return List.of();
    }

    /** True while streams can be scheduled: part of {@code /readyz}. */
    boolean isRunning();

    /** Stops every stream. */
    @Override
    void close();

    /** One API family's budget: calls in the last minute and hour against the documented limits. */
    record BudgetUse(String family, int callsLastMinute, Integer perMinute, int callsLastHour, Integer perHour) {
        /** The larger of the two used fractions, 0..1, or null when no limit is known. */
        public Double usedRatio() {
            Double minute = perMinute == null || perMinute == 0 ? null : (double) callsLastMinute / perMinute;
            Double hour = perHour == null || perHour == 0 ? null : (double) callsLastHour / perHour;
            if (minute == null) {
                return hour;
            }
            return hour == null ? minute : Math.max(minute, hour);
        }
    }

    /**
     * One stream's live state.
     *
     * @param polls  polls made since activation
     * @param errors failed polls since activation
     */
    record StreamFigures(String stream, String state, long records, java.time.Instant lastSuccess, String lastError,
                         String fix, int consecutiveFailures, long polls, long errors) {
        public Optional<java.time.Instant> lastSuccessTime() {
            return Optional.ofNullable(lastSuccess);
        }
    }
}
