package org.defenderconnector.app.server.integrations;

import org.defenderconnector.app.server.runtime.IntegrationRuntime;

import java.time.Instant;
import java.util.List;

/**
 * How an integration is doing, per stream.
 *
 * @param state  INACTIVE, or the worst state of its streams (FAILING, DEGRADED, STARTING, OK)
 * @param budget API rate budget use per API family, when the sources report it
 */
public record IntegrationStatus(String name, boolean active, String state, List<StreamState> streams, Expiry expiry,
                                List<IntegrationRuntime.BudgetUse> budget) {

    /**
     * @param records     records delivered since activation
     * @param stored      events of this stream in the store (every version)
     * @param lagSeconds  seconds since the last successful poll, or null before the first one
     * @param newestEvent the newest stored event's own time
     */
    public record StreamState(String stream, String state, long records, long stored, Instant lastSuccess,
                              String lastError, String fix, int consecutiveFailures, long polls, long errors,
                              Long lagSeconds, Instant newestEvent) {
    }
}
