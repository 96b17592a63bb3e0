package org.defenderconnector.store.admin;

import java.time.Instant;

/**
 * A console/API user. The password is kept only as a salted slow hash (the format is the hasher's business).
 *
 * @param role "admin" or "viewer"
 */
public record UserAccount(String username, String passwordHash, String role, Instant created, Instant updated) {
    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + role + "]";
    }
}
