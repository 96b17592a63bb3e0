package org.defenderconnector.app.e2e;

import org.defenderconnector.emulator.data.Alert;
import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.Incident;
import org.defenderconnector.emulator.data.MachineAction;
import org.defenderconnector.emulator.data.Machine;
import org.defenderconnector.emulator.data.ServiceSource;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the emulator holds right now, asked from its {@link DataControl} (not through the APIs the
 * connector reads), as the {@code id@lastUpdate} keys {@link StoredEvents#versions} produces.
 */
final class EmulatorTruth {
    private EmulatorTruth() {
    }

    /** {@code /api/alerts} serves Defender for Endpoint alerts only. */
    static Set<String> mdeAlerts(DataControl data) {
        Set<String> keys = new TreeSet<>();
        for (Alert alert : data.alerts()) {
            if (alert.source() == ServiceSource.ENDPOINT) {
                keys.add(alert.id() + "@" + alert.lastUpdate());
            }
        }
        return keys;
    }

    /** Graph alerts_v2 serves the alerts of every product. */
    static Set<String> graphAlerts(DataControl data) {
        Set<String> keys = new TreeSet<>();
        for (Alert alert : data.alerts()) {
            keys.add(alert.id() + "@" + alert.lastUpdate());
        }
        return keys;
    }

    static Set<String> incidents(DataControl data) {
        Set<String> keys = new TreeSet<>();
        for (Incident incident : data.incidents()) {
            keys.add(incident.id() + "@" + incident.lastUpdate());
        }
        return keys;
    }

    static Set<String> machineActions(DataControl data) {
        Set<String> keys = new TreeSet<>();
        for (MachineAction action : data.machineActions()) {
            keys.add(action.id() + "@" + action.lastUpdate());
        }
        return keys;
    }

    static Set<String> machineIds(DataControl data) {
        Set<String> ids = new TreeSet<>();
        for (Machine machine : data.machines()) {
            ids.add(machine.id());
        }
        return ids;
    }
}
