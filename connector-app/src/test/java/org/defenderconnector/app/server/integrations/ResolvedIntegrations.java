package org.defenderconnector.app.server.integrations;

import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;

import java.time.Instant;

/** Integrations as the service resolves them, for tests of other server packages (the form is package-private). */
public final class ResolvedIntegrations {
    private ResolvedIntegrations() {
    }

    /** The form's validation of {@code input} as a new integration, resolved against {@code endpoints}. */
    public static ResolvedIntegration of(IntegrationInput input, Endpoints endpoints, Instant now) {
        IntegrationForm.Draft draft = IntegrationForm.validate(input, null, now);
        return new ResolvedIntegration(draft.record(), draft.secrets(), endpoints, TlsTrust.systemDefault());
    }
}
