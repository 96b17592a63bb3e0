package org.defenderconnector.app.server.security;

import io.javalin.security.RouteRole;

import java.util.Locale;

/** What a user or token may do: viewers read everything but secrets; admins also change configuration. */
public enum Role implements RouteRole {
    VIEWER, ADMIN;

    public boolean covers(Role required) {
        return this == ADMIN || required == VIEWER;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Role fromId(String id) {
        if (id != null) {
            for (Role role : values()) {
                if (role.id().equalsIgnoreCase(id.strip())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("role must be 'viewer' or 'admin'");
    }
}
