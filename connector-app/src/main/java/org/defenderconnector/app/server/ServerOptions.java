package org.defenderconnector.app.server;

import org.defenderconnector.app.server.integrations.CredentialTester;
import org.defenderconnector.app.server.runtime.SourceProvider;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * How to run the server. {@link #defaults(Path)} gives loopback port 8080, plain HTTP, a 30-day
 * expiry warning, the process environment, stdout, and the real credential test and sources.
 *
 * @param bind               address to listen on
 * @param port               TCP port; 0 picks a free one
 * @param dataDir            where the event store, the server database and the key file live
 * @param tlsKeystore        a PKCS#12 or JKS keystore with the server's key and certificate; null for plain HTTP
 * @param tlsPassword        the keystore's password
 * @param allowPlainHttp     plain HTTP on an address other than loopback (sign-in passwords would cross
 *                           the network in clear); refused unless set
 * @param expiryWarningDays  warn this many days before a client secret or certificate expires
 * @param environment        where DEFENDER_CONNECTOR_KEY and DEFENDER_CONNECTOR_ADMIN_PASSWORD are read
 * @param out                where the console URL and the first admin password are printed
 * @param tester             the credential test; null for the onboarding check
 * @param sources            builds activated integrations' sources; null for the REST collection sources
 */
public record ServerOptions(String bind, int port, Path dataDir, Path tlsKeystore, char[] tlsPassword,
                            String tlsKeystoreType, boolean allowPlainHttp, int expiryWarningDays,
                            Function<String, String> environment, PrintStream out, Clock clock,
                            CredentialTester tester, SourceProvider sources) {

    public static ServerOptions defaults(Path dataDir) {
        return new ServerOptions("127.0.0.1", 8080, dataDir, null, null, "PKCS12", false, 30, System::getenv,
                System.out, Clock.systemUTC(), null, null);
    }

    public ServerOptions withBind(String host, int newPort) {
        return new ServerOptions(host, newPort, dataDir, tlsKeystore, tlsPassword, tlsKeystoreType, allowPlainHttp,
                expiryWarningDays, environment, out, clock, tester, sources);
    }

    public ServerOptions withTls(Path keystore, char[] password, String type) {
        return new ServerOptions(bind, port, dataDir, keystore, password, type, allowPlainHttp, expiryWarningDays,
                environment, out, clock, tester, sources);
    }

    public ServerOptions withAllowPlainHttp(boolean allow) {
        return new ServerOptions(bind, port, dataDir, tlsKeystore, tlsPassword, tlsKeystoreType, allow, expiryWarningDays,
                environment, out, clock, tester, sources);
    }

    public ServerOptions withExpiryWarningDays(int days) {
        return new ServerOptions(bind, port, dataDir, tlsKeystore, tlsPassword, tlsKeystoreType, allowPlainHttp, days,
                environment, out, clock, tester, sources);
    }

    public ServerOptions withEnvironment(Function<String, String> env) {
        return new ServerOptions(bind, port, dataDir, tlsKeystore, tlsPassword, tlsKeystoreType, allowPlainHttp,
                expiryWarningDays, env, out, clock, tester, sources);
    }

    public ServerOptions withOut(PrintStream stream) {
        return new ServerOptions(bind, port, dataDir, tlsKeystore, tlsPassword, tlsKeystoreType, allowPlainHttp,
                expiryWarningDays, environment, stream, clock, tester, sources);
    }

    public ServerOptions withClock(Clock newClock) {
        return new ServerOptions(bind, port, dataDir, tlsKeystore, tlsPassword, tlsKeystoreType, allowPlainHttp,
                expiryWarningDays, environment, out, newClock, tester, sources);
    }

    public ServerOptions withTester(CredentialTester newTester) {
        return new ServerOptions(bind, port, dataDir, tlsKeystore, tlsPassword, tlsKeystoreType, allowPlainHttp,
                expiryWarningDays, environment, out, clock, newTester, sources);
    }

    public ServerOptions withSources(SourceProvider newSources) {
        return new ServerOptions(bind, port, dataDir, tlsKeystore, tlsPassword, tlsKeystoreType, allowPlainHttp,
                expiryWarningDays, environment, out, clock, tester, newSources);
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    @Override
    public String toString() {
        return "ServerOptions[" + bind + ":" + port + ", data=" + dataDir + (tls() ? ", TLS " + tlsKeystore : ", plain HTTP") + "]";
    }
}
