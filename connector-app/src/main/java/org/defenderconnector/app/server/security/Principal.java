package org.defenderconnector.app.server.security;

/**
 * Who is calling: a console user (by session cookie) or an automation token (by Bearer header).
 *
 * @param name    the username, or "token:&lt;name&gt;" for API tokens; this is what the audit log records
 * @param session the session when authenticated by cookie (then CSRF protection applies), else null
 */
public record Principal(String name, Role role, Session session) {
    public boolean viaSession() {
        return session != null;
    }
}
