package org.defenderconnector.app.server.runtime;

import org.defenderconnector.api.Source;

import java.time.Duration;
import java.util.List;

/** The collection sources of one activated integration, sharing its HTTP client and rate budget. */
public interface TenantSources extends AutoCloseable {
    /** @throws IllegalArgumentException when this build cannot collect the stream; the message says why */
    Source create(String stream);

    /** How often to poll the stream once caught up, when the integration does not say. */
    Duration defaultInterval(String stream);

    default List<IntegrationRuntime.BudgetUse> budget() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
