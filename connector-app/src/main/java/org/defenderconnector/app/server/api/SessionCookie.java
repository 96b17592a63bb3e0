package org.defenderconnector.app.server.api;

import io.javalin.http.Context;
import org.defenderconnector.app.server.security.Sessions;

import java.util.Optional;

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (never sent on cross-site
 * requests), and over TLS Secure with the {@code __Host-} prefix (only ever set by this host, for
 * the whole site). On plain HTTP, meant for loopback development only, it cannot be Secure.
 */
public final class SessionCookie {
    private final boolean tls;

    public SessionCookie(boolean tls) {
        this.tls = tls;
    }

    String name() {
        return tls ? "__Host-dc_session" : "dc_session";
    }

    void set(Context ctx, String sessionId) {
        ctx.res().addHeader("Set-Cookie", name() + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + Sessions.ABSOLUTE.toSeconds() + (tls ? "; Secure" : ""));
    }

    void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", name() + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (tls ? "; Secure" : ""));
    }

    Optional<String> read(Context ctx) {
        return Optional.ofNullable(ctx.cookie(name())).filter(v -> !v.isBlank());
    }
}
