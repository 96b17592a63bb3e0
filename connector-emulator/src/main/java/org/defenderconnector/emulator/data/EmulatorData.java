package org.defenderconnector.emulator.data;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data of every tenant, by tenant id. Tenants configured with a {@code data:} section get generated data;
 * any other tenant gets an empty store (to which tests may still add records).
 */
public final class EmulatorData {

    private final Clock clock;
    private final Map<String, TenantData> tenants = new ConcurrentHashMap<>();

    public EmulatorData(Clock clock) {
        this.clock = clock;
    }

    /** Generates (or regenerates) a tenant's data from {@code settings}, as of now. */
    public TenantData configure(String tenantId, DataSettings settings) {
        TenantData data = settings == null ? TenantData.empty(tenantId, clock)
                : TenantData.generate(tenantId, settings, clock);
        tenants.put(key(tenantId), data);
        return data;
    }

    /** The tenant's data; an empty store for a tenant never configured. */
    public TenantData tenant(String tenantId) {
        return tenants.computeIfAbsent(key(tenantId), id -> TenantData.empty(tenantId, clock));
    }

    private static String key(String tenantId) {
        return tenantId == null ? "" : tenantId.toLowerCase(Locale.ROOT);
    }
}
