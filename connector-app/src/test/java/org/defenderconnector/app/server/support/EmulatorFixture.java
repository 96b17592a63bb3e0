package org.defenderconnector.app.server.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** The emulator's demo tenant, optionally with an extra client secret of the test's choosing. */
public final class EmulatorFixture {
    private EmulatorFixture() {
    }

    public static Emulator start(String extraSecret) throws IOException {
        EmulatorConfig demo = EmulatorConfig.demo();
        EmulatorConfig config = demo;
        if (extraSecret != null) {
            EmulatorConfig.Application app = demo.applications().get(0);
            List<EmulatorConfig.Secret> secrets = new java.util.ArrayList<>(app.secrets());
            secrets.add(new EmulatorConfig.Secret("d3fe3000-0000-4000-a000-0000000000ff", extraSecret, null));
            config = new EmulatorConfig(demo.tokenLifetimeSeconds(), List.of(new EmulatorConfig.Application(app.clientId(),
                    app.displayName(), app.homeTenant(), app.multiTenant(), secrets, app.certificates())), demo.tenants());
        }
        return Emulator.start(config, EmulatorOptions.defaults());
    }

    /** An integration body pointing at the emulator, with its CA, for the given streams. */
    public static ObjectNode integration(Emulator emulator, String name, String secret, String... streams) throws IOException {
        ObjectNode body = Http.json().createObjectNode().put("name", name).put("tenantId", DemoCredentials.TENANT_ID)
                .put("clientId", DemoCredentials.CLIENT_ID).put("apiBaseUrl", emulator.baseUrl())
                .put("extraCaPem", Files.readString(emulator.caCertificatePath()));
        if (secret != null) {
            body.put("clientSecret", secret);
        }
        var list = body.putArray("streams");
        for (String stream : streams) {
            list.add(stream);
        }
        return body;
    }
}
