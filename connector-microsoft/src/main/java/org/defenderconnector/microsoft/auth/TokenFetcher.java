package org.defenderconnector.microsoft.auth;

/** Asks Entra ID for a new token. {@link TokenSource} adds caching and single-flight on top. */
@FunctionalInterface
public interface TokenFetcher {
    /**
     * @throws TokenException when Entra refuses or cannot be reached
     */
    AccessToken fetch(TokenKey key);
}
