package org.defenderconnector.store.admin;

import java.time.Instant;

/**
 * An API token for automation. Only a hash of the token is kept; the token itself is shown once.
 *
 * @param id        a public identifier, used to list and revoke
 * @param tokenHash SHA-256 of the token (tokens are long random values, so a fast hash is enough)
 * @param lastUsed  when it last authenticated a request (to the minute), or null
 */
public record ApiTokenRecord(String id, String name, String tokenHash, String role, String createdBy, Instant created,
                             Instant lastUsed) {
    @Override
    public String toString() {
        return "ApiTokenRecord[" + id + ", " + name + ", " + role + "]";
    }
}
