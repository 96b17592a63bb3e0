package org.defenderconnector.app.server.runtime;

import org.defenderconnector.api.Source;
import org.defenderconnector.app.server.integrations.ResolvedIntegration;

import java.time.Duration;

/**
 * The provider for a build without REST collection sources: every stream shows as failing with the
 * reason, so activation still works end to end and says plainly what is missing.
 */
public final class NoCollectionSources implements SourceProvider {
    @Override
    public TenantSources open(ResolvedIntegration integration) {
        return new TenantSources() {
            @Override
            public Source create(String stream) {
                throw new IllegalArgumentException("this build has no collection source for '" + stream + "'");
            }

            @Override
            public Duration defaultInterval(String stream) {
                return Duration.ofMinutes(5);
            }
        };
    }
}
