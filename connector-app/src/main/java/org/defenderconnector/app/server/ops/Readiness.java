package org.defenderconnector.app.server.ops;

import org.defenderconnector.app.server.runtime.IntegrationRuntime;
import org.defenderconnector.store.admin.AdminDatabase;
import org.defenderconnector.store.browse.EventBrowser;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /readyz}: the stores answer and the engine schedules streams. */
public final class Readiness {
    private final AdminDatabase admin;
    private final EventBrowser events;
    private final IntegrationRuntime runtime;

    public Readiness(AdminDatabase admin, EventBrowser events, IntegrationRuntime runtime) {
        this.admin = admin;
        this.events = events;
        this.runtime = runtime;
    }

    /** Each check by name, true when it passes. */
    public Map<String, Boolean> checks() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("eventStore", events.isHealthy());
        checks.put("serverDatabase", admin.isHealthy());
        checks.put("engine", runtime.isRunning());
        return checks;
    }
}
