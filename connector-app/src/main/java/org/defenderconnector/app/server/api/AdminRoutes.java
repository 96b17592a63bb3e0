package org.defenderconnector.app.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.defenderconnector.app.server.audit.AuditTrail;
import org.defenderconnector.app.server.security.Accounts;
import org.defenderconnector.app.server.security.ApiTokens;
import org.defenderconnector.app.server.security.Principal;
import org.defenderconnector.app.server.security.Role;
import org.defenderconnector.store.admin.ApiTokenRecord;
import org.defenderconnector.store.admin.AuditEntry;
import org.defenderconnector.store.admin.UserAccount;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Admin-only: users, API tokens and the audit log. */
final class AdminRoutes {
    record User(String username, String role, Instant created, Instant updated) {
        static User of(UserAccount a) {
            return new User(a.username(), a.role(), a.created(), a.updated());
        }
    }

    record UserList(List<User> users) {
    }

    record NewUser(String username, String password, String role) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    record UserChange(String password, String role) {
        @Override
        public String toString() {
            return "UserChange[" + role + "]";
        }
    }

    record Token(String id, String name, String role, String createdBy, Instant created, Instant lastUsed) {
        static Token of(ApiTokenRecord r) {
            return new Token(r.id(), r.name(), r.role(), r.createdBy(), r.created(), r.lastUsed());
        }
    }

    record TokenList(List<Token> tokens) {
    }

    record NewToken(String name, String role) {
    }

    /** The only time a token's value is ever shown. */
    record IssuedToken(String id, String name, String role, String token) {
    }

    record AuditItem(long id, Instant time, String actor, String action, String target, JsonNode details) {
    }

    record AuditPage(List<AuditItem> entries, Long next) {
    }

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final Exchange io;

    AdminRoutes(Accounts accounts, ApiTokens tokens, AuditTrail audit, Exchange io) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.io = io;
    }

    void register(Javalin app) {
        app.get("/api/v1/users", ctx -> io.ok(ctx, new UserList(accounts.list().stream().map(User::of).toList())), Role.ADMIN);
        app.post("/api/v1/users", this::createUser, Role.ADMIN);
        app.put("/api/v1/users/{username}", this::changeUser, Role.ADMIN);
        app.delete("/api/v1/users/{username}", this::deleteUser, Role.ADMIN);
        app.get("/api/v1/tokens", ctx -> io.ok(ctx, new TokenList(tokens.list().stream().map(Token::of).toList())), Role.ADMIN);
        app.post("/api/v1/tokens", this::createToken, Role.ADMIN);
        app.delete("/api/v1/tokens/{id}", this::revokeToken, Role.ADMIN);
        app.get("/api/v1/audit", this::auditPage, Role.ADMIN);
    }

    private void createUser(Context ctx) {
        NewUser user = io.body(ctx, NewUser.class);
        if (user.password() == null) {
            throw ApiException.badRequest("password is required", null);
        }
        UserAccount created = accounts.create(user.username(), user.password().toCharArray(),
                Role.fromId(user.role() == null ? "viewer" : user.role()), actor(ctx));
        io.send(ctx, 201, User.of(created));
    }

    private void changeUser(Context ctx) {
        String username = ctx.pathParam("username");
        UserChange change = io.body(ctx, UserChange.class);
        if (change.role() != null) {
            accounts.changeRole(username, Role.fromId(change.role()), actor(ctx));
        }
        if (change.password() != null) {
            accounts.changePassword(username, change.password().toCharArray(), actor(ctx));
        }
        io.ok(ctx, User.of(accounts.find(username).orElseThrow(() -> ApiException.notFound("no user named '" + username + "'"))));
    }

    private void deleteUser(Context ctx) {
        String username = ctx.pathParam("username");
        Principal me = AccessGuard.principal(ctx);
        if (me.name().equalsIgnoreCase(username)) {
            throw new ApiException(409, "conflict", "you cannot delete yourself", "sign in as another admin to do it");
        }
        accounts.delete(username, me.name());
        ctx.status(204);
    }

    private void createToken(Context ctx) {
        NewToken request = io.body(ctx, NewToken.class);
        ApiTokens.Issued issued = tokens.issue(request.name(), Role.fromId(request.role() == null ? "viewer" : request.role()),
                actor(ctx));
        io.send(ctx, 201, new IssuedToken(issued.record().id(), issued.record().name(), issued.record().role(), issued.token()));
    }

    private void revokeToken(Context ctx) {
        if (!tokens.revoke(ctx.pathParam("id"), actor(ctx))) {
            throw ApiException.notFound("no token with id '" + ctx.pathParam("id") + "'");
        }
        ctx.status(204);
    }

    private void auditPage(Context ctx) {
        String before = ctx.queryParam("before");
        String limitText = ctx.queryParam("limit");
        int limit;
        Long beforeId;
        try {
            limit = limitText == null ? 100 : Math.max(1, Math.min(500, Integer.parseInt(limitText)));
            beforeId = before == null || before.isBlank() ? null : Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'before' and 'limit' must be numbers", null);
        }
        List<AuditEntry> entries = audit.page(beforeId, limit + 1);
        List<AuditItem> items = new ArrayList<>();
        for (AuditEntry e : entries.subList(0, Math.min(limit, entries.size()))) {
            items.add(new AuditItem(e.id(), e.time(), e.actor(), e.action(), e.target(), details(e.details())));
        }
        Long next = entries.size() > limit ? items.get(items.size() - 1).id() : null;
        io.ok(ctx, new AuditPage(items, next));
    }

    private JsonNode details(String json) {
        try {
            return json == null ? null : io.mapper().readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static String actor(Context ctx) {
        return AccessGuard.principal(ctx).name();
    }
}
