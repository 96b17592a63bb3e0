package org.defenderconnector.app.server.support;

import org.defenderconnector.api.Event;
import org.defenderconnector.api.EventUid;
import org.defenderconnector.app.server.Server;
import org.defenderconnector.app.server.ServerHandle;
import org.defenderconnector.app.server.ServerOptions;
import org.defenderconnector.store.EventStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts servers for tests on 127.0.0.1 with a free port, a fresh data directory and a fixed secrets key. */
public final class TestServers {
    /** A 256-bit test key, base64: tests do not need a key file. */
    public static final String KEY = "q7nYk8mHq3eG5ZkqjH2l0Z0m3kVtq8Lw2VfXr4a9tCs=";
    public static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private TestServers() {
    }

    public static ServerOptions options(Path dataDir, ByteArrayOutputStream out) {
        return ServerOptions.defaults(dataDir).withBind("127.0.0.1", 0)
                .withEnvironment(Map.of("DEFENDER_CONNECTOR_KEY", KEY)::get)
                .withOut(new PrintStream(out, true, StandardCharsets.UTF_8))
                .withTester(new FakeTester());
    }

    public static ServerHandle start(ServerOptions options) {
        try {
            return Server.start(options);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Writes {@code count} events into the store file of {@code dataDir} before a server opens it:
     * tenants contoso/fabrikam, streams alerts (class 2004) and machines (class 5001), severities 1..5,
     * one second apart; every 50th on device "web-01.contoso.local".
     */
    public static void seedEvents(Path dataDir, int count) {
        try (EventStore store = EventStore.open(dataDir.resolve(Server.EVENT_STORE_FILE))) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String tenant = i % 2 == 0 ? "contoso" : "fabrikam";
                String stream = i % 3 == 0 ? "alerts" : "machines";
                int classUid = stream.equals("alerts") ? 2004 : 5001;
                String host = i % 50 == 0 ? "web-01.contoso.local" : "pc-" + i;
                String ocsf = "{\"class_uid\":" + classUid + ",\"severity_id\":" + (1 + i % 5) + ",\"device\":{\"hostname\":\""
                        + host + "\",\"uid\":\"dev-" + i + "\"},\"finding_info\":{\"title\":\"Finding " + i + "\"}}";
                String raw = "{\"id\":\"rec-" + i + "\",\"computerDnsName\":\"" + host + "\",\"comment\":\""
                        + (i == 42 ? "the quick brown fox" : "nothing") + "\"}";
                events.add(new Event(EventUid.of(tenant, stream, "rec-" + i, "1"), tenant, stream, "kind-" + stream,
                        "rec-" + i, BASE.plusSeconds(i), raw, ocsf));
            }
            store.write(events);
        }
    }
}
