package org.defenderconnector.app.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.defenderconnector.app.server.security.Accounts;
import org.defenderconnector.app.server.security.LoginThrottle;
import org.defenderconnector.app.server.security.Principal;
import org.defenderconnector.app.server.security.Role;
import org.defenderconnector.app.server.security.Sessions;
import org.defenderconnector.store.admin.UserAccount;

import java.util.Arrays;
import java.util.Optional;

/** Sign-in and sign-out of the console, who am I, and changing one's own password. */
final class SessionRoutes {
    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    record Me(String username, String role, String via, String csrfToken) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final SessionCookie cookie;
    private final Exchange io;

    SessionRoutes(Accounts accounts, Sessions sessions, LoginThrottle throttle, SessionCookie cookie,
                  Exchange io) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.cookie = cookie;
        this.io = io;
    }

    void register(Javalin app) {
        app.post("/api/v1/session", this::login);
        app.get("/api/v1/session", this::me, Role.VIEWER);
        app.delete("/api/v1/session", this::logout, Role.VIEWER);
        app.put("/api/v1/me/password", this::changePassword, Role.VIEWER);
    }

    private void login(Context ctx) {
        Login login = io.body(ctx, Login.class);
        if (login.username() == null || login.password() == null) {
            throw ApiException.badRequest("username and password are required", "send {\"username\":..., \"password\":...}");
        }
        long wait = throttle.retryAfterSeconds(login.username());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "too_many_attempts", "too many failed sign-ins for this user",
                    "wait " + wait + " seconds, or ask an admin to reset the password");
        }
        char[] password = login.password().toCharArray();
        Optional<UserAccount> user;
        try {
            user = accounts.authenticate(login.username(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (user.isEmpty()) {
            throttle.failed(login.username());
            throw new ApiException(401, "bad_credentials", "the username or password is wrong", null);
        }
        throttle.succeeded(login.username());
        Sessions.Started started = sessions.start(user.get().username(), Role.fromId(user.get().role()));
        cookie.set(ctx, started.id());
        io.ok(ctx, new Me(started.session().username(), started.session().role().id(), "session",
                started.session().csrfToken()));
    }

    private void me(Context ctx) {
        Principal p = AccessGuard.principal(ctx);
        io.ok(ctx, new Me(p.name(), p.role().id(), p.viaSession() ? "session" : "token",
                p.viaSession() ? p.session().csrfToken() : null));
    }

    private void logout(Context ctx) {
        cookie.read(ctx).ifPresent(sessions::end);
        cookie.clear(ctx);
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        Principal p = AccessGuard.principal(ctx);
        if (!p.viaSession()) {
            throw ApiException.forbidden("API tokens cannot change passwords");
        }
        PasswordChange change = io.body(ctx, PasswordChange.class);
        if (change.currentPassword() == null || change.newPassword() == null) {
            throw ApiException.badRequest("currentPassword and newPassword are required", null);
        }
        if (accounts.authenticate(p.name(), change.currentPassword().toCharArray()).isEmpty()) {
            throw ApiException.forbidden("the current password is wrong");
        }
        accounts.changePassword(p.name(), change.newPassword().toCharArray(), p.name());
        cookie.clear(ctx);
        ctx.status(204);
    }
}
