package org.defenderconnector.app.server.security;

import org.defenderconnector.app.server.audit.AuditTrail;
import org.defenderconnector.store.admin.UserAccount;
import org.defenderconnector.store.admin.UserAccounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Users: sign-in, the first admin, and user management by admins. */
public final class Accounts {
    /** Set it to choose the first admin's password instead of having one generated and printed. */
    public static final String ADMIN_PASSWORD_ENV = "DEFENDER_CONNECTOR_ADMIN_PASSWORD";
    public static final String FIRST_ADMIN = "admin";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final UserAccounts users;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Sessions sessions;
    private final Clock clock;
    private volatile String decoyHash;

    public Accounts(UserAccounts users, PasswordHasher hasher, AuditTrail audit, Sessions sessions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Creates the first admin when there is no user yet. Returns the generated password, which the
     * caller prints once and which is never stored in clear; empty when users exist or the password
     * came from {@value #ADMIN_PASSWORD_ENV}.
     */
    public Optional<String> bootstrap(Function<String, String> environment) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String configured = environment.apply(ADMIN_PASSWORD_ENV);
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? RandomTokens.next(18) : configured;
        String problem = PasswordHasher.weakness(password.toCharArray(), FIRST_ADMIN);
        if (problem != null) {
            throw new IllegalArgumentException(ADMIN_PASSWORD_ENV + " " + problem);
        }
        Instant now = clock.instant();
        users.create(new UserAccount(FIRST_ADMIN, hasher.hash(password.toCharArray()), Role.ADMIN.id(), now, now));
        audit.record("system", "user.create", FIRST_ADMIN, Map.of("role", Role.ADMIN.id(),
                "password", generated ? "generated" : "from " + ADMIN_PASSWORD_ENV));
        return generated ? Optional.of(password) : Optional.empty();
    }

    /** The account when the password is right. Takes the same time whether or not the user exists. */
    public Optional<UserAccount> authenticate(String username, char[] password) {
        Optional<UserAccount> user = username == null ? Optional.empty() : users.find(username.strip());
        boolean ok = hasher.verify(password, user.map(UserAccount::passwordHash).orElseGet(this::decoy));
        return ok ? user : Optional.empty();
    }

    /** Made on first use: computing it at start would delay every start by one slow hash. */
    private String decoy() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.decoy();
            decoyHash = decoy;
        }
        return decoy;
    }

    public List<UserAccount> list() {
        return users.list();
    }

    public Optional<UserAccount> find(String username) {
        return users.find(username);
    }

    /** @throws IllegalArgumentException naming the problem (bad name, weak password, taken) */
    public UserAccount create(String username, char[] password, Role role, String actor) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username: use letters, digits, '.', '_', '@' or '-' (at most 64)");
        }
        String problem = PasswordHasher.weakness(password, username);
        if (problem != null) {
            throw new IllegalArgumentException("password " + problem);
        }
        Instant now = clock.instant();
        UserAccount account = new UserAccount(username, hasher.hash(password), role.id(), now, now);
        if (!users.create(account)) {
            throw new IllegalStateException("a user named '" + username + "' already exists");
        }
        audit.record(actor, "user.create", username, Map.of("role", role.id()));
        return account;
    }

    public void changePassword(String username, char[] password, String actor) {
        String problem = PasswordHasher.weakness(password, username);
        if (problem != null) {
            throw new IllegalArgumentException("password " + problem);
        }
        if (!users.updatePassword(username, hasher.hash(password), clock.instant())) {
            throw new java.util.NoSuchElementException("no user named '" + username + "'");
        }
        sessions.endAllOf(username);
        audit.record(actor, "user.password", username, Map.of("password", "changed"));
    }

    public void changeRole(String username, Role role, String actor) {
        UserAccount user = users.find(username).orElseThrow(() ->
                new java.util.NoSuchElementException("no user named '" + username + "'"));
        if (user.role().equals(Role.ADMIN.id()) && role != Role.ADMIN && users.countWithRole(Role.ADMIN.id()) == 1) {
            throw new IllegalStateException("'" + username + "' is the last admin; make another user admin first");
        }
        users.updateRole(user.username(), role.id(), clock.instant());
        sessions.endAllOf(user.username());
        audit.record(actor, "user.role", user.username(), Map.of("role", role.id()));
    }

    public void delete(String username, String actor) {
        UserAccount user = users.find(username).orElseThrow(() ->
                new java.util.NoSuchElementException("no user named '" + username + "'"));
        if (user.role().equals(Role.ADMIN.id()) && users.countWithRole(Role.ADMIN.id()) == 1) {
            throw new IllegalStateException("'" + username + "' is the last admin and cannot be deleted");
        }
        users.delete(user.username());
        sessions.endAllOf(user.username());
        audit.record(actor, "user.delete", user.username(), Map.of());
    }
}
