package org.defenderconnector.microsoft.http;

import org.defenderconnector.api.SourceException;

/**
 * A bearer token for one API audience (MDE, Defender XDR or Graph) of one tenant. The onboarding
 * TokenSource is adapted to it; the HTTP client only needs these two operations.
 */
public interface AccessToken {
    /** The current access token, fetched or refreshed as needed. Never logged, never put in a message. */
    String bearer() throws SourceException;

    /** Forgets the cached token so the next {@link #bearer()} fetches a fresh one (after a 401 or a 403). */
    void invalidate();
}
