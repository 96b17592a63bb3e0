package org.defenderconnector.emulator.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Run-time control of one tenant's data, for tests: add and change records, read them back, regenerate. Changes
 * show in API answers from the next request on. Unknown ids throw {@link IllegalArgumentException}.
 */
public final class DataControl {

    private final EmulatorData data;
    private final String tenantId;

    public DataControl(EmulatorData data, String tenantId) {
        this.data = data;
        this.tenantId = tenantId;
    }

    private TenantData tenant() {
        return data.tenant(tenantId);
    }

    /** Adds an alert; its alertCreationTime and lastUpdateTime are exactly {@code alert.time()}. Returns its id. */
    public String addAlert(NewAlert alert) {
        return tenant().addAlert(alert).id();
    }

    /** Adds a generated-looking Defender for Endpoint alert created (and last updated) at {@code time}. */
    public String addAlert(Instant time) {
        return addAlert(NewAlert.at(time));
    }

    /** Adds {@code count} alerts sharing one timestamp (e.g. to straddle a page boundary); returns their ids. */
    public List<String> addAlertsWithSameTimestamp(int count, Instant time) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(addAlert(time));
        }
        return ids;
    }

    /** Changes an alert (generated or added); its lastUpdateTime becomes {@code update.time()} or now. */
    public Alert updateAlert(String id, AlertUpdate update) {
        return tenant().updateAlert(id, update);
    }

    /** Sets an alert's status now (New, InProgress, Resolved). */
    public Alert updateAlert(String id, String status) {
        return updateAlert(id, AlertUpdate.status(status));
    }

    /** Sets a machine action's status; its lastUpdateDateTimeUtc becomes {@code time} or now. */
    public MachineAction updateMachineAction(String id, String status, Instant time) {
        return tenant().updateMachineAction(id, status, time);
    }

    public Optional<Alert> alert(String id) {
        return tenant().alert(id);
    }

    /** Every alert as the APIs see it now (all products). */
    public List<Alert> alerts() {
        return tenant().alerts();
    }

    public List<Incident> incidents() {
        return tenant().incidents();
    }

    public List<Machine> machines() {
        return tenant().machines();
    }

    public List<MachineAction> machineActions() {
        return tenant().machineActions();
    }

    /** Replaces the tenant's data by data generated from {@code settings} as of now (null: no data). */
    public void configure(DataSettings settings) {
        data.configure(tenantId, settings);
    }

    /** The tenant's settings (all zero for a tenant without data). */
    public DataSettings settings() {
        return tenant().settings();
    }

    /** The time the tenant's data is as of. */
    public Instant now() {
        return tenant().now();
    }
}
