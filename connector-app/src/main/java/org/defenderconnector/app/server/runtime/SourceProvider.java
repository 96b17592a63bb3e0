package org.defenderconnector.app.server.runtime;

import org.defenderconnector.app.server.integrations.ResolvedIntegration;

/** Builds an integration's sources when it is activated. */
@FunctionalInterface
public interface SourceProvider {
    /** @throws RuntimeException with a user-facing message when the integration cannot collect at all */
    TenantSources open(ResolvedIntegration integration);
}
