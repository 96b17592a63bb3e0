package org.defenderconnector.app.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import org.defenderconnector.app.server.security.ApiTokens;
import org.defenderconnector.app.server.security.Principal;
import org.defenderconnector.app.server.security.RandomTokens;
import org.defenderconnector.app.server.security.Role;
import org.defenderconnector.app.server.security.Sessions;

import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route. Routes registered without a role are public; the others need a
 * session cookie or a Bearer token whose role covers the route's role. Requests authenticated by the
 * cookie must also carry the session's CSRF token in {@value #CSRF_HEADER} when they change something:
 * a cookie is sent by the browser on its own, a header set by our script is not.
 */
public final class AccessGuard {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String PRINCIPAL = "principal";

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final SessionCookie cookie;

    public AccessGuard(Sessions sessions, ApiTokens tokens, SessionCookie cookie) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.cookie = cookie;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Principal principal = identify(ctx).orElseThrow(ApiException::unauthenticated);
        if (principal.viaSession() && changes(ctx.method())) {
            String sent = ctx.header(CSRF_HEADER);
            if (!RandomTokens.equal(sent, principal.session().csrfToken())) {
                throw new ApiException(403, "csrf", sent == null ? "the CSRF token is missing" : "the CSRF token is wrong",
                        "send the csrfToken returned at login in the " + CSRF_HEADER + " header; reload the console");
            }
        }
        Role required = roles.contains(Role.ADMIN) ? Role.ADMIN : Role.VIEWER;
        if (!principal.role().covers(required)) {
            throw ApiException.forbidden("this needs the " + required.id() + " role; you are " + principal.role().id());
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The caller, from a Bearer token or a session cookie; the token wins when both are sent. */
    Optional<Principal> identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, "unauthenticated", "only Bearer tokens are accepted",
                        "send 'Authorization: Bearer <token>'");
            }
            return Optional.of(tokens.authenticate(authorization.substring(7).strip())
                    .orElseThrow(() -> new ApiException(401, "unauthenticated", "the API token is not valid",
                            "check the token; it may have been revoked")));
        }
        return cookie.read(ctx).flatMap(sessions::find)
                .map(session -> new Principal(session.username(), session.role(), session));
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw ApiException.unauthenticated();
        }
        return principal;
    }

    private static boolean changes(HandlerType method) {
        return method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH
                || method == HandlerType.DELETE;
    }
}
